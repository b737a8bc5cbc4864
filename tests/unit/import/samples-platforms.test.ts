// Platform layouts the shared fixtures lack, as faithful synthetic samples in tests/samples/import
// (real column lists and encodings, a handful of invented rows).
import { describe, expect, it } from "vitest";
import { expectImported, importPath, importText, rowAt, samplePath } from "./helpers";

describe("Tmall / Taobao 订单报表 (sample: tmall-orders.csv, GBK)", () => {
  // Layout source: the full 61-column header as quoted (sheets[0].data[0]) in a public script that
  // reads this export, including the trailing spaces in "收货地址 ", "订单付款时间 ", "宝贝标题 ";
  // other public readers strip "=" from 订单编号 and "元" from 打款商家金额, which the sample reproduces.
  it("reads orders with paid, refunded and merchant-received amounts", async () => {
    const result = expectImported(await importPath(samplePath("tmall-orders.csv")), "orders");
    expect(result.format.id).toBe("tmall-orders");
    expect(result.header).toHaveLength(61);
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      orderNo: "3349876543210012345",
      storeName: "示例旗舰店",
      status: "交易成功",
      paidAmountMinor: 10900n,
      refundMinor: 0n,
      merchantReceivedMinor: 10900n,
      currency: "CNY",
      createdAt: "2024-03-01T10:15:32",
      paidAt: "2024-03-01T10:15:40",
      confirmedAt: "2024-03-05T20:01:02",
      naturalKey: "tmall:3349876543210012345",
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ paidAmountMinor: 25800n, refundMinor: 12900n, merchantReceivedMinor: 12900n });
    expect(rowAt(result.rows, 4)).toMatchObject({ status: "交易关闭", paidAmountMinor: 0n });
    expect(rowAt(result.rows, 4).paidAt).toBeUndefined();
  });
});

