// A statement file holding several accounts is never merged into one fund account, on real PostgreSQL:
// both doors (the page's preview + commit, the CLI's importFile) refuse it whole, naming the accounts;
// once one account is chosen, only its transactions are stored, and the commit reads the same account
// the preview did. Stored rows are checked with plain SQL against amounts read off the sample by hand.
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

import { chooseStatementAccountAction } from "@/lib/actions/import/batches";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { batchErrors } from "@/lib/import-batches/batch-errors";
import { batchFacts } from "@/lib/import-batches/batch-facts";
import { commitBatch } from "@/lib/import-batches/commit-batch";
import { importFile } from "@/lib/import-batches/import-file";
import { previewBatch } from "@/lib/import-batches/preview-batch";
import { accountsOfRefusal } from "@/lib/import-batches/several-accounts";
import { stageUpload } from "@/lib/import-batches/stage-upload";
import { db, makeOrg } from "./fixtures";
import { formData, request, signIn } from "./request-harness";

const IDLE = { status: "idle" } as const;
const sample = (name: string) => fs.readFileSync(path.resolve(process.cwd(), "tests/samples/import/statements", name));

afterAll(() => closePgPool());

type StoredRow = { fundAccountId: string; sourceRow: number; amountMinor: string; currency: string };

/** The company's stored bank rows, by plain SQL rather than the import's own reading. */
async function storedRows(orgId: string): Promise<StoredRow[]> {
  return db.$queryRawUnsafe<StoredRow[]>(
    `SELECT "fundAccountId"::text AS "fundAccountId", "sourceRow", "amountMinor"::text AS "amountMinor", currency
       FROM "BankTransaction" WHERE "orgId" = $1::uuid ORDER BY "sourceRow"`,
    orgId,
  );
}

describe("a camt.053 of two accounts through the page's doors", () => {
  it("is refused by the preview, read again for the chosen account, suggested to that account and committed alone", async () => {
    const org = await makeOrg();
    request.token = await signIn({ id: org.userId, email: org.userEmail, name: org.userName });
    const eur = await createFundAccount(db, org, { name: "EUR 账户", type: "BANK", institution: null, accountNumber: "NL26VAYB8060476890", currency: "EUR" });
    const usd = await createFundAccount(db, org, { name: "USD 账户", type: "BANK", institution: null, accountNumber: "NL91ABNA0417164300", currency: "USD" });
    const staged = await stageUpload(db, org, { fileName: "camt053.xml", source: [new Uint8Array(sample("camt053-two-accounts.v2.xml"))] });

    const { batch: refused } = await previewBatch(db, org, staged.id);
    expect(refused.status).toBe("FAILED");
    expect(refused.fundAccountId).toBeNull();
    expect(accountsOfRefusal(batchErrors(refused))).toEqual(["NL26VAYB8060476890", "NL91ABNA0417164300"]);

    // The page's choice schedules a reading of the one account.
    expect(await chooseStatementAccountAction(IDLE, formData({ id: staged.id, account: "NL91ABNA0417164300" }))).toMatchObject({ status: "ok" });
    const job = await db.job.findFirstOrThrow({ where: { subjectId: staged.id, status: "QUEUED" } });
    expect(job.payload).toMatchObject({ batchId: staged.id, statementAccount: "NL91ABNA0417164300" });

    // What the worker runs with that payload.
    const { batch: preview } = await previewBatch(db, org, staged.id, { statementAccount: "NL91ABNA0417164300" });
    expect(preview).toMatchObject({ status: "PREVIEW", validCount: 1, fundAccountId: usd.id });
    expect(batchFacts(preview).statementAccount).toEqual({ number: "NL91ABNA0417164300" });

    const committed = await commitBatch(db, getPgPool(), org, staged.id);
    expect(committed).toMatchObject({ status: "COMMITTED", insertedCount: 1 });
    // Only the USD account's DBIT 7.00 (the Ntry on line 85); nothing of the EUR statement.
    expect(await storedRows(org.orgId)).toEqual([{ fundAccountId: usd.id, sourceRow: 85, amountMinor: "-700", currency: "USD" }]);
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId, fundAccountId: eur.id } })).toBe(0);
  });
});

