// Broken uploads give clear codes with row and column, never an exception.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { formatImportError, parseImportBuffer } from "@/lib/import";
import { expectFailed, expectImported, fixturePath, importPath, importText } from "./helpers";

// The real CMB layout (bank-cmb fixture), with rows written for each case.
const CMB_HEADER = "记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要";

describe("malformed inputs", () => {
  it("empty file", async () => {
    expect(expectFailed(await parseImportBuffer({ fileName: "a.csv", data: Buffer.alloc(0) })).errors).toEqual([
      { row: null, column: null, code: "EMPTY_FILE", params: {}, severity: "error" },
    ]);
    expect(expectFailed(await importText("blank.csv", "\r\n   \n\t\n")).errors[0]?.code).toBe("EMPTY_FILE");
  });

  it("binary renamed .csv", async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(expectFailed(await parseImportBuffer({ fileName: "statement.csv", data: garbage })).errors[0]).toMatchObject({ code: "BINARY_FILE" });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    expect(expectFailed(await parseImportBuffer({ fileName: "statement.csv", data: png })).errors[0]).toMatchObject({
      code: "BINARY_FILE",
      params: { detected: "PNG" },
    });
  });

  it("a spreadsheet renamed .csv is still read as the spreadsheet it is", async () => {
    const data = readFileSync(fixturePath("bank-ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls"));
    const result = expectImported(await parseImportBuffer({ fileName: "ccb.csv", data }), "bank");
    expect(result.fileType).toBe("xls");
    expect(result.rows).toHaveLength(6);
  });

  it("wrong encoding", async () => {
    const latin1 = iconv.encode("Datum,Buchungstext,Betrag\n02.01.2025,Café Müller,-3.50\n03.01.2025,Bäckerei Schön,-2.10\n", "latin1");
    expect(expectFailed(await parseImportBuffer({ fileName: "export.csv", data: latin1 })).errors).toEqual([
      { row: null, column: null, code: "UNKNOWN_ENCODING", params: {}, severity: "error" },
    ]);
  });

  it("unterminated quote: rows before it are imported, the error names the line", async () => {
    const text = [CMB_HEADER, "2024-01-01,CNY,-3.00,81.22,一网通支付,国网电力,供电", '2024-01-02,CNY,"-1,000.00,271.66,转账汇款,张三,转账', "2024-01-03,CNY,-1.00,270.66,消费,某店,"].join("\n");
    const result = expectImported(await importText("cmb.csv", text), "bank");
    expect(result.rows.map((row) => row.sourceRow)).toEqual([2]);
    // The quote opens in 交易金额 and swallows everything after it.
    expect(result.errors).toEqual([{ row: 3, column: "交易金额", code: "UNTERMINATED_QUOTE", params: {}, severity: "error" }]);
  });

  it("an unterminated quote in the preamble is reported instead of 'unknown layout'", async () => {
    const result = expectFailed(await importText("x.csv", `"中国银行交易流水明细单\n${CMB_HEADER}\n2024-01-01,CNY,-3.00,81.22,一网通支付,国网电力,供电\n`));
    expect(result.errors).toEqual([expect.objectContaining({ row: 1, code: "UNTERMINATED_QUOTE" })]);
  });

  it("wrong column count", async () => {
    const text = [CMB_HEADER, "2024-01-01,CNY,-3.00,81.22,一网通支付,国网电力,供电", "2024-01-02,CNY,-1.00,80.22", "2024-01-03,CNY,-1.00,79.22,消费,某店,备注,多出来的一列"].join("\n");
    const result = expectImported(await importText("cmb.csv", text), "bank");
    expect(result.rows.map((row) => row.sourceRow)).toEqual([2]);
    expect(result.errors).toEqual([
      { row: 3, column: null, code: "WRONG_COLUMN_COUNT", params: { expected: 7, actual: 4 }, severity: "error" },
      { row: 4, column: null, code: "WRONG_COLUMN_COUNT", params: { expected: 7, actual: 8 }, severity: "error" },
    ]);
    expect(formatImportError(result.errors[0]!, "zh-CN")).toBe("第 3 行：列数不对：应为 7 列，实际 4 列。");
  });

  it("text in an amount, a bad date, a missing value", async () => {
    const text = [
      CMB_HEADER,
      "2024-01-01,CNY,abc,81.22,一网通支付,国网电力,供电",
      "2024-13-45,CNY,-1.00,80.22,消费,某店,",
      ",CNY,-1.00,79.22,消费,某店,",
      "2024-01-04,CNY,-1.005,78.22,消费,某店,",
      "2024-01-05,CNY,-2.00,76.22,消费,某店,",
    ].join("\r\n");
    const result = expectImported(await importText("cmb.csv", text), "bank");
    expect(result.rows.map((row) => row.sourceRow)).toEqual([6]);
    expect(result.errors).toEqual([
      { row: 2, column: "交易金额", code: "INVALID_AMOUNT", params: { value: "abc" }, severity: "error" },
      { row: 3, column: "记账日期", code: "INVALID_DATE", params: { value: "2024-13-45" }, severity: "error" },
      // An empty date is only a summary line at the end of a file; with data after it, it is an error.
      { row: 4, column: "记账日期", code: "MISSING_VALUE", params: {}, severity: "error" },
      { row: 5, column: "交易金额", code: "AMOUNT_TOO_MANY_DECIMALS", params: { value: "-1.005", decimals: 2 }, severity: "error" },
    ]);
    expect(formatImportError(result.errors[0]!, "zh-CN")).toBe("第 2 行「交易金额」列：无法识别的金额 “abc”");
    expect(formatImportError(result.errors[0]!, "en")).toBe("Row 2, column “交易金额”: Unrecognised amount “abc”");
  });

  it("totals and trailing summary rows with an empty date are dropped silently", async () => {
    const text = [CMB_HEADER, "2024-01-01,CNY,-3.00,81.22,一网通支付,国网电力,供电", "本页合计,,-3.00,,,,", ",,-3.00,,,,", ",,,,,,导出人：张三"].join("\n");
    const result = expectImported(await importText("cmb.csv", text), "bank");
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toEqual([]);
    expect(result.stats.footerRows).toBe(3);
  });

  it("unknown layout, with the first rows for a column-mapping screen", async () => {
    const result = expectFailed(await importText("mystery.csv", "foo,bar,baz\n1,2,3\n"));
    expect(result.errors).toEqual([expect.objectContaining({ code: "UNKNOWN_FORMAT" })]);
    expect(result.previewRows).toEqual([
      ["foo", "bar", "baz"],
      ["1", "2", "3"],
    ]);
  });

  // The header scan also tries TAB and ";" on a .csv. A trial with a delimiter the file does not use
  // can trip on a quote the comma reading reads fine; that trial's error is never the file's.
  it("a comma file whose TAB trial trips on a quoted TAB is an unknown layout, not a broken quote", async () => {
    const text = ["日期,备注,数额", '2024-01-01,"货款\t""加急""",1.00', "2024-01-02,运费,2.00", ""].join("\n");
    const result = expectFailed(await importText("mystery.csv", text));
    expect(result.errors).toEqual([{ row: null, column: null, code: "UNKNOWN_FORMAT", params: { scannedRows: 60 }, severity: "error" }]);
    // The preview for the mapping screen is the comma reading, the quoted TAB inside its cell.
    expect(result.previewRows?.[1]).toEqual(["2024-01-01", '货款\t"加急"', "1.00"]);
    expect(formatImportError(result.errors[0]!, "en")).toBe("No known layout: none of the first 60 rows is a header of a known format. Map the columns to import it.");
    expect(formatImportError(result.errors[0]!, "zh-CN")).toBe("不是已知的文件格式：前 60 行中没有可识别的表头。请手动指定各列的含义（列映射）后导入。");
  });

  it("a comma file with a stray quote after a TAB is an unknown layout too", async () => {
    const text = ["日期,备注,数额", '2024-01-01,货款\t"加急,1.00', "2024-01-02,运费,2.00", ""].join("\n");
    const result = expectFailed(await importText("mystery.csv", text));
    expect(result.errors.map((error) => error.code)).toEqual(["UNKNOWN_FORMAT"]);
  });

  it("the same quoted TAB in a known layout imports", async () => {
    const text = [CMB_HEADER, '2024-01-01,CNY,-3.00,81.22,"一网通\t""支付""",国网电力,供电', ""].join("\n");
    const result = expectImported(await importText("cmb.csv", text), "bank");
    expect(result.delimiter).toBe(",");
    expect(result.rows).toEqual([expect.objectContaining({ sourceRow: 2, amountMinor: -300n, counterparty: "国网电力" })]);
  });

  it("a ';' file too wide only for the comma trial is an unknown layout, not a refusal", async () => {
    const wide = Array.from({ length: 12 }, (_, i) => `x${i}`).join(",");
    const text = ["日期;备注;数额", `2024-01-01;${wide};1.00`, "2024-01-02;运费;2.00", ""].join("\n");
    const result = expectFailed(await importText("mystery.csv", text, { limits: { maxColumns: 10 } }));
    expect(result.errors.map((error) => error.code)).toEqual(["UNKNOWN_FORMAT"]);
    expect(result.previewRows?.[2]).toEqual(["2024-01-02", "运费", "2.00"]);
  });

  it("a file of the wrong kind for the page it was uploaded on", async () => {
    const result = expectFailed(await importPath(fixturePath("wechat/example-wechat-records.csv"), { kind: "orders" }));
    expect(result.errors).toEqual([expect.objectContaining({ code: "WRONG_KIND", params: { format: "wechat-pay-bill", kind: "bank", expectedKind: "orders" } })]);
    expect(formatImportError(result.errors[0]!, "zh-CN")).toBe("这是「微信支付账单」（银行/钱包流水），不能作为平台订单导入。");
  });

  it("a chosen format that does not fit the file, and a format id that does not exist", async () => {
    const forced = expectFailed(await importPath(fixturePath("alipay/example-alipay-records.csv"), { format: "icbc-statement" }));
    expect(forced.errors).toEqual([expect.objectContaining({ code: "HEADER_NOT_FOUND", params: { format: "icbc-statement" } })]);
    const unknown = expectFailed(await importPath(fixturePath("alipay/example-alipay-records.csv"), { format: "no-such-format" }));
    expect(unknown.errors).toEqual([expect.objectContaining({ code: "UNKNOWN_FORMAT_ID" })]);
  });

  it("a header with nothing under it", async () => {
    const result = expectImported(await importText("cmb.csv", `${CMB_HEADER}\n`), "bank");
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ row: null, column: null, code: "NO_DATA_ROWS", params: {}, severity: "warning" }]);
  });

  it("caps the error list of a hopeless file", async () => {
    const text = [CMB_HEADER, ...Array.from({ length: 30 }, (_, i) => `2024-01-01,CNY,bad${i},1.00,x,y,z`)].join("\n");
    const result = expectImported(await importText("cmb.csv", text, { maxErrors: 10 }), "bank");
    expect(result.errors).toHaveLength(11);
    expect(result.errors.at(-1)).toMatchObject({ code: "TOO_MANY_ERRORS", params: { count: 20 } });
  });
});

describe("a stream that breaks", () => {
  it("is reported as an interrupted read, not thrown", async () => {
    async function* brokenUpload() {
      yield Buffer.from("记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要\n");
      throw new Error("socket hang up");
    }
    const result = expectFailed(await parseImportBuffer({ fileName: "cmb.csv", stream: brokenUpload() }));
    expect(result.errors).toEqual([expect.objectContaining({ code: "READ_FAILED", params: { reason: "socket hang up" } })]);
  });
});

describe("footer markers", () => {
  it("only end the table where the date or id should be, so a memo starting with 小计 is kept", async () => {
    const text = ["摘要,交易日期,交易金额,余额", "小计调整,2024-01-02,-5.00,95.00", "合计,,-5.00,"].join("\n");
    const result = expectImported(await importText("bank.csv", text), "bank");
    expect(result.format.id).toBe("generic-bank");
    expect(result.rows).toEqual([expect.objectContaining({ sourceRow: 2, amountMinor: -500n, memo: "小计调整" })]);
    expect(result.stats.footerRows).toBe(1);
  });
});