describe("Pinduoduo 订单明细 (sample: pdd-orders.xlsx)", () => {
  // Layout source: the 23-column header used for Pinduoduo order-detail XLSX files in a public
  // e-commerce ingestion test suite (商品, 订单号, 订单状态, 商品总价(元), …, 订单成交时间).
  // Row 3 holds real Excel date cells; row 4 a bare serial number 46185.75 (= 2026-06-12 18:00).
  it.each(["UTC", "Asia/Shanghai", "America/Los_Angeles"])("reads the same dates with TZ=%s", async (zone) => {
    const previous = process.env.TZ;
    process.env.TZ = zone;
    try {
      const result = expectImported(await importPath(samplePath("pdd-orders.xlsx")), "orders");
      expect(result.sheetName).toBe("订单明细");
      expect(rowAt(result.rows, 2)).toMatchObject({
        orderNo: "260609-018696128123287",
        paidAmountMinor: 2890n,
        merchantReceivedMinor: 2890n,
        createdAt: "2026-06-09T12:00:00",
        confirmedAt: "2026-06-13T12:00:00",
        naturalKey: "pdd:260609-018696128123287",
      });
      expect(rowAt(result.rows, 3)).toMatchObject({ paidAmountMinor: 1630n, merchantReceivedMinor: 1680n, createdAt: "2026-06-10T21:05:30" });
      expect(rowAt(result.rows, 4)).toMatchObject({ createdAt: "2026-06-12T18:00:00", afterSaleStatus: "退款成功", merchantReceivedMinor: 0n });
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });
});

describe("Pinduoduo 订单明细, all-fields export (sample: pdd-orders-all-fields.xlsx)", () => {
  // Layout source: the 55-column export as public PDD order readers record it, column by column: a Go
  // MySQL schema commenting each column (商品,订单号,订单状态,商品总价(元),店铺优惠折扣(元),平台优惠折扣(元),
  // 邮费(元),上门安装费(元),送货入户费(元),送货入户并安装费(元),用户实付金额(元),商家实收金额(元),…,街道,
  // 支付时间,拼单成功时间,订单确认时间,承诺发货时间,发货时间,确认收货时间,…,支付ID,支付方式,…,消费者资料)
  // and a Python reconciliation script listing the same columns by position. No 订单成交时间 here.
  it("reads 支付时间 as the paid time and 确认收货时间 as confirmed", async () => {
    const result = expectImported(await importPath(samplePath("pdd-orders-all-fields.xlsx")), "orders");
    expect(result.format.id).toBe("pdd-orders");
    expect(result.header).toHaveLength(55);
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      orderNo: "200508-516273849102345",
      status: "已收货",
      afterSaleStatus: "无售后或售后取消",
      paidAmountMinor: 3490n,
      refundMinor: 0n,
      merchantReceivedMinor: 3690n,
      currency: "CNY",
      createdAt: "2020-05-08T16:13:10",
      paidAt: "2020-05-08T16:13:10",
      confirmedAt: "2020-05-12T10:00:00",
      naturalKey: "pdd:200508-516273849102345",
    });
    // Paid at 09:30:05, the group order succeeded at 09:41:27: the paid time is 支付时间, not 拼单成功时间.
    expect(rowAt(result.rows, 3)).toMatchObject({ paidAt: "2020-05-09T09:30:05", createdAt: "2020-05-09T09:30:05" });
    expect(rowAt(result.rows, 3).confirmedAt).toBeUndefined();
    // Never succeeded (no 拼单成功时间), refunded: still paid at 支付时间.
    expect(rowAt(result.rows, 4)).toMatchObject({ paidAt: "2020-05-10T20:00:00", afterSaleStatus: "退款成功", merchantReceivedMinor: 0n });
  });

  it("falls back to 拼单成功时间 when a file has no 支付时间", async () => {
    const header = "订单号,订单状态,用户实付金额(元),商家实收金额(元),拼单成功时间,确认收货时间";
    const result = expectImported(
      await importText("orders.csv", `${header}\n200511-516273849102348,已收货,12.50,12.50,2020-05-11 08:00:00,\n`),
      "orders",
    );
    expect(result.format.id).toBe("pdd-orders");
    expect(rowAt(result.rows, 2)).toMatchObject({ createdAt: "2020-05-11T08:00:00", paidAt: "2020-05-11T08:00:00", paidAmountMinor: 1250n });
  });
});

describe("JD 订单导出 (sample: jd-orders.csv, GBK)", () => {
  // Layout source: the 30-column header quoted in a public JD order importer
  // (SaleJdOrderLineInfo.java: "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,…").
  // The GBK encoding is an assumption (JD's older POP exports); UTF-8 would be detected the same way.
  it("keys each SKU line of an order by order number and SKU", async () => {
    const result = expectImported(await importPath(samplePath("jd-orders.csv")), "orders");
    expect(result.rows.map((row) => row.naturalKey)).toEqual([
      "jd:250301123456789:100012345678",
      "jd:250302987654321:100012345679",
      "jd:250302987654321:100012345680",
    ]);
    expect(rowAt(result.rows, 2)).toMatchObject({ orderNo: "250301123456789", paidAmountMinor: 9900n, merchantReceivedMinor: 9306n, confirmedAt: "2025-03-06T18:00:00" });
    expect(rowAt(result.rows, 4)).toMatchObject({ orderNo: "250302987654321", paidAmountMinor: 990n, status: "等待出库" });
  });
});

