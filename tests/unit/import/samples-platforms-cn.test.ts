// Chinese platform and wallet layouts (JD, Douyin, Meituan) as faithful synthetic samples in
// tests/samples/import: real headers, preambles, encodings and number formats, invented rows. Each
// expected figure below is written out by hand from the sample file, not taken from the adapter.
import { describe, expect, it } from "vitest";
import { listFormats } from "@/lib/import";
import { expectImported, importPath, importText, rowAt, samplePath } from "./helpers";

describe("JD 京东账单, personal transactions (sample: jd-bill.csv, UTF-8)", () => {
  // Layout source: deb-sig/double-entry-generator, example/jd/example-jd-records.csv (the 2024 download:
  // 导出信息 … 特别提示 1–8, then 交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易分类,交易订单号,
  // 商家订单号,备注, ids and times followed by a TAB, rows ending ", ,", amounts such as
  // "131.77(已退款89.84)" and "468.32(已全额退款)"), read by pkg/provider/jd/jd.go; the amount forms are
  // those of pkg/provider/jd/jd_test.go. The 2021 column order is that file's earlier version. The same
  // download is in aqni/beancount-daoru, examples/import_only/documents/Assets/Payment/JD/
  // 2024-12-31.京东交易流水(申请时间2025年01月01日11时32分42秒)_138.csv; focus000/preciouss,
  // src/preciouss/importers/jd.py reads both numbers of the bracket, half- or full-width.
  it("detects the bill and reads the JD account name printed above the header", async () => {
    const result = expectImported(await importPath(samplePath("jd-bill.csv")), "bank");
    expect(result.format.id).toBe("jd-bill");
    expect(result.headerRow).toBe(22);
    expect(result.statementAccount).toEqual({ name: "jd_sample0001", bank: "京东" });
  });

  it("keeps an order's full amount as money out and names the refund inside it; the refund row brings it back", async () => {
    const result = expectImported(await importPath(samplePath("jd-bill.csv")), "bank");
    expect(rowAt(result.rows, 25)).toEqual({
      sourceRow: 25,
      occurredOn: "2025-02-24",
      occurredAt: "2025-02-24T21:13:07",
      amountMinor: -13177n,
      currency: "CNY",
      reference: "300000000102",
      counterparty: "京东平台商户",
      memo: "示例店铺 保温杯 500ml 等多件 / 已退款89.84 / 日用百货",
      merchantOrderNo: "2025022421130003",
      channel: "招商银行信用卡(1234)",
      naturalKey: expect.stringMatching(/^jd-bill:fp:[0-9a-f]{64}$/),
    });
    // 退款-… marked 不计收支 / 退款成功: money back, 89.84.
    expect(rowAt(result.rows, 24)).toMatchObject({ amountMinor: 8984n, reference: "300000000102", occurredAt: "2025-02-25T10:02:45" });
    // The two rows net to what the export's own note says a partly refunded order cost: 131.77 − 89.84.
    expect(rowAt(result.rows, 25).amountMinor + rowAt(result.rows, 24).amountMinor).toBe(-4193n);
  });

  it("signs 不计收支 rows only where certain: a fully refunded payment and a 还款 are out, a 0.00 row is skipped", async () => {
    const result = expectImported(await importPath(samplePath("jd-bill.csv")), "bank");
    expect(rowAt(result.rows, 26)).toMatchObject({ amountMinor: -26800n, memo: "示例店铺 蓝牙耳机 / 已全额退款 / 数码电器" });
    expect(rowAt(result.rows, 28)).toMatchObject({ amountMinor: -20190n, counterparty: "京东金融", channel: "钱包余额" });
    expect(rowAt(result.rows, 23)).toMatchObject({ amountMinor: -5990n, merchantOrderNo: "2025022718200001" });
    expect(rowAt(result.rows, 29)).toMatchObject({ amountMinor: -1500n, reference: "JDX300000000106" });
    expect(rowAt(result.rows, 31)).toMatchObject({ amountMinor: 1250n, occurredOn: "2025-02-05" });
    expect(result.rows.map((row) => row.sourceRow)).toEqual([23, 24, 25, 26, 28, 29, 31]);
    expect(result.errors).toContainEqual(expect.objectContaining({ row: 27, column: "金额", code: "ROW_SKIPPED_NO_MONEY_MOVED", severity: "warning" }));
  });

  it("refuses, naming row and column, an amount whose bracket cannot be read exactly and a 不计收支 it cannot sign", async () => {
    const result = expectImported(await importPath(samplePath("jd-bill.csv")), "bank");
    expect(result.errors).toContainEqual({ row: 30, column: "金额", code: "INVALID_AMOUNT", params: { value: "100.00(已退款20.0.0)" }, severity: "error" });
    // 京东小金库-转入 paid from a bank card: into or out of this bill's money is not knowable.
    expect(result.errors).toContainEqual({ row: 32, column: "收/支", code: "INVALID_DIRECTION", params: { value: "不计收支" }, severity: "error" });
    expect(result.stats).toMatchObject({ dataRows: 10, importedRows: 7, rejectedRows: 2, skippedRows: 1 });
  });

  it.each([
    ["131.77(已退款131.78)", "a refund larger than the order"],
    ["131.77(已退款)", "a refund without its amount"],
    ["131.77(已全额)", "an unknown bracket"],
    ["131.77(已退款89.84)22", "text after the bracket"],
    ["131.77（已退款89.845）", "a refund with three decimals"],
  ])("refuses %s (%s)", async (cell) => {
    const text = `导出信息：\n交易时间,交易分类,商户名称,交易说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注\n2021-12-18 19:45:25\t,美妆个护,京东平台商户,洁面乳,支出,${cell},京东白条,交易成功,88438843884\t,100000000000000000000002\t,\n`;
    const result = expectImported(await importText("jd.csv", text), "bank");
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ row: 3, column: "金额", code: "INVALID_AMOUNT", severity: "error" })]);
  });

  it("reads the 2021 column order and a full-width bracket the same way", async () => {
    const text = [
      "导出信息：",
      "京东账号名：jd_whatever",
      "交易时间,交易分类,商户名称,交易说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注",
      "2021-12-18 19:45:25\t,美妆个护,京东平台商户,洁面乳150ml,支出,223.99（已退款1.00）,京东白条,交易成功,88438843884\t,100000000000000000000002\t,",
      "2021-12-16 08:22:00\t,网购,京东平台商户,退款-洁面乳150ml,收入,1.00,京东白条,交易成功,88438843884\t,1000000000000000000\t,",
      "",
    ].join("\n");
    const result = expectImported(await importText("jd.csv", text), "bank");
    expect(result.format.id).toBe("jd-bill");
    expect(rowAt(result.rows, 4)).toMatchObject({ amountMinor: -22399n, occurredAt: "2021-12-18T19:45:25", memo: "洁面乳150ml / 已退款1.00 / 美妆个护" });
    expect(rowAt(result.rows, 5)).toMatchObject({ amountMinor: 100n, reference: "88438843884", merchantOrderNo: "1000000000000000000" });
  });
});

