import { describe, expect, it } from "vitest";
import { applyColumnMapping, headerSignature, parseImportBuffer, suggestColumnMapping } from "@/lib/import";
import { expectFailed, expectImported, importText } from "./helpers";

// A layout no adapter knows (a company's own ledger export).
const LEDGER = ["入账时间,往来单位,发生金额,借贷标识,结余,凭证号", "2024-03-01 09:00:00,某某贸易有限公司,1500.00,贷,11500.00,记-001", "2024-03-02 14:00:00,房东,3000.00,借,8500.00,记-002", "2024-03-03 10:00:00,某某贸易有限公司,200.00,平,8300.00,记-003"].join("\n");

describe("unknown layouts and column mappings", () => {
  it("is not recognised on its own", async () => {
    const result = expectFailed(await importText("ledger.csv", LEDGER));
    expect(result.errors[0]?.code).toBe("UNKNOWN_FORMAT");
    expect(result.previewRows[0]).toEqual(["入账时间", "往来单位", "发生金额", "借贷标识", "结余", "凭证号"]);
  });

  it("a mapping turns it into the same normalised rows, direction markers included", async () => {
    const columnMapping = { date: "入账时间", amount: "发生金额", direction: "借贷标识", counterparty: "往来单位", balance: "结余", reference: "凭证号" };
    const result = expectImported(await importText("ledger.csv", LEDGER, { columnMapping }), "bank");
    expect(result.format.id).toBe(`mapping:${headerSignature(result.header)}`);
    expect(result.rows).toEqual([
      {
        sourceRow: 2,
        occurredOn: "2024-03-01",
        occurredAt: "2024-03-01T09:00:00",
        amountMinor: 150000n,
        currency: "CNY",
        balanceMinor: 1150000n,
        reference: "记-001",
        counterparty: "某某贸易有限公司",
        naturalKey: result.rows[0]?.naturalKey,
      },
      expect.objectContaining({ sourceRow: 3, amountMinor: -300000n, counterparty: "房东" }),
    ]);
    expect(result.errors).toEqual([{ row: 4, column: "借贷标识", code: "INVALID_DIRECTION", params: { value: "平" }, severity: "error" }]);
  });

  it("maps split inflow/outflow columns, a fee, and settlement lines", async () => {
    const text = ["日期,订单,收入,支出,手续费,说明", "2024-03-01,A1,100.00,,0.60,货款", "2024-03-02,A2,,20.00,,退款"].join("\n");
    const mapping = { kind: "settlement" as const, date: "日期", inflow: "收入", outflow: "支出", fee: "手续费", orderNo: "订单", memo: "说明" };
    const result = expectImported(await importText("bill.csv", text, { columnMapping: mapping }), "settlement");
    expect(result.rows.map((row) => [row.sourceRow, row.lineType, row.amountMinor, row.orderNo])).toEqual([
      [2, "SALE", 10000n, "A1"],
      [2, "SERVICE_FEE", -60n, "A1"],
      [3, "REFUND", -2000n, "A2"],
    ]);
  });

  it("reports mapped columns the file does not have, and incomplete mappings", async () => {
    expect(applyColumnMapping(["日期", "金额"], { date: "日期", amount: "发生额", amountSign: "positiveIsIn" })).toEqual({
      ok: false,
      errors: [{ row: null, column: "发生额", code: "MAPPING_COLUMN_MISSING", params: {}, severity: "error" }],
    });
    expect(applyColumnMapping(["日期", "金额"], { date: "日期" })).toMatchObject({ ok: false, errors: [{ code: "MAPPING_INCOMPLETE" }] });
    const result = expectFailed(await parseImportBuffer({ fileName: "ledger.csv", data: Buffer.from(LEDGER) }, { columnMapping: { date: "入账时间", amount: "金额", amountSign: "positiveIsIn" } }));
    expect(result.errors).toEqual([{ row: null, column: "金额", code: "MAPPING_COLUMN_MISSING", params: {}, severity: "error" }]);
  });

  it("header signatures ignore order, padding and bracket width, not content", () => {
    const signature = headerSignature(["入账时间", "往来单位", "发生金额（元）"]);
    expect(headerSignature([" 发生金额(元) ", "入账时间", "往来单位", ""])).toBe(signature);
    expect(headerSignature(["入账时间", "往来单位"])).not.toBe(signature);
    expect(signature).toMatch(/^h1:[0-9a-f]{32}$/);
  });
});