describe("Douyin 抖店订单导出 (sample: douyin-orders.csv, UTF-8 with BOM)", () => {
  // Layout source: headers quoted in public Douyin settlement tools' tests (主订单编号,子订单编号,
  // 选购商品,商品规格,商品数量,商家编码,订单应付金额,运费,…,订单提交时间,支付完成时间,订单完成时间,
  // 订单状态,售后状态,…) with ids written as "\t6917926768823643751" and a UTF-8 BOM.
  it("reads one row per sub-order, ids without their TAB guard", async () => {
    const result = expectImported(await importPath(samplePath("douyin-orders.csv")), "orders");
    expect(rowAt(result.rows, 2)).toMatchObject({
      orderNo: "6917926768823643751",
      subOrderNo: "6917926768823643751",
      paidAmountMinor: 2890n,
      createdAt: "2026-09-22T00:54:10",
      paidAt: "2026-09-22T00:54:15",
      confirmedAt: "2026-09-24T13:18:29",
    });
    expect(rowAt(result.rows, 4)).toMatchObject({
      orderNo: "6917926768823643752",
      subOrderNo: "6917926768823643754",
      afterSaleStatus: "退款成功",
      naturalKey: "douyin:6917926768823643754",
    });
  });
});

describe("Pinduoduo 店铺账务明细 (sample: pdd-account-ledger.csv, GB18030)", () => {
  // Layout source: public importers of this export (a docstring describing 第1行 标题「拼多多店铺
  // 账务明细查询」, 第2行 空行, 第3行 起始/终止时间, 第4行 ----------交易记录明细列表---------,
  // 第5行 商户订单号,发生时间,收入金额（+元）,支出金额（-元）,账务类型,备注,业务描述, 文末
  // #支出合计/#收入合计/#总计/#导出时间), with rows such as "260620-1,…,61.80,0,交易收入,-,0010002|交易收入-订单收入".
  it("classifies ledger lines and keeps withdrawals apart as payouts", async () => {
    const result = expectImported(await importPath(samplePath("pdd-account-ledger.csv")), "settlement");
    expect(result.headerRow).toBe(5);
    expect(result.stats.footerRows).toBe(4);
    expect(result.rows.map((row) => [row.sourceRow, row.lineType, row.amountMinor])).toEqual([
      [6, "SALE", 6180n],
      [7, "REFUND", -2750n],
      [8, "COMMISSION", -37n],
      [9, "PROMOTION", -90n],
      [10, "WITHDRAWAL", -300000n],
    ]);
    expect(rowAt(result.rows, 6)).toMatchObject({ orderNo: "260620-142123998772001", occurredAt: "2026-06-20T23:30:43" });
    expect(rowAt(result.rows, 10)).toMatchObject({ payoutId: "TX202606300000000001" });
    expect(rowAt(result.rows, 10).orderNo).toBeUndefined();
  });
});

describe("Shopify Payments transactions (sample: shopify-payment-transactions.csv)", () => {
  // Layout source: the 17-column header "Transaction Date,Type,Order,Card Brand,Card Source,Payout
  // Status,Payout Date,Payout ID,Available On,Amount,Fee,Net,Checkout,Payment Method Name,
  // Presentment Amount,Presentment Currency,Currency" as quoted in several public Shopify payout
  // reconcilers, with dates like "2026-10-03 10:12:31 +0200" and refunds as negative Amount, Fee 0.00.
  it("splits each charge into the gross sale and its fee, keeping the payout id", async () => {
    const result = expectImported(await importPath(samplePath("shopify-payment-transactions.csv")), "settlement");
    expect(result.rows.map((row) => [row.sourceRow, row.lineType, row.amountMinor])).toEqual([
      [2, "SALE", 4500n],
      [2, "SERVICE_FEE", -161n],
      [3, "SALE", 12000n],
      [3, "SERVICE_FEE", -373n],
      [4, "REFUND", -4500n],
      [5, "SALE", 2183n],
      [5, "SERVICE_FEE", -152n],
    ]);
    // The wall-clock time as written; the +0200 offset is not applied.
    expect(result.rows[0]).toMatchObject({ occurredOn: "2026-10-03", occurredAt: "2026-10-03T10:12:31", orderNo: "#1001", payoutId: "123456789", currency: "EUR" });
    expect(rowAt(result.rows, 5).payoutId).toBeUndefined();
    const payout = result.rows.filter((row) => row.payoutId === "123456789").reduce((sum, row) => sum + row.amountMinor, 0n);
    expect(payout).toBe(4339n + 11627n - 4500n);
  });
});