describe("an MT940 of two accounts through the CLI's door", () => {
  it("is refused whole without --statement-account, and stores only the chosen account's lines with it", async () => {
    const org = await makeOrg();
    const rabo = await createFundAccount(db, org, { name: "Rabobank", type: "BANK", institution: null, accountNumber: null, currency: "EUR" });

    const refused = await importFile(db, getPgPool(), org, { fileName: "rabo.sta", source: [sample("mt940-rabobank-nl.sta")], fundAccountId: rabo.id });
    expect(refused.status).toBe("FAILED");
    expect(refused.errors).toEqual([expect.objectContaining({ code: "STATEMENT_SEVERAL_ACCOUNTS", params: { format: "MT940", count: 2, accounts: "1291.99.348EUR\n1526.89.184EUR" } })]);
    expect(await storedRows(org.orgId)).toEqual([]);

    const chosen = await importFile(db, getPgPool(), org, {
      fileName: "rabo.sta",
      source: [sample("mt940-rabobank-nl.sta")],
      fundAccountId: rabo.id,
      statementAccount: "1526.89.184EUR",
    });
    expect(chosen).toMatchObject({ status: "COMMITTED", inserted: 2 });
    // :61:240829D…88,10 (line 16) and :61:240829D…6,20 (line 20); the other account's 77,35 is not there.
    expect(await storedRows(org.orgId)).toEqual([
      { fundAccountId: rabo.id, sourceRow: 16, amountMinor: "-8810", currency: "EUR" },
      { fundAccountId: rabo.id, sourceRow: 20, amountMinor: "-620", currency: "EUR" },
    ]);
  });
});

describe("an ICBC corporate export with two own accounts (本方账号 on every row) through the page's doors", () => {
  const A = "1001000000000000001";
  const B = "1001000000000000002";
  const CSV = [
    "凭证号,本方账号,对方账号,交易时间,借贷标识,借方发生额,贷方发生额,对方行号,摘要,用途,对方单位名称,余额,个性化信息",
    `00000000001,${A},6222000000000001,20180702 09:15:20,贷,,"30,000.00",102100000000,汇入,货款,上海某某商贸有限公司,"130,000.00",`,
    `00000000002,${B},310000000000001,20180703 10:00:00,借,"500.00",,308000000000,转账支出,采购款,深圳某某包装材料有限公司,"9,500.00",`,
    `00000000003,${A},310000000000002,20180705 11:02:08,借,"5,600.00",,308000000000,转账支出,采购款,深圳某某包装材料有限公司,"124,400.00",`,
  ].join("\n");

  it("is refused by the preview, then read and committed for the chosen account alone", async () => {
    const org = await makeOrg();
    const first = await createFundAccount(db, org, { name: "工行一般户", type: "BANK", institution: "中国工商银行", accountNumber: A, currency: "CNY" });
    const second = await createFundAccount(db, org, { name: "工行专户", type: "BANK", institution: "中国工商银行", accountNumber: B, currency: "CNY" });
    const staged = await stageUpload(db, org, { fileName: "icbc.csv", source: [Buffer.from(CSV)] });

    const { batch: refused } = await previewBatch(db, org, staged.id);
    expect(refused.status).toBe("FAILED");
    expect(accountsOfRefusal(batchErrors(refused))).toEqual([A, B]);

    const { batch: preview } = await previewBatch(db, org, staged.id, { statementAccount: A });
    expect(preview).toMatchObject({ status: "PREVIEW", validCount: 2, fundAccountId: first.id });
    const committed = await commitBatch(db, getPgPool(), org, staged.id);
    expect(committed).toMatchObject({ status: "COMMITTED", insertedCount: 2 });
    expect(await storedRows(org.orgId)).toEqual([
      { fundAccountId: first.id, sourceRow: 2, amountMinor: "3000000", currency: "CNY" },
      { fundAccountId: first.id, sourceRow: 4, amountMinor: "-560000", currency: "CNY" },
    ]);
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId, fundAccountId: second.id } })).toBe(0);
  });
});
