// Every real export in ../shared/fixtures is recognised without being told its format.
// Header rows and data-row counts were read off the files by hand.
import { describe, expect, it } from "vitest";
import { formatImportError } from "@/lib/import";
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
    // Three accounts in one file: one account at a time (see "several accounts" below).
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

  it("an MT940 of several accounts is recognised, and refused until one account is chosen", async () => {
    const refused = expectFailed(await importPath(fixturePath("mt940/cmxl_mt940.sta")));
    expect(refused.errors).toEqual([
      expect.objectContaining({ code: "STATEMENT_SEVERAL_ACCOUNTS", params: { format: "MT940", count: 3, accounts: "45050050/76198810\n10020030/1234567\nBPHKPLPK/320000546101" } }),
    ]);
    const chosen = await importPath(fixturePath("mt940/cmxl_mt940.sta"), { statementAccount: "10020030/1234567" });
    expect(chosen.ok && chosen.format.id).toBe("mt940-statement");
    expect(chosen.ok && chosen.rows).toHaveLength(2);
  });

  it("camt.052 and camt.054 are read; other ISO 20022 camt messages are named, with the ones imported", async () => {
    const notification = '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn/></Document>\n';
    const empty = expectFailed(await importText("notification.xml", notification));
    expect(empty.errors).toEqual([expect.objectContaining({ code: "STATEMENT_MALFORMED", params: { format: "CAMT.054", problem: "NOT_A_STATEMENT", tag: "Ntfctn" } })]);
    const other = '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.086.001.02"><BkSvcsBllgStmt/></Document>\n';
    const result = expectFailed(await importText("billing.xml", other));
    expect(result.errors).toEqual([expect.objectContaining({ code: "UNSUPPORTED_FILE_TYPE", params: { format: "camt.086" } })]);
    expect(formatImportError(result.errors[0]!, "en")).toBe(
      "ISO 20022 camt.086 messages are not supported. The camt messages imported are camt.052 (account report), camt.053 (statement) and camt.054 (debit/credit notification): export one of these from online banking, or an MT940, OFX, Excel or CSV file.",
    );
    expect(formatImportError(result.errors[0]!, "zh-CN")).toContain("camt.052（账户报告）、camt.053（对账单）和 camt.054（借贷记通知）");
  });
});