describe("JD 订单结算明细对账 (sample: jd-settlement-detail.csv, UTF-8 with BOM)", () => {
  // Layout source: the 22-column header a public e-commerce ledger's rule tests quote as "京东对账表的真实表头，
  // 一个字都不能改" (订单编号,父单号,订单状态,…,费用名称,应结金额,币种,收支方向,结算状态,预计结算时间,账单生成时间,
  // 到账时间,商户订单号,资金动账备注) with rows like ("货款","-13.80","支出"), 账单生成时间 "20260708" and 商户订单号
  // "202607090000011332601610021"; a public pandas script reading "订单结算明细对账_….csv" (utf-8-sig,
  // na_values "--") names the same columns and the fee names 货款, 佣金, 交易服务费, 京豆, 运费保险服务费; a
  // public settlement-field mapping reads 商户订单号 as the bank flow and 资金动账备注 as "…商家结算款". The
  // search index shows these files without their repository name.
  it("reads each fee line with its order number, line type, signed amount and payout id", async () => {
    const result = expectImported(await importPath(samplePath("jd-settlement-detail.csv")), "settlement");
    expect(result.format.id).toBe("jd-settlement-detail");
    expect(result.encoding).toBe("utf-8");
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2025-05-09",
      lineType: "SALE",
      orderNo: "310000000001",
      payoutId: "202505100000011332601610021",
      amountMinor: 3680n,
      currency: "CNY",
      memo: "货款 / 已结算 / 2025年5月9日商家结算款",
      naturalKey: expect.stringMatching(/^jd-settlement:fp:[0-9a-f]{64}$/),
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ lineType: "COMMISSION", amountMinor: -184n, orderNo: "310000000001" });
    expect(rowAt(result.rows, 4)).toMatchObject({ lineType: "SERVICE_FEE", amountMinor: -86n });
    // 货款 going out with an after-sale number is a refund; the commission given back is +.
    expect(rowAt(result.rows, 5)).toMatchObject({ lineType: "REFUND", amountMinor: -1380n, reference: "5000000000123", payoutId: "202505130000011332601610077", occurredOn: "2025-05-12" });
    expect(rowAt(result.rows, 6)).toMatchObject({ lineType: "COMMISSION", amountMinor: 69n });
    expect(rowAt(result.rows, 7)).toMatchObject({ lineType: "PROMOTION", amountMinor: -50n });
    // Not settled yet: no payout, dated by 预计结算时间.
    expect(rowAt(result.rows, 8)).toMatchObject({ lineType: "ADJUSTMENT", amountMinor: -2390n, occurredOn: "2025-06-09", occurredAt: "2025-06-09T17:00:00" });
    expect(rowAt(result.rows, 8).payoutId).toBeUndefined();
  });

  it("sums the lines of one payout to what the transfer should be", async () => {
    const result = expectImported(await importPath(samplePath("jd-settlement-detail.csv")), "settlement");
    const payout = (id: string) => result.rows.filter((row) => row.payoutId === id).reduce((sum, row) => sum + row.amountMinor, 0n);
    expect(payout("202505100000011332601610021")).toBe(3680n - 184n - 86n);
    expect(payout("202505130000011332601610077")).toBe(-1380n + 69n - 50n);
  });

  it("refuses a row whose signed amount contradicts 收支方向", async () => {
    const result = expectImported(await importPath(samplePath("jd-settlement-detail.csv")), "settlement");
    expect(result.errors).toEqual([{ row: 9, column: "收支方向", code: "INVALID_DIRECTION", params: { value: "收入 -5.00" }, severity: "error" }]);
  });
});

