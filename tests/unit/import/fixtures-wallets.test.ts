// Alipay and WeChat Pay exports (real fixtures). Expected values are copied from the files:
// e.g. line 26 of example-alipay-records.csv reads
//   2023-02-12 21:32:14 ,亲友代付,xxxxxxxxxxxx,/,亲情卡,支出,49.74,交通银行信用卡(7449),交易成功,202302xxxxxx0011000103xxxxxx<TAB>,…
import { describe, expect, it } from "vitest";
import { expectImported, fixturePath, importPath, rowAt } from "./helpers";

describe("Alipay 交易明细 (GBK, 24-line preamble, 收/支 column)", () => {
  it("reads the 2023 download with padded cells and TAB-terminated ids", async () => {
    const result = expectImported(await importPath(fixturePath("alipay/example-alipay-records.csv")), "bank");
    expect(result.preamble[1]).toBe("导出信息：");
    expect(rowAt(result.rows, 26)).toEqual({
      sourceRow: 26,
      occurredOn: "2023-02-12",
      occurredAt: "2023-02-12T21:32:14",
      amountMinor: -4974n,
      currency: "CNY",
      reference: "202302xxxxxx0011000103xxxxxx",
      counterparty: "xxxxxxxxxxxx",
      memo: "亲情卡",
      merchantOrderNo: "20230xxxxxxx014741014xxxxxx",
      channel: "交通银行信用卡(7449)",
      naturalKey: "alipay:202302xxxxxx0011000103xxxxxx",
    });
    // 收入 is money in.
    expect(rowAt(result.rows, 30)).toMatchObject({ amountMinor: 22222850n, counterpartyAccount: "xxx***@163.com" });
    // 不计收支 + 退款成功: a refund coming back.
    expect(rowAt(result.rows, 28)).toMatchObject({ amountMinor: 1603n, memo: "退款-亲情卡" });
    expect(rowAt(result.rows, 32)).toMatchObject({ amountMinor: 5000n, reference: "2023xxxxx88_2023xx57" });
    // 支出 + 交易关闭 was paid and later refunded by row 32, so it stays.
    expect(rowAt(result.rows, 33)).toMatchObject({ amountMinor: -5000n, reference: "2023xxxxx88" });
    // 不计收支 moving money out of a fund into 余额宝 is money arriving in the wallet.
    expect(rowAt(result.rows, 29)).toMatchObject({ amountMinor: 9934n, counterparty: "蚂蚁财富-蚂蚁（杭州）基金销售有限公司" });
    expect(rowAt(result.rows, 29).merchantOrderNo).toBeUndefined();
  });

  it("skips a 不计收支 row that was closed before payment, and says so", async () => {
    const result = expectImported(await importPath(fixturePath("alipay/example-alipay-records.csv")), "bank");
    expect(result.rows.some((row) => row.sourceRow === 31)).toBe(false);
    expect(result.errors).toEqual([
      { row: 31, column: "交易状态", code: "ROW_SKIPPED_NO_MONEY_MOVED", params: { status: "交易关闭" }, severity: "warning" },
    ]);
  });

  it("keeps legitimately repeated ids apart with an occurrence counter", async () => {
    const result = expectImported(await importPath(fixturePath("alipay/example-alipay-records.csv")), "bank");
    // Lines 34 and 35 both carry the anonymised id "xxxx" (line 31 has it too but is skipped).
    expect(rowAt(result.rows, 34).naturalKey).toBe("alipay:xxxx");
    expect(rowAt(result.rows, 35).naturalKey).toBe("alipay:xxxx#2");
    expect(new Set(result.rows.map((row) => row.naturalKey)).size).toBe(result.rows.length);
  });

  it("reads the 2020 download (same columns, unpadded)", async () => {
    const result = expectImported(await importPath(fixturePath("alipay/支付宝交易明细(20201122-20201214).csv")), "bank");
    expect(rowAt(result.rows, 26)).toMatchObject({
      occurredOn: "2020-12-14",
      occurredAt: "2020-12-14T16:50:20",
      amountMinor: -12900n,
      reference: "2020121422001155631423825023",
      counterparty: "Apple Store",
      counterpartyAccount: "order***@apple.com",
      merchantOrderNo: "T200P3100982053977276192",
      naturalKey: "alipay:2020121422001155631423825023",
    });
    expect(rowAt(result.rows, 27)).toMatchObject({ amountMinor: 8888n, counterparty: "微信红包" });
    expect(rowAt(result.rows, 36)).toMatchObject({ amountMinor: 31n, memo: "余额宝-12月4日-收益发放" });
    expect(rowAt(result.rows, 36).merchantOrderNo).toBeUndefined();
    expect(rowAt(result.rows, 41)).toMatchObject({ amountMinor: 2875n, counterparty: "京东商城" });
    expect(rowAt(result.rows, 49)).toMatchObject({ occurredOn: "2020-12-15", amountMinor: -59900n, counterparty: "ZARA" });
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[44, "ROW_SKIPPED_NO_MONEY_MOVED"]]);
  });
});

