// Credit-card statements, as faithful synthetic samples in tests/samples/import (written by
// tests/samples/import/scripts/write-card-samples.ts). A card statement prints spending positive: it
// must be stored as money OUT (−), repayments and refunds as money IN (+). Expected amounts are the
// printed figures with the sign worked out by hand from each row's meaning.
import { describe, expect, it } from "vitest";
import { cardDirectionOfWords } from "@/lib/import/formats/shared/card-direction";
import { expectFailed, expectImported, importPath, importText, rowAt, samplePath } from "./helpers";

const card = (name: string) => importPath(samplePath(name));
const errorsOf = (errors: readonly { row: number | null; column: string | null; code: string }[]) => errors.map((e) => [e.row, e.column, e.code]);

describe("CMB 招商银行信用卡对账单 (sample: cmb-credit-card-statement.csv, GBK, CRLF)", () => {
  // Layout source: deb-sig/double-entry-generator example/cmb/credit/example-cmb-records.csv (title
  // "招商银行信用卡对账单（个人消费卡账户 2024年01月）", header 交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额,
  // "MM/DD" dates, 交易日 empty on repayments, "8,000.00" quoted, "-3.90(CN)") and pkg/provider/cmb/util.go
  // (a negative 人民币金额 is money received; the year comes from the title, a later month is the year
  // before). GBK and CRLF: "How to get your data (P. R. China)" in a public beancount importer's docs.
  it("stores spending as money out, repayments as money in, and places MM/DD by the statement month", async () => {
    const result = expectImported(await card("cmb-credit-card-statement.csv"), "bank");
    expect(result.format.id).toBe("cmb-credit-card-statement");
    expect(result.encoding).toBe("gb18030");
    expect(result.headerRow).toBe(2);
    expect(result.statementAccount).toEqual({ bank: "招商银行" });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.sourceRow)).toEqual([3, 4, 5, 6, 7]);
    // A repayment with no 交易日: dated by 记账日, December of the year before the January statement.
    expect(rowAt(result.rows, 3)).toMatchObject({ occurredOn: "2024-12-29", amountMinor: 150000n, currency: "CNY", memo: "掌上生活还款", channel: "****4321" });
    expect(rowAt(result.rows, 4)).toMatchObject({ occurredOn: "2024-12-30", amountMinor: -2350n });
    expect(rowAt(result.rows, 5)).toMatchObject({ occurredOn: "2025-01-02", amountMinor: -128000n, memo: "支付宝-示例文具店" });
    expect(rowAt(result.rows, 6)).toMatchObject({ occurredOn: "2025-01-03", amountMinor: 390n, channel: "****8765" });
    // A 消费 of 100.00 printed positive is money out.
    expect(rowAt(result.rows, 7)).toMatchObject({ occurredOn: "2025-01-05", amountMinor: -10000n, memo: "示例通信公司" });
    expect(result.rows.reduce((sum, row) => sum + row.amountMinor, 0n)).toBe(150000n - 2350n - 128000n + 390n - 10000n);
  });

  it("rejects MM/DD rows when no title names the statement month", async () => {
    const text = "交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额\n01/02,01/03,示例商户,12.00,4321,12.00\n2025/01/04,2025/01/05,示例商户,8.00,4321,8.00\n";
    const result = expectImported(await importText("cmb.csv", text), "bank");
    expect(result.format.id).toBe("cmb-credit-card-statement");
    expect(errorsOf(result.errors)).toEqual([
      [2, "记账日", "INVALID_DATE"],
      [2, "交易日", "INVALID_DATE"],
    ]);
    expect(result.rows).toEqual([expect.objectContaining({ sourceRow: 3, occurredOn: "2025-01-04", amountMinor: -800n })]);
  });
});

