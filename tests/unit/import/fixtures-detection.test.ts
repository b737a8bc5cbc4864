// Every real export in ../shared/fixtures is recognised without being told its format.
// Header rows and data-row counts were read off the files by hand.
import { describe, expect, it } from "vitest";
import { expectFailed, fixturePath, importPath, importText } from "./helpers";

describe("auto-detection of the real fixtures", () => {
  it.each([
    // file, format, kind, header row, imported rows, encoding / sheet
    ["alipay/example-alipay-records.csv", "alipay-transactions", "bank", 25, 9, "gb18030"],
    ["alipay/支付宝交易明细(20201122-20201214).csv", "alipay-transactions", "bank", 25, 23, "gb18030"],
    ["wechat/example-wechat-records.csv", "wechat-pay-bill", "bank", 17, 27, "utf-8"],
    ["wechat/example-wechat-records.xlsx", "wechat-pay-bill", "bank", 18, 27, undefined],
    ["bank-icbc/example-icbc-credit-records.csv", "icbc-statement", "bank", 7, 9, "utf-8"],
    ["bank-icbc/example-icbc-debit-v1-records.csv", "icbc-statement", "bank", 7, 11, "utf-8"],
    ["bank-icbc/example-icbc-debit-v2-records.csv", "icbc-statement", "bank", 7, 11, "utf-8"],
    ["bank-ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls", "ccb-statement", "bank", 6, 6, undefined],
    ["bank-cmb/example-cmb-debit-records.csv", "cmb-statement", "bank", 1, 5, "utf-8"],
    ["bank-boc/example-boc-debit-records.csv", "boc-statement", "bank", 2, 17, "utf-8"],
    ["amazon-settlement/settlement-sample.txt", "amazon-settlement-v2", "settlement", 1, 24, "utf-8"],
  ] as const)("%s → %s", async (file, formatId, kind, headerRow, rowCount, encoding) => {
    const result = await importPath(fixturePath(file));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.format.id).toBe(formatId);
    expect(result.kind).toBe(kind);
    expect(result.headerRow).toBe(headerRow);
    expect(result.rows).toHaveLength(rowCount);
    expect(result.encoding).toBe(encoding);
    expect(result.errors.filter((e) => e.severity === "error")).toEqual([]);
  });

  // Bank statements that are not tables: parsed whole and handed on under a synthetic header (row 0).
  it.each([
    // file, format, imported rows
    ["ofx/checking.ofx", "ofx-statement", 3],
    ["ofx/bank_medium.ofx", "ofx-statement", 3],
    ["camt/camt053.v8.xml", "camt053-statement", 1],
    ["camt/camt053.v2.minimal.xml", "camt053-statement", 1],
    ["mt940/cmxl_mt940.sta", "mt940-statement", 16],
    ["mt940/jejik_abnamro.sta", "mt940-statement", 10],
  ] as const)("%s → %s", async (file, formatId, rowCount) => {
    const result = await importPath(fixturePath(file));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.format.id).toBe(formatId);
    expect(result.kind).toBe("bank");
    expect(result.headerRow).toBe(0);
    expect(result.rows).toHaveLength(rowCount);
    expect(result.errors).toEqual([]);
  });

  it("other ISO 20022 CAMT reports (camt.052/054) are still named as unsupported", async () => {
    const text = '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn/></Document>\n';
    const result = expectFailed(await importText("notification.xml", text));
    expect(result.errors).toEqual([expect.objectContaining({ code: "UNSUPPORTED_FILE_TYPE", params: { format: "CAMT" } })]);
  });
});