describe("Douyin 抖店 资金流水 (sample: douyin-fund-flow.xlsx, written by scripts/make-douyin-fund-flow.mjs)", () => {
  // Layout source: a public Douyin accounting tool's design doc listing the export's 40 "原始表头" (动账时间,
  // 动帐流水号, 动账方向, 动账金额, 动账账户, 动账场景, 计费类型, 子订单号, 订单号, 售后编号, …, 商户主体名称, 备注);
  // another public ledger's tests feed it both unsigned and signed 动账金额 under 出账 ("8.17"/"-8.17" → −8.17,
  // scene 上门取件运费, 流水号 2026070806273341620114198961) and refuse an unknown direction; a public
  // reconciliation plan's fixture shows 货款结算入账 170.05 = 179 − 8.95 平台服务费 and 退款-结算后退款-退用户. The
  // search index shows these files without their repository name.
  it("signs by 动账方向 and types each line by 动账场景", async () => {
    const result = expectImported(await importPath(samplePath("douyin-fund-flow.xlsx")), "settlement");
    expect(result.format.id).toBe("douyin-fund-flow");
    expect(result.header).toHaveLength(39);
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2026-07-03",
      occurredAt: "2026-07-03T10:00:00",
      lineType: "SALE",
      orderNo: "6954164338068750001",
      amountMinor: 17005n,
      currency: "CNY",
      reference: "2026070310000011141900000001",
      memo: "货款结算入账 / 订单结算 / 子订单 6954164338068750002 / 聚合账户",
      naturalKey: "douyin-fund:2026070310000011141900000001",
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ lineType: "REFUND", amountMinor: -17900n, orderNo: "6954164338068750001" });
    // Signed −8.17 and unsigned 179 under 出账 both come out negative.
    expect(rowAt(result.rows, 4)).toMatchObject({ lineType: "SERVICE_FEE", amountMinor: -817n, occurredAt: "2026-07-08T06:27:38" });
    expect(rowAt(result.rows, 6)).toMatchObject({ lineType: "ADJUSTMENT", amountMinor: 300n });
    expect(rowAt(result.rows, 6).orderNo).toBeUndefined();
  });

  it("gives a withdrawal its 动帐流水号 as the payout id", async () => {
    const result = expectImported(await importPath(samplePath("douyin-fund-flow.xlsx")), "settlement");
    expect(rowAt(result.rows, 5)).toMatchObject({
      lineType: "WITHDRAWAL",
      payoutId: "2026070909000011141900000004",
      amountMinor: -100000n,
      memo: "提现 / 聚合账户 / 提现至对公账户 尾号1234",
    });
  });

  it("refuses a direction it does not know and a negative amount under 入账", async () => {
    const result = expectImported(await importPath(samplePath("douyin-fund-flow.xlsx")), "settlement");
    expect(result.errors).toEqual([{ row: 7, column: "动账方向", code: "INVALID_DIRECTION", params: { value: "冻结" }, severity: "error" }]);
    const text = "动账时间,动帐流水号,动账方向,动账金额,动账账户,动账场景,子订单号\n2026-07-08 06:27:38,F1,入账,-8.17,聚合账户,上门取件运费,6954164338068755932\n";
    const signed = expectImported(await importText("fund.csv", text), "settlement");
    expect(signed.format.id).toBe("douyin-fund-flow");
    expect(signed.rows).toEqual([]);
    expect(signed.errors).toEqual([expect.objectContaining({ row: 2, column: "动账方向", code: "INVALID_DIRECTION" })]);
  });
});

