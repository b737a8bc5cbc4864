// Imports on real PostgreSQL: every shared fixture lands with its format detected, re-importing
// adds nothing, a bad file stores nothing, and undo removes a batch's rows.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { importFile } from "@/lib/import-batches/import-file";
import { undoBatch } from "@/lib/import-batches/undo-batch";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { createStore } from "@/lib/stores/store-service";
import { buildZip } from "../unit/import/zip-writer";
import { db, makeOrg, STORE_INPUT } from "./fixtures";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures");
const fileSource = (file: string) => fs.createReadStream(path.join(FIXTURES, file));

afterAll(() => closePgPool());

async function orgWithTargets() {
  const org = await makeOrg();
  const bank = await createFundAccount(db, org, { name: "银行", type: "BANK", institution: null, accountNumber: null, currency: "CNY" });
  const alipay = await createFundAccount(db, org, { name: "支付宝", type: "ALIPAY", institution: null, accountNumber: null, currency: "CNY" });
  const wechat = await createFundAccount(db, org, { name: "微信", type: "WECHAT", institution: null, accountNumber: null, currency: "CNY" });
  const amazon = await createStore(db, org, { ...STORE_INPUT, name: "Amazon", platform: "AMAZON", currency: "USD" });
  return { org, bank, alipay, wechat, amazon };
}

describe("importing the shared fixtures", () => {
  // A statement file of several accounts is imported one account at a time: the 4th entry names it.
  const cases: [string, string, "bank" | "alipay" | "wechat" | "amazon", string?][] = [
    ["alipay/example-alipay-records.csv", "alipay-transactions", "alipay"],
    ["alipay/支付宝交易明细(20201122-20201214).csv", "alipay-transactions", "alipay"],
    ["bank-icbc/example-icbc-credit-records.csv", "icbc-statement", "bank"],
    ["bank-icbc/example-icbc-debit-v2-records.csv", "icbc-statement", "bank"],
    ["wechat/example-wechat-records.csv", "wechat-pay-bill", "wechat"],
    ["wechat/example-wechat-records.xlsx", "wechat-pay-bill", "wechat"],
    ["bank-icbc/example-icbc-debit-v1-records.csv", "icbc-statement", "bank"],
    ["bank-ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls", "ccb-statement", "bank"],
    ["bank-cmb/example-cmb-debit-records.csv", "cmb-statement", "bank"],
    ["bank-boc/example-boc-debit-records.csv", "boc-statement", "bank"],
    ["amazon-settlement/settlement-sample.txt", "amazon-settlement-v2", "amazon"],
    ["ofx/bank_medium.ofx", "ofx-statement", "bank"],
    ["ofx/checking.ofx", "ofx-statement", "bank"],
    ["camt/camt053.v2.minimal.xml", "camt053-statement", "bank"],
    ["camt/camt053.v8.xml", "camt053-statement", "bank"],
    ["mt940/cmxl_mt940.sta", "mt940-statement", "bank", "45050050/76198810"],
    ["mt940/jejik_abnamro.sta", "mt940-statement", "bank"],
  ];

  it.each(cases)("%s → %s, stored once, then 0 new rows on re-import", async (file, format, targetName, statementAccount) => {
    const targets = await orgWithTargets();
    const target = targets[targetName];
    const ids = targetName === "amazon" ? { storeId: target.id } : { fundAccountId: target.id, statementAccount };
    const first = await importFile(db, getPgPool(), targets.org, { fileName: path.basename(file), source: fileSource(file), ...ids, skipInvalid: true });
    expect(first).toMatchObject({ format, status: "COMMITTED", duplicates: 0 });
    expect(first.inserted).toBeGreaterThan(0);

    const table = targetName === "amazon" ? db.settlementLine : db.bankTransaction;
    const stored = await (table as typeof db.bankTransaction).count({ where: { orgId: targets.org.orgId, batchId: first.batchId } });
    expect(stored).toBe(first.inserted);

    const again = await importFile(db, getPgPool(), targets.org, { fileName: path.basename(file), source: fileSource(file), ...ids, skipInvalid: true });
    expect(again).toMatchObject({ status: "COMMITTED", inserted: 0, duplicates: first.inserted });
  });
});