describe("BOC 中国银行信用卡账单 (sample: boc-credit-card-statement.csv, UTF-8)", () => {
  // Layout source: deb-sig/double-entry-generator example/boc/credit/example-boc-records.csv (title
  // "中国银行信用卡账单(2025年01月)", header 交易日,银行记账日,卡号后四位,交易描述,存入,支出,币种, an empty
  // 卡号后四位 on 存款利息, a USD row) and pkg/provider/boc/parse.go (存入 is money received, 支出 money
  // sent); the same columns in jiegec/china_bean_importers china_bean_importers/boc_credit_card/__init__.py
  // ("货币 交易日 银行记账日 卡号后四位 交易描述 存入 支出").
  it("reads 存入 as money in and 支出 as money out, in each row's currency", async () => {
    const result = expectImported(await card("boc-credit-card-statement.csv"), "bank");
    expect(result.format.id).toBe("boc-credit-card-statement");
    expect(result.encoding).toBe("utf-8");
    expect(result.headerRow).toBe(2);
    expect(result.statementAccount).toEqual({ bank: "中国银行" });
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(6);
    expect(rowAt(result.rows, 3)).toMatchObject({ occurredOn: "2024-12-13", amountMinor: -5000n, currency: "CNY", channel: "****4260" });
    expect(rowAt(result.rows, 4)).toMatchObject({ occurredOn: "2024-12-20", amountMinor: 1n, memo: "存款利息" });
    expect(rowAt(result.rows, 4).channel).toBeUndefined();
    expect(rowAt(result.rows, 5)).toMatchObject({ amountMinor: 36119n, memo: "银联入账-还款", channel: "****2875" });
    expect(rowAt(result.rows, 6)).toMatchObject({ occurredOn: "2024-12-24", amountMinor: -46832n });
    expect(rowAt(result.rows, 7)).toMatchObject({ occurredOn: "2024-12-24", amountMinor: 7048n, memo: "网银在线CHN" });
    expect(rowAt(result.rows, 8)).toMatchObject({ occurredOn: "2024-12-22", amountMinor: -372n, currency: "USD" });
  });
});

describe("BOCOM 交通银行信用卡账单 (sample: bocom-credit-card-statement.csv, UTF-8)", () => {
  // Layout source: deb-sig/double-entry-generator example/bocom_credit/example-bocom_credit-records.csv
  // (交易日期,记账日期,交易说明,交易币种/金额,入账币种/金额; "CNY 123.18"; 交易说明 "退货 …", "信用卡还款 …",
  // "消费 …") and pkg/provider/bocom_credit/util.go (amounts unsigned; the type is the first word:
  // 退货, 信用卡还款, 红包还款, 刷卡金返还, 自动购汇还款 received; 消费, 刷卡金扣回, 分期扣款, 自动购汇扣款 sent;
  // anything else an error).
  it("signs each unsigned amount by the first word of 交易说明", async () => {
    const result = expectImported(await card("bocom-credit-card-statement.csv"), "bank");
    expect(result.format.id).toBe("bocom-credit-card-statement");
    expect(result.headerRow).toBe(1);
    expect(result.statementAccount).toEqual({ bank: "交通银行" });
    expect(result.errors).toEqual([]);
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2025-01-10",
      amountMinor: 12318n,
      currency: "CNY",
      memo: "退货 支付宝-示例出行",
      naturalKey: expect.stringMatching(/^bocom-card:fp:[0-9a-f]{64}$/),
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ occurredOn: "2025-01-29", amountMinor: 66660n });
    expect(rowAt(result.rows, 4)).toMatchObject({ occurredOn: "2025-01-11", amountMinor: -299n });
    expect(rowAt(result.rows, 5)).toMatchObject({ occurredOn: "2025-01-13", amountMinor: -101000n });
    expect(rowAt(result.rows, 6)).toMatchObject({ amountMinor: -30000n, memo: "分期扣款 第3/12期" });
    expect(rowAt(result.rows, 7)).toMatchObject({ amountMinor: 500n });
  });

  it("rejects a row whose type word is unknown, and a printed minus sign this layout does not define", async () => {
    const text = [
      "交易日期,记账日期,交易说明,交易币种/金额,入账币种/金额",
      "2025-01-20,2025-01-20,积分兑换 里程,CNY 10.00,CNY 10.00",
      "2025-01-21,2025-01-21,消费 示例商户,CNY -8.00,CNY -8.00",
      "2025-01-22,2025-01-22,消费 示例商户,CNY 8.00,CNY 8.00",
      "",
    ].join("\n");
    const result = expectImported(await importText("bocom.csv", text), "bank");
    expect(result.format.id).toBe("bocom-credit-card-statement");
    expect(result.errors).toEqual([
      { row: 2, column: "交易说明", code: "UNKNOWN_CARD_DIRECTION", params: { value: "积分兑换" }, severity: "error" },
      { row: 3, column: "入账币种/金额", code: "CARD_DIRECTION_CONFLICT", params: { value: "消费 示例商户", amount: "CNY -8.00" }, severity: "error" },
    ]);
    expect(result.rows.map((row) => [row.sourceRow, row.amountMinor])).toEqual([[4, -800n]]);
  });
});