describe("Meituan 美团账单 (sample: meituan-bill.csv, UTF-8 with BOM)", () => {
  // Layout source: RenLangMan/beancount-daoru (and its upstream aqni/beancount-daoru),
  // src/beancount_daoru/importers/meituan.py: "美团账单(YYYYMMDD-YYYYMMDD).csv", read with header=19 and
  // utf-8-sig, 美团用户名：[…] and 终止时间：[…] in the preamble, 实付金额 written "¥35.50", 备注 "/", 收/支
  // other than 支出/收入 refused; tests/beancount_daoru/importers/test_meituan.py for 支付 / 退款 /
  // 【美团月付】主动还款. The full 11-column header, the comma-padded preamble lines and the
  // 【美团交易账单明细列表】 marker are as quoted in other public parsers' fixtures (shown by the search index
  // without their repository name). This is the buyer's own bill; no merchant 外卖/闪购/团购 bill was found.
  it("reads 实付金额 signed by 收/支, the bill's ids and the user name above the header", async () => {
    const result = expectImported(await importPath(samplePath("meituan-bill.csv")), "bank");
    expect(result.format.id).toBe("meituan-bill");
    expect(result.headerRow).toBe(20);
    expect(result.statementAccount).toEqual({ name: "示例用户", bank: "美团" });
    expect(rowAt(result.rows, 21)).toEqual({
      sourceRow: 21,
      occurredOn: "2025-06-28",
      occurredAt: "2025-06-28T12:01:25",
      amountMinor: -7337n,
      currency: "CNY",
      reference: "260628112007016701",
      counterparty: "美团",
      memo: "示例餐厅-工作午餐套餐 / 支付 / 订单金额 ¥73.60",
      merchantOrderNo: "1M7U2WY0NMA00001",
      channel: "美团月付",
      naturalKey: "meituan:260628112007016701",
    });
    expect(rowAt(result.rows, 22)).toMatchObject({ amountMinor: 2500n, memo: "示例餐厅-工作午餐套餐 / 退款" });
    expect(rowAt(result.rows, 24)).toMatchObject({ amountMinor: -4795n, memo: "示例文具店-A4打印纸 5包 / 支付 / 订单金额 ¥48.00 / 发票已开" });
    expect(rowAt(result.rows, 26)).toMatchObject({ amountMinor: -1300n, channel: "美团余额", occurredOn: "2025-04-11" });
  });

  it("signs a 不计收支 还款 as money out and refuses a 不计收支 top-up rather than guess", async () => {
    const result = expectImported(await importPath(samplePath("meituan-bill.csv")), "bank");
    expect(rowAt(result.rows, 23)).toMatchObject({ amountMinor: -20000n, memo: "【美团月付】主动还款-本期账单 / 还款" });
    expect(result.errors).toEqual([{ row: 25, column: "收/支", code: "INVALID_DIRECTION", params: { value: "不计收支" }, severity: "error" }]);
    // The three 支出 rows total the preamble's "支出：3笔 134.32元".
    const spent = result.rows.filter((row) => row.memo?.includes("/ 支付")).reduce((sum, row) => sum + row.amountMinor, 0n);
    expect(spent).toBe(-13432n);
  });
  it("refuses rows whose flow number a spreadsheet turned into an exponent (its digits are lost)", async () => {
    const text = "动账时间,动帐流水号,动账方向,动账金额,动账账户,动账场景,子订单号\n2026-07-03 10:00:00,2.0260703100000113e+27,入账,1.00,聚合账户,货款结算入账,\n2026-07-03 10:00:01,2.0260703100000113e+27,入账,2.00,聚合账户,货款结算入账,\n";
    const result = await importText("fund.csv", text);
    expect(result.ok ? result.rows : []).toEqual([]);
    expect(result.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [2, "动帐流水号", "NUMBER_LOST_DIGITS"],
      [3, "动帐流水号", "NUMBER_LOST_DIGITS"],
    ]);
  });
});

