// Bank exports (real fixtures). Expected values are copied from the files by hand.
import { describe, expect, it } from "vitest";
import { expectImported, fixturePath, importPath, rowAt } from "./helpers";

describe("ICBC 明细查询文件下载", () => {
  it("credit card: booked 收入/支出 columns, negative balances, 合计 footer dropped", async () => {
    const result = expectImported(await importPath(fixturePath("bank-icbc/example-icbc-credit-records.csv")), "bank");
    expect(result.preamble).toContain('卡号: 1234****5678 卡别名:');
    // 2023-04-22,…,"银联在线支付",XX旗舰店,…,"0.01" (支出),…,"-6,086.11" (余额)
    expect(rowAt(result.rows, 8)).toMatchObject({
      occurredOn: "2023-04-22",
      amountMinor: -1n,
      currency: "CNY",
      balanceMinor: -608611n,
      counterparty: "XX旗舰店",
      memo: "银联在线支付",
    });
    expect(rowAt(result.rows, 8).occurredAt).toBeUndefined();
    // "人民币自动转帐还款", 收入 "4,621.01"
    expect(rowAt(result.rows, 13)).toMatchObject({ occurredOn: "2023-04-25", amountMinor: 462101n, balanceMinor: -197163n });
    expect(result.rows.map((row) => row.sourceRow)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(result.stats.footerRows).toBe(1);
    expect(result.rows.every((row) => row.naturalKey.startsWith("icbc:fp:"))).toBe(true);
  });

  it("debit card v1: amounts from 记账金额 when 交易金额 is '-', unreadable balances reported, rows kept", async () => {
    const result = expectImported(await importPath(fixturePath("bank-icbc/example-icbc-debit-v1-records.csv")), "bank");
    expect(rowAt(result.rows, 8)).toMatchObject({
      occurredOn: "2023-05-02",
      amountMinor: -1340n,
      counterparty: "深圳市财付通支付科技有限公司",
      memo: "消费 / 广东三元麦当劳食品有",
    });
    expect(rowAt(result.rows, 8).balanceMinor).toBeUndefined();
    expect(rowAt(result.rows, 10)).toMatchObject({ occurredOn: "2023-04-22", amountMinor: 123456n, counterparty: "李四", memo: "他行汇入" });
    expect(rowAt(result.rows, 14)).toMatchObject({ amountMinor: 34158n, counterparty: "支付宝（中国）网络技术有限公司" });
    // The anonymised balance "xx,yyyy.zz" cannot be read: one warning per row, nothing rejected.
    expect(result.errors).toHaveLength(11);
    expect(result.errors[0]).toEqual({ row: 8, column: "余额", code: "BALANCE_IGNORED", params: { value: "xx,yyyy.zz" }, severity: "warning" });
  });

  it("debit card v2: the extra 交易详情 and 对方账户 columns", async () => {
    const result = expectImported(await importPath(fixturePath("bank-icbc/example-icbc-debit-v2-records.csv")), "bank");
    expect(rowAt(result.rows, 9)).toMatchObject({
      occurredOn: "2023-04-25",
      amountMinor: -123456n,
      counterparty: "张三",
      counterpartyAccount: "1234****9876",
      memo: "自动还款 / 广东XX分行银行卡中心",
    });
    expect(rowAt(result.rows, 18)).toMatchObject({ occurredOn: "2023-02-08", amountMinor: 104n });
  });
});

describe("China Construction Bank legacy .xls (BIFF8, code page 936)", () => {
  it("reads Chinese text, 20250101 dates with a separate time column, split 支出/收入", async () => {
    const result = expectImported(await importPath(fixturePath("bank-ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls")), "bank");
    expect(result.fileType).toBe("xls");
    expect(result.preamble).toEqual(["China Construction Bank", "开户机构： xxx", "币　　种： 人民币", "账　　号： xxxxx*********xxxx", ""]);
    expect(rowAt(result.rows, 7)).toEqual({
      sourceRow: 7,
      occurredOn: "2025-01-01",
      occurredAt: "2025-01-01T18:53:19",
      amountMinor: -6700n,
      currency: "CNY",
      balanceMinor: 217691n,
      counterparty: "中***融科技有限公司",
      counterpartyAccount: "20883313166*****0156",
      memo: "消费 / 支付宝-支付宝外部商户-中移动金融科技有限公司",
      naturalKey: rowAt(result.rows, 7).naturalKey,
    });
    expect(rowAt(result.rows, 10)).toMatchObject({ occurredOn: "2025-01-05", amountMinor: -51502n, balanceMinor: 157911n, memo: expect.stringContaining("无卡自助交易") });
    expect(rowAt(result.rows, 12)).toMatchObject({ occurredAt: "2025-01-06T12:03:39", amountMinor: -6640n, balanceMinor: 149465n });
    // Row 13 "以上数据仅供参考|具体内容请以柜台为准" is a footer.
    expect(result.rows.map((row) => row.sourceRow)).toEqual([7, 8, 9, 10, 11, 12]);
  });
});

describe("China Merchants Bank CSV", () => {
  it("reads signed amounts and splits 对手信息 into name and account", async () => {
    const result = expectImported(await importPath(fixturePath("bank-cmb/example-cmb-debit-records.csv")), "bank");
    expect(rowAt(result.rows, 2)).toMatchObject({
      occurredOn: "2024-01-01",
      amountMinor: 123400n,
      balanceMinor: 127166n,
      counterparty: "北京住房公积金管理中心",
      counterpartyAccount: "1111111111",
      memo: "代发住房公积金 / 01月01日约定提取",
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ amountMinor: -100000n, balanceMinor: 27166n, counterparty: "张三", counterpartyAccount: "66666666666666" });
    expect(rowAt(result.rows, 5).counterparty).toBeUndefined();
    expect(rowAt(result.rows, 6)).toMatchObject({ occurredOn: "2024-01-23", amountMinor: -1014n, counterparty: "抖音电商商家", counterpartyAccount: "888888888" });
  });
});

describe("Bank of China CSV", () => {
  it("reads signed amounts, date + time columns and dashed placeholders", async () => {
    const result = expectImported(await importPath(fixturePath("bank-boc/example-boc-debit-records.csv")), "bank");
    expect(result.preamble).toEqual(["中国银行交易流水明细单"]);
    expect(rowAt(result.rows, 3)).toEqual({
      sourceRow: 3,
      occurredOn: "2025-08-22",
      occurredAt: "2025-08-22T17:57:17",
      amountMinor: -7189n,
      currency: "CNY",
      balanceMinor: 324028n,
      counterparty: "张三",
      counterpartyAccount: "6226******5669",
      memo: "无卡支付",
      channel: "卡组织线上/无卡交易",
      naturalKey: rowAt(result.rows, 3).naturalKey,
    });
    expect(rowAt(result.rows, 14)).toMatchObject({ amountMinor: 577100n, counterparty: "美金数据有限公司", memo: "工资" });
    expect(rowAt(result.rows, 19)).toMatchObject({ occurredAt: "2025-08-01T08:57:00", amountMinor: 100000n, balanceMinor: 381358n });
  });
});
