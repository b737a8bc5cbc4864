// A file whose balances contradict a row's sign is refused by both doors — the page's preview and
// the CLI's direct import — with nothing stored; a card-style file with one amount column is not
// recognised at all until a person says what a positive amount means.
import { afterAll, describe, expect, it } from "vitest";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { importFile } from "@/lib/import-batches/import-file";
import { previewBatch } from "@/lib/import-batches/preview-batch";
import { stageUpload } from "@/lib/import-batches/stage-upload";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { db, makeOrg } from "./fixtures";

afterAll(() => closePgPool());

// Row 3: the fee is printed 5.00 while the balance falls by 5.00.
const FLIPPED = "交易日期,摘要,交易金额,账户余额\n2025-03-01,货款,1000.00,5000.00\n2025-03-02,手续费,5.00,4995.00\n2025-03-03,提现,-995.00,4000.00\n";

async function setup() {
  const org = await makeOrg();
  const account = await createFundAccount(db, org, { name: "招行", type: "BANK", institution: null, accountNumber: null, currency: "CNY" });
  return { org, account };
}

describe("signs the file's own balances contradict", () => {
  it("fail the preview, naming the row, and nothing is stored", async () => {
    const { org, account } = await setup();
    const staged = await stageUpload(db, org, { fileName: "流水.csv", source: [Buffer.from(FLIPPED)], fundAccountId: account.id });
    const { batch } = await previewBatch(db, org, staged.id);
    expect(batch.status).toBe("FAILED");
    expect(batch.errors).toMatchObject([{ row: 3, code: "SIGN_CONTRADICTS_BALANCE" }]);
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it("refuse the CLI's direct import, which stores nothing", async () => {
    const { org, account } = await setup();
    const result = await importFile(db, getPgPool(), org, { fileName: "流水.csv", source: [Buffer.from(FLIPPED)], fundAccountId: account.id });
    expect(result).toMatchObject({ status: "FAILED", inserted: 0, errors: [{ row: 3, code: "SIGN_CONTRADICTS_BALANCE" }] });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);

    const fixed = FLIPPED.replace("手续费,5.00", "手续费,-5.00");
    expect(await importFile(db, getPgPool(), org, { fileName: "流水.csv", source: [Buffer.from(fixed)], fundAccountId: account.id })).toMatchObject({ status: "COMMITTED", inserted: 3 });
  });
});