describe("Douyin 抖店 结算账单 (sample: douyin-settlement-bill.xlsx, written by scripts/make-douyin-settlement-bill.mjs)", () => {
  // Layout source: a public Douyin reconciliation tool's test workbook (sheet 结算账单: 结算时间,订单号,子订单号,
  // 结算金额,结算账户,结算单类型,订单总价,…,收入合计,平台服务费,佣金,渠道分成,招商服务费,站外推广费,其他分成,支出合计;
  // header row 1, "平台计算说明" row 2, data from row 3) and the same tool's amount checks (结算金额 = 收入合计 +
  // 支出合计, 支出合计 = the six fee columns); a public data-model note says the fee columns are "通常以负数表示扣减"
  // and may go either way; another public tool lists the fee columns as "文件里是负数". The search index shows
  // these files without their repository name.
  it("splits each settled sub-order into its revenue and its fees, signed as written", async () => {
    const result = expectImported(await importPath(samplePath("douyin-settlement-bill.xlsx")), "settlement");
    expect(result.format.id).toBe("douyin-settlement-bill");
    expect(result.sheetName).toBe("结算账单");
    const row3 = result.rows.filter((row) => row.sourceRow === 3);
    expect(row3.map((row) => [row.lineType, row.amountMinor])).toEqual([
      ["SALE", 18400n],
      ["SERVICE_FEE", -895n],
      ["COMMISSION", -1790n],
    ]);
    expect(row3[0]).toEqual({
      sourceRow: 3,
      occurredOn: "2026-07-03",
      occurredAt: "2026-07-03T10:00:00",
      lineType: "SALE",
      orderNo: "6954164338068750001",
      amountMinor: 18400n,
      currency: "CNY",
      reference: "6954164338068750002",
      memo: "收入合计 / 已结算 / 聚合账户",
      naturalKey: expect.stringMatching(/^douyin-settle:fp:[0-9a-f]{64}$/),
    });
    // The lines of a row add up to its 结算金额 157.15.
    expect(row3.reduce((sum, row) => sum + row.amountMinor, 0n)).toBe(15715n);
  });

  it("reads a settlement after a refund as a refund with its commission given back", async () => {
    const result = expectImported(await importPath(samplePath("douyin-settlement-bill.xlsx")), "settlement");
    const row4 = result.rows.filter((row) => row.sourceRow === 4);
    expect(row4.map((row) => [row.lineType, row.amountMinor, row.memo])).toEqual([
      ["REFUND", -18400n, "收入合计 / 结算后退款 / 聚合账户"],
      ["COMMISSION", 1790n, "佣金 / 结算后退款 / 聚合账户"],
    ]);
    const row5 = result.rows.filter((row) => row.sourceRow === 5);
    expect(row5.map((row) => [row.lineType, row.amountMinor])).toEqual([
      ["SALE", 5000n],
      ["SERVICE_FEE", -250n],
      ["SERVICE_FEE", -100n],
      ["PROMOTION", -100n],
    ]);
    expect(row5[0]?.payoutId).toBeUndefined();
  });

  it("skips the explanation row and refuses a row whose lines do not add up to 结算金额", async () => {
    const result = expectImported(await importPath(samplePath("douyin-settlement-bill.xlsx")), "settlement");
    expect(result.errors).toEqual([
      { row: 2, column: "结算时间", code: "ROW_SKIPPED_NO_MONEY_MOVED", params: { status: "平台计算说明" }, severity: "warning" },
      { row: 6, column: "结算金额", code: "INVALID_AMOUNT", params: { value: "58 ≠ 60 + -3" }, severity: "error" },
    ]);
    expect(result.stats).toMatchObject({ dataRows: 5, importedRows: 3, rejectedRows: 1, skippedRows: 1 });
  });
});