describe("WeChat Pay 账单明细", () => {
  it("reads the CSV: ¥ amounts, '/' as empty, ids with a TAB after the closing quote", async () => {
    const result = expectImported(await importPath(fixturePath("wechat/example-wechat-records.csv")), "bank");
    expect(result.preamble[0]).toBe("微信支付账单明细");
    expect(rowAt(result.rows, 18)).toEqual({
      sourceRow: 18,
      occurredOn: "2019-09-26",
      occurredAt: "2019-09-26T12:45:27",
      amountMinor: -2816n,
      currency: "CNY",
      reference: "3985734",
      counterparty: "云膳过桥米线(传奇广场店)",
      memo: "总共消费:28.16",
      merchantOrderNo: "129847129",
      channel: "中国银行(1234)",
      naturalKey: "wechat:3985734",
    });
    expect(rowAt(result.rows, 19)).toMatchObject({ amountMinor: 35n, naturalKey: "wechat:3985734#2" });
    expect(rowAt(result.rows, 19).channel).toBeUndefined();
    expect(rowAt(result.rows, 22)).toMatchObject({ amountMinor: 2300n, counterparty: "用户A" });
    expect(rowAt(result.rows, 22).merchantOrderNo).toBeUndefined();
    expect(rowAt(result.rows, 34)).toMatchObject({ amountMinor: -224346n, reference: "42000011202110191201583411" });
    expect(rowAt(result.rows, 37)).toMatchObject({ counterparty: '打开拼多多，点击底部"多多视频"', amountMinor: 7n });
    expect(rowAt(result.rows, 42)).toMatchObject({ amountMinor: -5000n, memo: "美团订单-54321" });
  });

  it("signs 中性交易 ('/' in 收/支) from the transaction type", async () => {
    const result = expectImported(await importPath(fixturePath("wechat/example-wechat-records.csv")), "bank");
    const amountOf = (line: number) => rowAt(result.rows, line).amountMinor;
    expect(amountOf(23)).toBe(200000n); // 转入零钱通-来自工商银行: money arriving from the bank
    expect(amountOf(24)).toBe(-10010n); // 零钱提现 ¥100.10 (服务费¥0.10 included)
    expect(rowAt(result.rows, 24).memo).toBe("服务费¥0.10");
    expect(amountOf(27)).toBe(-54858n); // 信用卡还款
    expect(amountOf(28)).toBe(-1000000n); // 购买理财通
    expect(amountOf(30)).toBe(-263478n); // 零钱通转出-到零钱
    expect(amountOf(33)).toBe(130000n); // 零钱充值
  });

  it("reads the XLSX export with sheet row numbers", async () => {
    const result = expectImported(await importPath(fixturePath("wechat/example-wechat-records.xlsx")), "bank");
    expect(result.fileType).toBe("xlsx");
    expect(result.sheetName).toBe("example-wechat-records");
    // Row 1 of that sheet is a "Column1…Column11" table header, so everything sits one row lower than in the CSV.
    expect(rowAt(result.rows, 19)).toMatchObject({
      occurredAt: "2019-09-26T12:45:27",
      amountMinor: -2816n,
      reference: "3985734",
      counterparty: "云膳过桥米线(传奇广场店)",
      merchantOrderNo: "129847129",
    });
    expect(rowAt(result.rows, 45)).toMatchObject({
      occurredOn: "2024-06-07",
      amountMinor: -1n,
      reference: "4200002168202406076349888061",
      naturalKey: "wechat:4200002168202406076349888061#2",
    });
  });
});
