// The import page's doors on real PostgreSQL: reading a file again (another format, or a column
// mapping) is only for a batch waiting for the user or one that could not be read. Sending a
// committed batch back to PARSING would rewrite its preview under stored rows and let it be
// committed a second time.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./request-harness")).harnessNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", async () => (await import("./request-harness")).harnessNextIntl);
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => (await import("./request-harness")).currentSession(),
}));

import { mapColumnsAction, reparseImportAction } from "@/lib/actions/import/batches";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { importFile } from "@/lib/import-batches/import-file";
import { previewBatch } from "@/lib/import-batches/preview-batch";
import { stageUpload } from "@/lib/import-batches/stage-upload";
import { ACCOUNT_INPUT, db, makeOrg } from "./fixtures";
import { formData, request, signIn } from "./request-harness";

const IDLE = { status: "idle" } as const;
const CMB = path.resolve(process.cwd(), "../shared/fixtures/bank-cmb/example-cmb-debit-records.csv");
const UNKNOWN_LAYOUT = "记账日,金额,摘要\n2025-03-01,100.00,货款\n";

afterAll(() => closePgPool());

// The reading itself is a job a worker takes; here it is only counted on the queue.
const queuedJobsFor = (batchId: string) => db.job.count({ where: { subjectId: batchId, status: "QUEUED" } });

async function signedInOrgWithAccount() {
  const org = await makeOrg();
  request.token = await signIn({ id: org.userId, email: org.userEmail, name: org.userName });
  const account = await createFundAccount(db, org, { ...ACCOUNT_INPUT, type: "BANK" });
  return { org, account };
}

async function stagedAndRead(org: Awaited<ReturnType<typeof makeOrg>>, text: string | Buffer, fundAccountId?: string) {
  const batch = await stageUpload(db, org, { fileName: "file.csv", source: [new Uint8Array(Buffer.from(text))], fundAccountId });
  await previewBatch(db, org, batch.id);
  return db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } });
}

describe("reading an import again", () => {
  it("refuses a committed batch and leaves it committed, scheduling nothing", async () => {
    const { org, account } = await signedInOrgWithAccount();
    const committed = await importFile(db, getPgPool(), org, { fileName: "cmb.csv", source: fs.createReadStream(CMB), fundAccountId: account.id });
    expect(committed.status).toBe("COMMITTED");

    const answer = await reparseImportAction(IDLE, formData({ id: committed.batchId, format: "auto" }));
    expect(answer).toMatchObject({ status: "error", message: "该导入已提交、已取消或正在处理，不能重新读取。" });
    expect(await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: org.orgId, id: committed.batchId } } })).toMatchObject({ status: "COMMITTED" });
    expect(await queuedJobsFor(committed.batchId)).toBe(0);
  });

  it("sends a batch waiting in PREVIEW back to PARSING and schedules its reading", async () => {
    const { org, account } = await signedInOrgWithAccount();
    const preview = await stagedAndRead(org, fs.readFileSync(CMB), account.id);
    expect(preview.status).toBe("PREVIEW");

    expect(await reparseImportAction(IDLE, formData({ id: preview.id, format: "auto" }))).toMatchObject({ status: "ok" });
    expect(await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: preview.orgId, id: preview.id } } })).toMatchObject({ status: "PARSING", progress: 0 });
    expect(await queuedJobsFor(preview.id)).toBe(1);
  });
});

describe("mapping the columns of an unknown layout", () => {
  const mapping = { name: "我的银行", headerRow: "0", kind: "bank", date: "记账日", amount: "金额", amountSign: "positiveIsIn", memo: "摘要" };

  it("saves the mapping from the picked header row and reads the file again", async () => {
    const { org } = await signedInOrgWithAccount();
    const failed = await stagedAndRead(org, UNKNOWN_LAYOUT);
    expect(failed.status).toBe("FAILED");

    expect(await mapColumnsAction(IDLE, formData({ id: failed.id, ...mapping }))).toMatchObject({ status: "ok" });
    expect(await db.columnMapping.findFirst({ where: { orgId: org.orgId } })).toMatchObject({ name: "我的银行" });
    expect(await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: failed.orgId, id: failed.id } } })).toMatchObject({ status: "PARSING" });
    expect(await queuedJobsFor(failed.id)).toBe(1);
  });

  it("asks for an amount, or money in and money out, before saving anything", async () => {
    const { org } = await signedInOrgWithAccount();
    const failed = await stagedAndRead(org, UNKNOWN_LAYOUT);
    const { amount: _amount, ...withoutAmount } = mapping;

    const answer = await mapColumnsAction(IDLE, formData({ id: failed.id, ...withoutAmount, inflow: "金额" }));
    expect(answer).toMatchObject({ status: "error", fieldErrors: { amount: "请指定金额列，或同时指定收入和支出两列。" } });
    expect(await db.columnMapping.count({ where: { orgId: org.orgId } })).toBe(0);
    expect(await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: failed.orgId, id: failed.id } } })).toMatchObject({ status: "FAILED" });
  });

  it("asks what a positive amount means when one amount column has no direction column", async () => {
    const { org } = await signedInOrgWithAccount();
    const failed = await stagedAndRead(org, UNKNOWN_LAYOUT);
    const { amountSign: _sign, ...unsaid } = mapping;

    const answer = await mapColumnsAction(IDLE, formData({ id: failed.id, ...unsaid }));
    expect(answer).toMatchObject({ status: "error", fieldErrors: { amountSign: "金额只有一列、又没有收/支方向列时，请说明金额为正表示收入还是支出。" } });
    expect(await db.columnMapping.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it("refuses a batch that was read with a layout: its sample holds no raw header rows", async () => {
    const { org, account } = await signedInOrgWithAccount();
    const preview = await stagedAndRead(org, fs.readFileSync(CMB), account.id);

    const answer = await mapColumnsAction(IDLE, formData({ id: preview.id, ...mapping }));
    expect(answer).toMatchObject({ status: "error", message: "列映射不完整，请检查。" });
    expect(await db.columnMapping.count({ where: { orgId: org.orgId } })).toBe(0);
  });
});