describe("Douyin 抖店 账户流水 with balance (sample: douyin-account-ledger.csv, UTF-8 with BOM)", () => {
  // Layout source: a public Douyin month-end reconciliation module that tells this export apart from the
  // 资金流水 by its columns {动账流水号, 账户方向, 动账金额(元), 动账场景, 账户余额(元)}, reads 关联订单号 and 备注,
  // decodes it as utf-8-sig or GB18030, and chains rows by "上一笔余额 + 本笔金额 = 本笔余额" (so the amount is
  // signed). The search index shows it without its repository name, and the export's column order is not
  // known: the sample's order is an assumption (the adapter reads columns by name).
  it("reads signed movements with the balance after each, the flow number as reference", async () => {
    const result = expectImported(await importPath(samplePath("douyin-account-ledger.csv")), "bank");
    expect(result.format.id).toBe("douyin-account-ledger");
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2026-07-03",
      occurredAt: "2026-07-03T10:00:00",
      amountMinor: 15715n,
      currency: "CNY",
      balanceMinor: 1015715n,
      reference: "2026070310000011141900000001",
      memo: "货款结算入账 / 订单 6954164338068750001",
      merchantOrderNo: "6954164338068750001",
      naturalKey: "douyin-ledger:2026070310000011141900000001",
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ amountMinor: -16610n, balanceMinor: 999105n });
    expect(rowAt(result.rows, 5)).toMatchObject({ amountMinor: -500000n, balanceMinor: 498288n, memo: "提现 / 提现至对公账户 尾号1234" });
    // Every imported row rolls the balance forward: previous balance + amount = this balance.
    for (let i = 1; i < result.rows.length; i++) {
      const previous = result.rows[i - 1]!;
      const current = result.rows[i]!;
      expect((previous.balanceMinor ?? 0n) + current.amountMinor).toBe(current.balanceMinor);
    }
  });

  it("refuses a negative amount under 入账", async () => {
    const result = expectImported(await importPath(samplePath("douyin-account-ledger.csv")), "bank");
    expect(result.errors).toEqual([{ row: 6, column: "账户方向", code: "INVALID_DIRECTION", params: { value: "入账 -3.00" }, severity: "error" }]);
  });
});