describe("import batches", () => {
  it("keeps each row's batch, file name and source row number as a user sees it", async () => {
    const { org, alipay } = await orgWithTargets();
    const result = await importFile(db, getPgPool(), org, {
      fileName: "example-alipay-records.csv",
      source: fileSource("alipay/example-alipay-records.csv"),
      fundAccountId: alipay.id,
    });
    const rows = await db.bankTransaction.findMany({ where: { orgId: org.orgId }, orderBy: { sourceRow: "asc" } });
    const text = fs.readFileSync(path.join(FIXTURES, "alipay/example-alipay-records.csv"));
    // The first data row's line in the file: the line after the header (preamble lines counted).
    const lines = new TextDecoder("gb18030").decode(text).split(/\r?\n/);
    const headerLine = lines.findIndex((line) => line.startsWith("交易时间"));
    expect(rows[0]!.sourceRow).toBe(headerLine + 2);
    expect(rows.every((row) => row.batchId === result.batchId)).toBe(true);
    const batch = await db.importBatch.findFirst({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ fileName: "example-alipay-records.csv", status: "COMMITTED" });
    expect(await db.importFileChunk.count({ where: { batchId: result.batchId } })).toBe(0);
  });

  it("stores nothing from a file with an invalid row unless told to skip it", async () => {
    const { org, bank } = await orgWithTargets();
    const csv = "交易日期,摘要,收入,支出,余额,对方户名\n2025-01-02,货款,100.00,,1100.00,甲公司\n2025-01-03,手续费,,abc,1090.00,银行\n";
    const source = () => [new TextEncoder().encode(csv)];
    const refused = await importFile(db, getPgPool(), org, { fileName: "bad.csv", source: source(), fundAccountId: bank.id });
    expect(refused.status).toBe("REJECTED");
    expect(refused.inserted).toBe(0);
    expect(refused.errors).toContainEqual(expect.objectContaining({ row: 3, code: "INVALID_AMOUNT", severity: "error" }));
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);

    const skipped = await importFile(db, getPgPool(), org, { fileName: "bad.csv", source: source(), fundAccountId: bank.id, skipInvalid: true });
    expect(skipped).toMatchObject({ status: "COMMITTED", inserted: 1, invalid: 1 });
  });

  it("refuses an empty file and a binary file at the preview, storing no rows", async () => {
    const { org, bank } = await orgWithTargets();
    const empty = await importFile(db, getPgPool(), org, { fileName: "empty.csv", source: [new Uint8Array()], fundAccountId: bank.id });
    expect(empty).toMatchObject({ status: "FAILED", inserted: 0 });
    expect(empty.errors[0]).toMatchObject({ code: "EMPTY_FILE" });
    const binary = await importFile(db, getPgPool(), org, {
      fileName: "photo.csv",
      source: [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
      fundAccountId: bank.id,
    });
    expect(binary).toMatchObject({ status: "FAILED" });
    expect(binary.errors[0]).toMatchObject({ code: "BINARY_FILE" });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it("refuses an XLSX zip bomb before inflating it, storing nothing", async () => {
    const { org, bank } = await orgWithTargets();
    // 64 MiB of zeros compresses to ~64 KiB: a ratio no real workbook has.
    const bomb = buildZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    const result = await importFile(db, getPgPool(), org, { fileName: "statement.xlsx", source: [bomb], fundAccountId: bank.id });
    expect(result).toMatchObject({ status: "FAILED", inserted: 0 });
    expect(result.errors[0]).toMatchObject({ code: "ZIP_BOMB", row: null });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it("adds only the new rows of an overlapping statement", async () => {
    const { org, bank } = await orgWithTargets();
    const header = "交易日期,摘要,收入,支出,余额,对方户名\n";
    const day = (d: number) => `2025-01-0${d},货款,${d}00.00,,${d}000.00,客户${d}\n`;
    const first = await importFile(db, getPgPool(), org, { fileName: "jan-1-3.csv", source: [Buffer.from(header + day(1) + day(2) + day(3))], fundAccountId: bank.id });
    const second = await importFile(db, getPgPool(), org, { fileName: "jan-2-5.csv", source: [Buffer.from(header + day(2) + day(3) + day(4) + day(5))], fundAccountId: bank.id });
    expect(first).toMatchObject({ inserted: 3, duplicates: 0 });
    expect(second).toMatchObject({ inserted: 2, duplicates: 2 });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(5);
  });

  it("undoes a batch as a whole, audited", async () => {
    const { org, wechat } = await orgWithTargets();
    const result = await importFile(db, getPgPool(), org, {
      fileName: "wechat.csv",
      source: fileSource("wechat/example-wechat-records.csv"),
      fundAccountId: wechat.id,
    });
    await undoBatch(db, org, result.batchId);
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
    expect(await db.importBatch.findFirst({ where: { id: result.batchId } })).toMatchObject({ status: "UNDONE" });
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: { in: ["import.commit", "import.undo"] } } })).toBe(2);
    await expect(undoBatch(db, org, result.batchId)).rejects.toMatchObject({ code: "CONFLICT" });
    // After an undo the same file imports again in full.
    const again = await importFile(db, getPgPool(), org, { fileName: "wechat.csv", source: fileSource("wechat/example-wechat-records.csv"), fundAccountId: wechat.id });
    expect(again.inserted).toBe(result.inserted);
  });

  it("refuses a file larger than the limit while it streams in, keeping nothing", async () => {
    const { org, bank } = await orgWithTargets();
    process.env.IMPORT_MAX_BYTES = String(2 * 1024 * 1024);
    try {
      // A readable statement of about 5 MB: the limit, not a parse error, must stop it.
      async function* big() {
        yield Buffer.from("交易日期,摘要,收入,支出,余额,对方户名\n");
        const line = Buffer.from("2025-01-02,货款,100.00,,1100.00,甲公司\n");
        for (let i = 0; i < 5; i++) yield Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / line.length) }, () => line));
      }
      await expect(importFile(db, getPgPool(), org, { fileName: "big.csv", source: big(), fundAccountId: bank.id })).rejects.toMatchObject({
        messageKey: "fileTooLarge",
      });
    } finally {
      delete process.env.IMPORT_MAX_BYTES;
    }
    expect(await db.importBatch.count({ where: { orgId: org.orgId } })).toBe(0);
    expect(await db.importFileChunk.count({ where: { orgId: org.orgId } })).toBe(0);
  });
});