describe("CITIC 中信银行信用卡 本期账单明细 (sample: citic-credit-card-statement.xls, BIFF8)", () => {
  // Layout source: deb-sig/double-entry-generator example/citic/credit/example-citic-records.xls read
  // by pkg/provider/citic/citic.go (first sheet, two title rows, eight columns, newest first) and
  // parse.go / types.go (交易日期, 入账日期, 交易描述, 卡末四位, 记账币种, 记账金额; "-" is money received),
  // with example-citic-output.beancount showing 财付通还款 and 现金奖励 as money back; the column names
  // and order (交易日期, 入账日期, 交易描述, 卡末四位, 交易币种, 结算币种, 交易金额, 结算金额), the merged
  // title "本期账单明细(人民币)" and "positive = expense" from a public Python importer's
  // CITICCreditProvider (provider_id "citic_credit").
  it("reads the legacy .xls and negates the printed 结算金额", async () => {
    const result = expectImported(await card("citic-credit-card-statement.xls"), "bank");
    expect(result.format.id).toBe("citic-credit-card-statement");
    expect(result.fileType).toBe("xls");
    expect(result.headerRow).toBe(2);
    expect(result.preamble).toEqual(["本期账单明细(人民币)"]);
    expect(result.statementAccount).toEqual({ bank: "中信银行" });
    expect(result.errors).toEqual([]);
    expect(rowAt(result.rows, 3)).toMatchObject({ occurredOn: "2024-11-09", amountMinor: -590n, currency: "CNY", channel: "****1234" });
    expect(rowAt(result.rows, 4)).toMatchObject({ occurredOn: "2024-11-09", amountMinor: 20n, memo: "0.2元现金奖励-笔笔返0.2元" });
    expect(rowAt(result.rows, 5)).toMatchObject({ occurredOn: "2024-11-03", amountMinor: -80789n });
    expect(rowAt(result.rows, 6)).toMatchObject({ occurredOn: "2024-10-20", amountMinor: 121n, memo: "财付通还款" });
    expect(rowAt(result.rows, 7)).toMatchObject({ occurredOn: "2024-10-20", amountMinor: -2016n, memo: "公共事业缴费（电费）" });
  });
});

describe("CGB 广发银行信用卡账单 (sample: cgb-credit-card-statement.csv, UTF-8)", () => {
  // Layout source: deb-sig/double-entry-generator example/cgb_credit/example-cgb_credit-records.csv
  // (交易日期,入账日期,交易摘要,交易金额,交易货币,入账金额,入账货币; "2025/01/05"; （消费）, （退款）, （分期）,
  // （还款） prefixes) and pkg/provider/cgb_credit/util.go (a negative amount is money received, a
  // positive one money sent; types 退款, 还款, 入账 / 消费, 分期, 取现).
  it("negates the printed 入账金额 and uses the booked currency", async () => {
    const result = expectImported(await card("cgb-credit-card-statement.csv"), "bank");
    expect(result.format.id).toBe("cgb-credit-card-statement");
    expect(result.headerRow).toBe(1);
    expect(result.statementAccount).toEqual({ bank: "广发银行" });
    expect(result.errors).toEqual([]);
    expect(rowAt(result.rows, 2)).toMatchObject({ occurredOn: "2025-01-05", amountMinor: -1590n, currency: "CNY", memo: "（消费）示例商户A" });
    expect(rowAt(result.rows, 3)).toMatchObject({ occurredOn: "2025-01-04", amountMinor: 9720n });
    expect(rowAt(result.rows, 4)).toMatchObject({ occurredOn: "2025-01-03", amountMinor: -38742n });
    expect(rowAt(result.rows, 5)).toMatchObject({ occurredOn: "2024-12-25", amountMinor: 113068n });
    // Spent in USD, booked 720.50 in CNY.
    expect(rowAt(result.rows, 6)).toMatchObject({ occurredOn: "2024-12-20", amountMinor: -72050n, currency: "CNY" });
  });

  it("rejects a row whose bracketed type contradicts its sign", async () => {
    const text = "交易日期,入账日期,交易摘要,交易金额,交易货币,入账金额,入账货币\n2025/01/06,2025/01/06,（消费）示例商户C,-5.00,人民币,-5.00,人民币\n";
    const result = expectImported(await importText("cgb.csv", text), "bank");
    expect(result.format.id).toBe("cgb-credit-card-statement");
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 2, column: "交易摘要", code: "CARD_DIRECTION_CONFLICT", params: { value: "消费", amount: "-5.00" }, severity: "error" },
    ]);
  });
});