describe("JD 京东钱包 结算表 + 资金表 (samples: jd-wallet.xlsx and jd-wallet-fund.xlsx, written by scripts/make-jd-wallet.mjs)", () => {
  // Layout source: ShopeX/OMS, app/financebase/lib/data/bill/jdwallet.php — the 京东钱包 import reads a
  // two-sheet XLSX: 结算表 (getTitle: 订单编号,单据编号,单据类型,商品编号,商户订单号,商品名称,费用发生时间,费用计费时间,
  // 费用结算时间,费用项,金额,币种,商家应收/应付,钱包结算备注,店铺号,京东门店编号,品牌门店编号,门店名称,备注,收支方向,
  // 商品数量,账单日期; date cells; the row's time is 费用结算时间) and 资金表 (getFundTitle: 创建时间,账户代码,账户名称,
  // 币种,收入金额(元),支出金额(元),账户余额(元),交易类型,商户订单号,交易订单号,原商户订单号,资金动账备注; money =
  // 收入 − 支出; remarks like "售后服务单号…，对应订单号…"). Public JD bill importers quote the daily bill's
  // 23-column variant (with 结算状态 and 对账日期) and the codes 单据类型 订单/取消退款单/售后服务单/非销售订单 and 费用项
  // 随单送的京豆/佣金/代收配送费/货款/短信服务费.
  it("imports the 结算表 sheet of the wallet workbook as settlement lines", async () => {
    const result = expectImported(await importPath(samplePath("jd-wallet.xlsx")), "settlement");
    expect(result.format.id).toBe("jd-wallet-settlement");
    expect(result.sheetName).toBe("结算表");
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2025-05-12",
      occurredAt: "2025-05-12T03:00:00",
      lineType: "SALE",
      orderNo: "300100000001",
      payoutId: "202505120000011332600000001",
      amountMinor: 3680n,
      currency: "CNY",
      reference: "300100000001",
      memo: "货款 / 订单",
      naturalKey: expect.stringMatching(/^jd-wallet:fp:[0-9a-f]{64}$/),
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ lineType: "COMMISSION", amountMinor: -184n });
    expect(rowAt(result.rows, 4)).toMatchObject({ lineType: "PROMOTION", amountMinor: -50n, memo: "随单送的京豆 / 订单" });
    expect(rowAt(result.rows, 5)).toMatchObject({ lineType: "REFUND", amountMinor: -1380n, reference: "5000000000123", memo: "货款 / 售后服务单 / 退货金额" });
    expect(rowAt(result.rows, 6)).toMatchObject({ lineType: "COMMISSION", amountMinor: 69n, occurredOn: "2025-05-13" });
    expect(rowAt(result.rows, 7)).toMatchObject({ lineType: "ADJUSTMENT", amountMinor: -500n, payoutId: "JB202505140001", occurredAt: "2025-05-14T09:59:00" });
    expect(result.errors).toEqual([{ row: 8, column: "收支方向", code: "INVALID_DIRECTION", params: { value: "收入 -5" }, severity: "error" }]);
  });

  it("reads the 资金表 with the balance after each movement", async () => {
    const result = expectImported(await importPath(samplePath("jd-wallet-fund.xlsx")), "bank");
    expect(result.format.id).toBe("jd-wallet-fund");
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2025-05-12",
      occurredAt: "2025-05-12T03:10:00",
      amountMinor: 3446n,
      currency: "CNY",
      balanceMinor: 103446n,
      reference: "JDP20250512000001",
      secondaryReference: "202505120000011332600000001",
      memo: "结算入账 / 2025年5月12日商家结算款",
      naturalKey: "jd-wallet-fund:JDP20250512000001",
    });
    expect(rowAt(result.rows, 4)).toMatchObject({ amountMinor: -100000n, balanceMinor: 2135n, memo: "提现 / 提现至尾号1234账户" });
    expect(rowAt(result.rows, 5)).toMatchObject({ amountMinor: -500n, memo: "价保扣款 / 价保对应订单号300100000003 / 原商户订单号 202505120000011332600000001" });
    for (let i = 1; i < result.rows.length; i++) {
      expect((result.rows[i - 1]!.balanceMinor ?? 0n) + result.rows[i]!.amountMinor).toBe(result.rows[i]!.balanceMinor);
    }
  });

  it("reads the older 京东钱包流水 columns (日期, 交易备注, no 交易订单号) the same way", async () => {
    // ShopeX/OMS reads this one as financebase_data_jingzhuntong_jdbill: 商户号,账户代码,账户名称,日期,商户订单号,
    // 账户余额(元),收入金额(元),支出金额(元),交易备注,账单日期, amounts "--" when empty, ids guarded with "'".
    const text = [
      "商户号,账户代码,账户名称,日期,商户订单号,账户余额(元),收入金额(元),支出金额(元),交易备注,账单日期",
      "'10001,110000000001,示例钱包,2025-05-12 03:10:00,'202505120000011332600000001,1034.46,34.46,--,2025年5月12日商家结算款,2025-05-12",
      "'10001,110000000001,示例钱包,2025-05-13 09:00:00,'202505130000011332600000009,34.46,--,1000.00,提现,2025-05-13",
      "",
    ].join("\n");
    const result = expectImported(await importText("jdbill.csv", text), "bank");
    expect(result.format.id).toBe("jd-wallet-fund");
    expect(rowAt(result.rows, 2)).toMatchObject({ amountMinor: 3446n, balanceMinor: 103446n, reference: "202505120000011332600000001", memo: "2025年5月12日商家结算款" });
    expect(rowAt(result.rows, 2).secondaryReference).toBeUndefined();
    expect(rowAt(result.rows, 3)).toMatchObject({ amountMinor: -100000n, balanceMinor: 3446n, occurredAt: "2025-05-13T09:00:00" });
  });

  it("ties each payout id of the 结算表 to the 资金表 movement that paid it", async () => {
    const lines = expectImported(await importPath(samplePath("jd-wallet.xlsx")), "settlement").rows;
    const fund = expectImported(await importPath(samplePath("jd-wallet-fund.xlsx")), "bank").rows;
    const payouts = [...new Set(lines.map((line) => line.payoutId))];
    expect(payouts).toEqual(["202505120000011332600000001", "202505130000011332600000002", "JB202505140001"]);
    for (const payout of payouts) {
      const total = lines.filter((line) => line.payoutId === payout).reduce((sum, line) => sum + line.amountMinor, 0n);
      const movement = fund.find((row) => row.secondaryReference === payout);
      expect(movement?.amountMinor, payout).toBe(total);
    }
    // Written out: 36.80 − 1.84 − 0.50, −13.80 + 0.69, −5.00.
    expect(fund.slice(0, 2).map((row) => row.amountMinor)).toEqual([3446n, -1311n]);
  });
});

