// Uploads are read in a process of their own, as the web app starts it (issue 12, item 8): the
// preview and the commit run through scripts/import-step.ts, a process that dies leaves its batch
// interrupted rather than PARSING/COMMITTING, and a file past the limits ends FAILED storing nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { parseImportBuffer } from "@/lib/import";
import { closePgPool } from "@/lib/db/pg-pool";
import { claimCommit } from "@/lib/import-batches/commit-batch";
import { runImportStepInChild } from "@/lib/import-batches/run-import-step-in-child";
import { stageUpload } from "@/lib/import-batches/stage-upload";
import { db, makeOrg } from "./fixtures";

afterAll(() => closePgPool());
afterEach(() => {
  delete process.env.IMPORT_MAX_ROWS;
});

const FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/bank-cmb/example-cmb-debit-records.csv");

async function stagedFixture() {
  const org = await makeOrg();
  const account = await createFundAccount(db, org, { name: "招行", type: "BANK", institution: null, accountNumber: null, currency: "CNY" });
  const batch = await stageUpload(db, org, { fileName: path.basename(FIXTURE), source: [readFileSync(FIXTURE)] });
  return { org, account, batch };
}

describe("import steps in a child process", () => {
  it("previews in the child with the counts the parser gives, then commits there", async () => {
    const { org, account, batch } = await stagedFixture();
    const expected = await parseImportBuffer({ fileName: batch.fileName, data: readFileSync(FIXTURE) });
    if (!expected.ok) throw new Error("the fixture must be readable");

    await runImportStepInChild(db, { step: "preview", orgId: org.orgId, batchId: batch.id });
    const previewed = await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(previewed).toMatchObject({ status: "PREVIEW", format: expected.format.id, validCount: expected.rows.length, invalidCount: 0, fundAccountId: account.id });
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);

    const claim = await claimCommit(db, org, batch.id);
    await runImportStepInChild(db, { step: "commit", orgId: org.orgId, batchId: batch.id, userId: org.userId, userEmail: org.userEmail, targetId: claim.targetId });
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "COMMITTED", insertedCount: expected.rows.length });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(expected.rows.length);
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "import.commit", entityId: batch.id } })).toBe(1);
  });

  it("marks a preview whose process is killed interrupted, not PARSING", async () => {
    const { org, batch } = await stagedFixture();
    await runImportStepInChild(db, { step: "preview", orgId: org.orgId, batchId: batch.id }, { onStart: (child) => child.kill("SIGKILL") });
    // FAILED without errors is what the page explains as interrupted.
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "FAILED", errors: [] });
  });

  it("marks a commit whose process is killed interrupted, not COMMITTING, with nothing stored", async () => {
    const { org, batch } = await stagedFixture();
    await runImportStepInChild(db, { step: "preview", orgId: org.orgId, batchId: batch.id });
    const claim = await claimCommit(db, org, batch.id);
    const step = { step: "commit" as const, orgId: org.orgId, batchId: batch.id, userId: org.userId, userEmail: org.userEmail, targetId: claim.targetId };
    await runImportStepInChild(db, step, { onStart: (child) => child.kill("SIGKILL") });
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "FAILED", errors: [] });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it("marks the batch interrupted when the process cannot even run the step", async () => {
    const { org, batch } = await stagedFixture();
    // A project root without the step script: the process starts and exits at once, non-zero.
    await runImportStepInChild(db, { step: "preview", orgId: org.orgId, batchId: batch.id }, { projectRoot: "/tmp" });
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "FAILED", errors: [] });
  });

  it("reads nothing for another organization, and leaves that organization's batch alone", async () => {
    const { batch } = await stagedFixture();
    const stranger = await makeOrg();
    await runImportStepInChild(db, { step: "preview", orgId: stranger.orgId, batchId: batch.id });
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "PARSING", rowCount: 0 });
  });

  it("ends a file past the row limit FAILED with the limit's message, storing nothing", async () => {
    const { org, batch } = await stagedFixture();
    process.env.IMPORT_MAX_ROWS = "3"; // the child inherits the server's environment
    await runImportStepInChild(db, { step: "preview", orgId: org.orgId, batchId: batch.id });
    const failed = await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(failed).toMatchObject({ status: "FAILED", validCount: 0 });
    expect(failed.errors).toEqual([
      { row: expect.any(Number), column: null, code: "TOO_MANY_ROWS", params: { limit: 3, fileName: batch.fileName }, severity: "error" },
    ]);
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
  });
});