describe("generic bank layout", () => {
  it("reads split 借方/贷方 columns by their common names", async () => {
    const text = ["账号:6222****1234", "交易日期,交易时间,摘要,借方金额,贷方金额,余额,对方户名,对方账号,流水号", "2024-05-06,09:15:00,货款,,\"12,000.00\",\"52,000.00\",某某电子商务有限公司,3100****8888,SEQ001", "2024-05-07,16:20:05,手续费,5.00,,\"51,995.00\",,,SEQ002"].join("\n");
    const result = expectImported(await importText("bank.csv", text), "bank");
    expect(result.format.id).toBe("generic-bank");
    expect(result.headerRow).toBe(2);
    expect(result.rows).toEqual([
      expect.objectContaining({ sourceRow: 3, occurredAt: "2024-05-06T09:15:00", amountMinor: 1200000n, balanceMinor: 5200000n, counterparty: "某某电子商务有限公司", counterpartyAccount: "3100****8888", reference: "SEQ001", memo: "货款" }),
      expect.objectContaining({ sourceRow: 4, amountMinor: -500n, reference: "SEQ002" }),
    ]);
  });

  it("reads one amount column with a Dr/Cr marker, in English", async () => {
    const text = ["Date,Description,Amount,Dr/Cr,Balance,Currency", "2024-05-06,Payout Shopify,1000.00,CR,5000.00,USD", "2024-05-07,Bank fee,2.50,DR,4997.50,USD"].join("\n");
    const result = expectImported(await importText("bank.csv", text), "bank");
    expect(result.rows.map((row) => [row.amountMinor, row.currency, row.memo])).toEqual([
      [100000n, "USD", "Payout Shopify"],
      [-250n, "USD", "Bank fee"],
    ]);
  });
});

describe("what a positive amount means", () => {
  const text = ["交易日期,交易描述,金额", "2024-03-01,消费 某某超市,128.50", "2024-03-05,还款,-500.00"].join("\n");

  it("is never assumed: one amount column without a direction column is not auto-detected, and a mapping must say", async () => {
    expect(expectFailed(await importText("card.csv", text)).errors).toEqual([expect.objectContaining({ code: "UNKNOWN_FORMAT" })]);
    const unsaid = expectFailed(await importText("card.csv", text, { columnMapping: { date: "交易日期", amount: "金额" } }));
    expect(unsaid.errors).toEqual([expect.objectContaining({ code: "MAPPING_INCOMPLETE" })]);
  });

  it("reads card-style amounts (spending positive) as money out when the mapping says so", async () => {
    const card = expectImported(await importText("card.csv", text, { columnMapping: { date: "交易日期", amount: "金额", memo: "交易描述", amountSign: "positiveIsOut" } }), "bank");
    expect(card.rows.map((row) => [row.sourceRow, row.amountMinor, row.memo])).toEqual([
      [2, -12850n, "消费 某某超市"],
      [3, 50000n, "还款"],
    ]);
    const bank = expectImported(await importText("card.csv", text, { columnMapping: { date: "交易日期", amount: "金额", amountSign: "positiveIsIn" } }), "bank");
    expect(bank.rows.map((row) => row.amountMinor)).toEqual([12850n, -50000n]);
  });

  it("a direction column decides, whatever amountSign says", async () => {
    const marked = ["日期,金额,借贷", "2024-03-01,10.00,借 Dr", "2024-03-02,20.00,贷 Cr"].join("\n");
    const result = expectImported(await importText("a.csv", marked, { columnMapping: { date: "日期", amount: "金额", direction: "借贷" } }), "bank");
    expect(result.rows.map((row) => row.amountMinor)).toEqual([-1000n, 2000n]);
  });
});

describe("column mappings and the requested kind", () => {
  it("a mapping on the settlement page gives settlement lines; orders cannot be mapped", async () => {
    const text = ["日期,金额", "2024-03-01,5.00"].join("\n");
    const settlement = expectImported(await importText("a.csv", text, { kind: "settlement", columnMapping: { date: "日期", amount: "金额", amountSign: "positiveIsIn" } }), "settlement");
    expect(settlement.rows).toEqual([expect.objectContaining({ lineType: "SALE", amountMinor: 500n })]);
    const orders = expectFailed(await importText("a.csv", text, { kind: "orders", columnMapping: { date: "日期", amount: "金额" } }));
    expect(orders.errors).toEqual([expect.objectContaining({ code: "MAPPING_KIND_UNSUPPORTED" })]);
  });

  it("uses the currency's own minor unit (yen has none)", async () => {
    const text = ["日期,金额,币种", "2024-03-01,1200,JPY", "2024-03-02,12.50,USD"].join("\n");
    const result = expectImported(await importText("a.csv", text, { columnMapping: { date: "日期", amount: "金额", amountSign: "positiveIsIn", currency: "币种" } }), "bank");
    expect(result.rows.map((row) => [row.amountMinor, row.currency])).toEqual([
      [1200n, "JPY"],
      [1250n, "USD"],
    ]);
  });
});

describe("the mapping screen's suggestions", () => {
  it("names the columns common names point to, one meaning per column, and never the sign", () => {
    expect(suggestColumnMapping(["交易时间", "摘要", "金额", "余额", "对方户名", "流水号"])).toEqual({
      date: "交易时间",
      amount: "金额",
      reference: "流水号",
      counterparty: "对方户名",
      memo: "摘要",
      balance: "余额",
    });
    expect(suggestColumnMapping(["记账日期", "借方发生额", "贷方发生额", "借贷标志", "商户订单号", "手续费"])).toEqual({
      date: "记账日期",
      inflow: "贷方发生额",
      outflow: "借方发生额",
      direction: "借贷标志",
      orderNo: "商户订单号",
      fee: "手续费",
    });
    expect(suggestColumnMapping(["入账时点", "变动额"])).toEqual({});
  });
});
