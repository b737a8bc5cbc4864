// The web page's path: stage the upload → preview → (a person confirms) → commit.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { saveColumnMapping } from "@/lib/import-batches/column-mappings";
import { batchFacts } from "@/lib/import-batches/batch-facts";
import { commitBatch } from "@/lib/import-batches/commit-batch";
import { importFile } from "@/lib/import-batches/import-file";
import { previewBatch } from "@/lib/import-batches/preview-batch";
import { stageUpload } from "@/lib/import-batches/stage-upload";
import { cancelBatch } from "@/lib/import-batches/undo-batch";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { db, makeOrg } from "./fixtures";

afterAll(() => closePgPool());

const CSV = "交易日期,摘要,收入,支出,余额,对方户名\n2025-03-02,货款,1280.50,,51280.50,杭州某某贸易有限公司\n2025-03-03,手续费,,15.00,51265.50,招商银行\n";

async function setup() {
  const org = await makeOrg();
  const bank = await createFundAccount(db, org, { name: "招行", type: "BANK", institution: null, accountNumber: null, currency: "CNY" });
  return { org, bank };
}

describe("staged imports", () => {
  it("previews without storing rows, suggests the account whose number the file prints, then commits", async () => {
    const { org } = await setup();
    const numbered = await createFundAccount(db, org, { name: "招行基本户", type: "BANK", institution: "招商银行", accountNumber: "6214830012345678", currency: "CNY" });
    const staged = await stageUpload(db, org, { fileName: "../../etc/流水.csv", source: [Buffer.from(`账号：6214****5678\n${CSV}`)] });
    expect(staged.fileName).toBe("流水.csv");
    const { batch } = await previewBatch(db, org, staged.id);
    expect(batch).toMatchObject({ status: "PREVIEW", format: "generic-bank", kind: "BANK", rowCount: 2, validCount: 2, invalidCount: 0, fundAccountId: numbered.id });
    expect(batchFacts(batch)).toEqual({
      statementAccount: { number: "6214****5678" },
      statement: {
        count: 2,
        firstDay: "2025-03-02",
        lastDay: "2025-03-03",
        currency: "CNY",
        mixedCurrencies: false,
        inMinor: 128050n,
        outMinor: 1500n,
        balance: { openingMinor: 5000000n, closingMinor: 5126550n, brokenAtRow: null },
      },
    });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);

    const committed = await commitBatch(db, getPgPool(), org, batch.id);
    expect(committed).toMatchObject({ status: "COMMITTED", insertedCount: 2, duplicateCount: 0, fundAccountId: numbered.id });
    const rows = await db.bankTransaction.findMany({ where: { orgId: org.orgId }, orderBy: { sourceRow: "asc" } });
    expect(rows.map((row) => [row.sourceRow, row.amountMinor, row.counterparty])).toEqual([
      [3, 128050n, "杭州某某贸易有限公司"],
      [4, -1500n, "招商银行"],
    ]);
    expect(await db.importFileChunk.count({ where: { batchId: batch.id } })).toBe(0);
  });

  it("never defaults a statement to the only bank account when the file names another bank or no number", async () => {
    const { org, bank } = await setup();
    await db.fundAccount.update({ where: { orgId_id: { orgId: org.orgId, id: bank.id } }, data: { institution: "招商银行", accountNumber: "6214830012345678" } });
    for (const file of ["bank-ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls", "bank-boc/example-boc-debit-records.csv", "bank-icbc/example-icbc-debit-v1-records.csv"]) {
      const staged = await stageUpload(db, org, { fileName: path.basename(file), source: [fs.readFileSync(path.resolve("../shared/fixtures", file))] });
      const { batch } = await previewBatch(db, org, staged.id);
      expect(batch).toMatchObject({ status: "PREVIEW", fundAccountId: null });
      // The commit refuses without a choice, as the CLI does for the same file.
      await expect(commitBatch(db, getPgPool(), org, batch.id)).rejects.toMatchObject({ code: "INVALID", messageKey: "accountRequired" });
    }
    const cli = importFile(db, getPgPool(), org, { fileName: "boc.csv", source: [fs.readFileSync(path.resolve("../shared/fixtures/bank-boc/example-boc-debit-records.csv"))] });
    await expect(cli).rejects.toMatchObject({ code: "INVALID", messageKey: "accountRequired" });
  });

  it("lets only one of two simultaneous commits through", async () => {
    const { org, bank } = await setup();
    const staged = await stageUpload(db, org, { fileName: "a.csv", source: [Buffer.from(CSV)] });
    await previewBatch(db, org, staged.id);
    const chosen = { fundAccountId: bank.id };
    const results = await Promise.allSettled([commitBatch(db, getPgPool(), org, staged.id, chosen), commitBatch(db, getPgPool(), org, staged.id, chosen)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(2);
  });

  it("cancels a preview, drops the staged file and writes the audit row", async () => {
    const { org } = await setup();
    const staged = await stageUpload(db, org, { fileName: "a.csv", source: [Buffer.from(CSV)] });
    await previewBatch(db, org, staged.id);
    await cancelBatch(db, org, staged.id);
    expect(await db.importBatch.findFirst({ where: { id: staged.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await db.importFileChunk.count({ where: { batchId: staged.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "import.cancel", entityId: staged.id } })).toBe(1);
    await expect(commitBatch(db, getPgPool(), org, staged.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("recognises a layout by a column mapping saved for it, in that organization only", async () => {
    const { org, bank } = await setup();
    const other = await setup();
    const unknown = "入账时点,变动额,附言\n2025-03-04,+2300.00,三月货款\n";
    const first = await stageUpload(db, org, { fileName: "u.csv", source: [Buffer.from(unknown)] });
    expect((await previewBatch(db, org, first.id)).batch.status).toBe("FAILED");

    await saveColumnMapping(db, org, {
      name: "地方银行",
      header: ["入账时点", "变动额", "附言"],
      mapping: { kind: "bank", date: "入账时点", amount: "变动额", amountSign: "positiveIsIn", memo: "附言" },
    });
    const { batch } = await previewBatch(db, org, first.id);
    // A mapped layout prints no account: the person chooses it.
    expect(batch).toMatchObject({ status: "PREVIEW", validCount: 1, fundAccountId: null });
    expect(batch.format).toMatch(/^mapping:h1:/);
    const committed = await commitBatch(db, getPgPool(), org, batch.id, { fundAccountId: bank.id });
    expect(committed.insertedCount).toBe(1);

    const elsewhere = await stageUpload(db, other.org, { fileName: "u.csv", source: [Buffer.from(unknown)] });
    expect((await previewBatch(db, other.org, elsewhere.id)).batch.status).toBe("FAILED");
  });
});
