// Wallet layouts the shared fixtures lack, as faithful synthetic samples in tests/samples/import.
import { describe, expect, it } from "vitest";
import { expectImported, importPath, rowAt, samplePath } from "./helpers";

describe("Alipay merchant 账务明细 (sample: alipay-account-ledger.csv, GBK)", () => {
  // Layout source: the comment in a public merchant reconciliation importer (CheckDataAliPayImp.java,
  // "rongyifu mms") quoting a 2012 export verbatim — "#支付宝账务明细查询", "#账号：[…]", the header
  // 账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,
  // 交易渠道,业务类型,备注, values like "54632446537371\t," and "陈晶 (kuangzhe@126.com)\t", and the
  // "#…账务明细列表结束…", "#支出合计", "#收入合计", "#导出时间" footer; confirmed by a 2026 Python
  // importer's docstring ("头尾各有若干 # 注释行", "每个字段值带尾随制表符").
  it("reads ledger entries with their own ids, split amounts and the running balance", async () => {
    const result = expectImported(await importPath(samplePath("alipay-account-ledger.csv")), "bank");
    expect(result.format.id).toBe("alipay-account-ledger");
    expect(result.headerRow).toBe(5);
    expect(result.preamble[0]).toBe("#支付宝账务明细查询");
    expect(result.rows).toHaveLength(4);
    expect(result.stats.footerRows).toBe(4);
    expect(rowAt(result.rows, 6)).toEqual({
      sourceRow: 6,
      occurredOn: "2024-03-01",
      occurredAt: "2024-03-01T10:15:32",
      amountMinor: 29900n,
      currency: "CNY",
      balanceMinor: 1029900n,
      reference: "20240301000000000001",
      secondaryReference: "2024030122001100000000000001",
      counterparty: "张三",
      counterpartyAccount: "zhang***@163.com",
      memo: "女装连衣裙 / 在线支付",
      merchantOrderNo: "T200P3100000000000001",
      channel: "支付宝",
      naturalKey: "alipay-ledger:20240301000000000001",
    });
    expect(rowAt(result.rows, 7)).toMatchObject({ amountMinor: -60n, balanceMinor: 1029840n, memo: "女装连衣裙 / 服务费 / 交易服务费" });
    expect(rowAt(result.rows, 9)).toMatchObject({ amountMinor: -500000n, balanceMinor: 952740n, counterparty: "招商银行", counterpartyAccount: "6789" });
    expect(rowAt(result.rows, 9).merchantOrderNo).toBeUndefined();
  });
});

describe("Alipay legacy 交易记录明细查询 (sample: alipay-transactions-legacy.csv, GBK)", () => {
  // Layout source: the export quoted in a public Beancount blog post and in several importers'
  // tests ("支付宝交易记录明细查询", "交易记录明细列表", the 16-column header with padded names
  // 交易号…资金状态 and a trailing comma, ids followed by a TAB, the dashed line and "共N笔记录",
  // "已收入:N笔,x元" totals under the table).
  it("uses 资金状态 for the sign, 付款时间 for the time, and drops the totals block", async () => {
    const result = expectImported(await importPath(samplePath("alipay-transactions-legacy.csv")), "bank");
    expect(result.format.id).toBe("alipay-transactions-legacy");
    expect(rowAt(result.rows, 6)).toMatchObject({
      occurredAt: "2019-12-31T13:26:29",
      amountMinor: -49350n,
      reference: "2019123122001456000000000001",
      merchantOrderNo: "M2019123170000001",
      counterparty: "中国铁路网络有限公司",
      memo: "火车票",
    });
    // No 付款时间: the creation time is used; 收/支 empty but 资金状态 已收入.
    expect(rowAt(result.rows, 7)).toMatchObject({ occurredAt: "2019-12-31T04:05:12", amountMinor: 85n, reference: "20191231343073829431" });
    expect(rowAt(result.rows, 9)).toMatchObject({ amountMinor: 20000n, counterparty: "王五", feeMinor: 0n });
    // A sale of 100.00 on which Alipay charged 服务费 0.60: the amount as written, the fee beside it.
    expect(rowAt(result.rows, 10)).toMatchObject({ amountMinor: 10000n, feeMinor: 60n, merchantOrderNo: "T200P900000000000004", channel: "淘宝" });
    // 交易关闭 with no 资金状态 never moved money.
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[8, "ROW_SKIPPED_NO_MONEY_MOVED"]]);
    expect(result.rows.map((row) => row.sourceRow)).toEqual([6, 7, 9, 10]);
  });
});