describe("any other card statement (sample: generic-card-statement.csv, GBK, CRLF)", () => {
  // No public source: a card statement of a bank with no layout of its own, assembled from the names
  // card statements use — a "…信用卡交易明细" title and "卡号：" line, 交易类型 with 消费/还款/退货 (issue 19),
  // 记账金额/记账币种 (ICBC's and CITIC's names) and no balance column. The sign of 记账金额 is
  // deliberately mixed (还款 printed negative, 退货 positive): this layout trusts only 交易类型.
  it("signs each row only by 交易类型 and rejects the row whose type says no direction", async () => {
    const result = expectImported(await card("generic-card-statement.csv"), "bank");
    expect(result.format.id).toBe("generic-card-statement");
    expect(result.encoding).toBe("gb18030");
    expect(result.headerRow).toBe(4);
    expect(result.statementAccount).toEqual({ number: "6258 **** **** 4321" });
    expect(rowAt(result.rows, 5)).toMatchObject({ occurredOn: "2025-01-03", amountMinor: -10000n, currency: "CNY", memo: "消费 / 示例超市" });
    expect(rowAt(result.rows, 6)).toMatchObject({ occurredOn: "2025-01-05", amountMinor: 200000n });
    expect(rowAt(result.rows, 7)).toMatchObject({ occurredOn: "2025-01-08", amountMinor: 3000n });
    expect(rowAt(result.rows, 8)).toMatchObject({ occurredOn: "2025-01-10", amountMinor: -20000n });
    expect(rowAt(result.rows, 10)).toMatchObject({ occurredOn: "2025-01-15", amountMinor: -50000n });
    expect(result.errors).toEqual([{ row: 9, column: "交易类型", code: "UNKNOWN_CARD_DIRECTION", params: { value: "调整" }, severity: "error" }]);
    expect(result.stats).toMatchObject({ importedRows: 5, rejectedRows: 1 });
  });

  it("without a type column reads the description, and rejects what it does not name", async () => {
    // 民生 CMBC's CSV columns (jiegec/china_bean_importers cmbc_credit_card/__init__.py: 交易日, 记账日,
    // 卡号末四位, 金额, 摘要), here with full dates.
    const text = ["民生信用卡交易明细", "交易日,记账日,卡号末四位,金额,摘要", "2025-01-02,2025-01-03,4321,88.00,示例通信公司", "2025-01-05,2025-01-05,4321,-500.00,还款", ""].join("\n");
    const result = expectImported(await importText("cmbc.csv", text), "bank");
    expect(result.format.id).toBe("generic-card-statement");
    expect(errorsOf(result.errors)).toEqual([[3, "摘要", "UNKNOWN_CARD_DIRECTION"]]);
    expect(result.rows).toEqual([expect.objectContaining({ sourceRow: 4, amountMinor: 50000n, channel: "****4321" })]);
  });

  it("never claims a statement with a running balance, nor one that does not say it is a card's", async () => {
    const debit = ["某银行信用卡还款账户", "交易日期,交易类型,交易金额,余额,摘要", "2025-01-02,转账,-88.00,1000.00,示例", ""].join("\n");
    expect(expectImported(await importText("debit.csv", debit), "bank").format.id).toBe("generic-bank");
    // One amount, no balance, no direction, not saying it is a card's: nobody can know what a positive
    // amount means, so no layout claims it and the mapping screen asks.
    const plain = ["交易日期,交易类型,交易金额,摘要", "2025-01-02,转账,-88.00,示例", ""].join("\n");
    expect(expectFailed(await importText("plain.csv", plain)).errors).toEqual([expect.objectContaining({ code: "UNKNOWN_FORMAT" })]);
  });

  it("leaves a card statement that prints its own 借/贷 column to generic-bank, which signs by it", async () => {
    const marked = ["示例银行信用卡交易明细", "交易日期,交易描述,交易金额,借贷标志", "2025-01-02,示例超市,88.00,借", "2025-01-05,还款,500.00,贷", ""].join("\n");
    const result = expectImported(await importText("marked.csv", marked), "bank");
    expect(result.format.id).toBe("generic-bank");
    expect(result.rows.map((row) => [row.sourceRow, row.amountMinor])).toEqual([
      [3, -8800n],
      [4, 50000n],
    ]);
  });
});

describe("every card sample", () => {
  const samples = [
    "cmb-credit-card-statement.csv",
    "boc-credit-card-statement.csv",
    "bocom-credit-card-statement.csv",
    "citic-credit-card-statement.xls",
    "cgb-credit-card-statement.csv",
    "generic-card-statement.csv",
  ];

  it.each(samples)("%s: no row's sign disagrees with the direction its own words name", async (name) => {
    const result = expectImported(await card(name), "bank");
    for (const row of result.rows) {
      const words = cardDirectionOfWords(row.memo);
      if (words !== null) expect([row.sourceRow, row.amountMinor > 0n ? 1 : -1]).toEqual([row.sourceRow, words]);
    }
  });
});