describe("JD 京麦 对账中心 已结算明细 (sample: jd-settled-bill.xlsx, written by scripts/make-jd-settled-bill.mjs)", () => {
  // Layout source: a public 京麦 RPA connector's documentation of this export ("京麦商家后台—财务—对账中心—结算账单—
  // 已结算明细", fields XLSX.1.商家ID … 资金动账备注 with 结算金额合计 "3.51", 收入金额合计 "3.84", 支出金额合计 "-0.33",
  // 资金动账备注 "2026年9月19日商家结算款"); a public finance cleaner reading its two sheets 交易汇总 and 费用明细,
  // each under a row of group names, and mapping 商户订单号 to the bank flow; a public ledger's test quoting the
  // 费用明细 header under 商家信息 / 单据基础信息 / 结算信息. The search index shows these without their repository
  // name; the group names above 交易汇总 are assumed.
  it("reads the order summary under its group row as income and expense lines with the payout id", async () => {
    const result = expectImported(await importPath(samplePath("jd-settled-bill.xlsx")), "settlement");
    expect(result.format.id).toBe("jd-settled-bill");
    expect(result.sheetName).toBe("交易汇总");
    expect(result.headerRow).toBe(2);
    const row3 = result.rows.filter((row) => row.sourceRow === 3);
    expect(row3).toEqual([
      {
        sourceRow: 3,
        occurredOn: "2026-09-20",
        occurredAt: "2026-09-20T12:41:09",
        lineType: "SALE",
        orderNo: "3580001963",
        payoutId: "202609200000011332600000001",
        amountMinor: 384n,
        currency: "CNY",
        reference: "3580001963",
        memo: "收入金额合计 / 已完成 / 2026年9月19日商家结算款",
        naturalKey: expect.stringMatching(/^jd-settled:fp:[0-9a-f]{64}$/),
      },
      expect.objectContaining({ lineType: "SERVICE_FEE", amountMinor: -33n, payoutId: "202609200000011332600000001" }),
    ]);
    // A refund after settlement: −19.90 back to the buyer, the 1.19 of fees given back.
    expect(result.rows.filter((row) => row.sourceRow === 4).map((row) => [row.lineType, row.amountMinor, row.reference])).toEqual([
      ["REFUND", -1990n, "5100000777"],
      ["SERVICE_FEE", 119n, "5100000777"],
    ]);
    // The two orders of the 2026-09-19 transfer net to 3.51 − 18.71.
    const payout = result.rows.filter((row) => row.payoutId === "202609200000011332600000001").reduce((sum, row) => sum + row.amountMinor, 0n);
    expect(payout).toBe(351n - 1871n);
    expect(result.errors).toEqual([{ row: 6, column: "结算金额合计", code: "INVALID_AMOUNT", params: { value: "18.00 ≠ 19.80 + -1.19" }, severity: "error" }]);
  });

  it("reads an expense written without its minus as money out only when the totals say so", async () => {
    const header = "订单编号,业务单据编号,结算时间,结算金额合计,收入金额合计,支出金额合计,商户订单号";
    const text = `${header}\n3580001963,3580001963,2026-09-20 12:41:09,3.51,3.84,0.33,P1\n3580001964,3580001964,2026-09-20 12:41:09,3.51,3.84,0.34,P1\n`;
    const result = expectImported(await importText("jd.csv", text), "settlement");
    expect(result.format.id).toBe("jd-settled-bill");
    expect(result.rows.map((row) => row.amountMinor)).toEqual([384n, -33n]);
    expect(result.errors).toEqual([expect.objectContaining({ row: 3, column: "结算金额合计", code: "INVALID_AMOUNT" })]);
  });
});

describe("detection of the new layouts", () => {
  it("lists them under their kinds", () => {
    expect(listFormats("bank").map((f) => f.id)).toEqual(expect.arrayContaining(["jd-bill", "jd-wallet-fund", "meituan-bill", "douyin-account-ledger"]));
    expect(listFormats("settlement").map((f) => f.id)).toEqual(expect.arrayContaining(["jd-settlement-detail", "jd-wallet-settlement", "jd-settled-bill", "douyin-fund-flow", "douyin-settlement-bill"]));
  });
});
