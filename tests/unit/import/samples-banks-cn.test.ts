// Chinese bank layouts the shared fixtures lack, as faithful synthetic samples in tests/samples/import
// (regenerate with tests/samples/import/scripts/write-cn-bank-samples.ts). Expected figures are the
// sample's cells, converted by hand.
import { describe, expect, it } from "vitest";
import type { BankTransactionRow } from "@/lib/import/types";
import { expectImported, importPath, importText, rowAt, samplePath } from "./helpers";

/** Each row's balance is the previous row's balance plus its amount, in the file's order. */
function expectBalanceChain(rows: readonly BankTransactionRow[]) {
  expect(rows.length).toBeGreaterThan(1);
  for (let i = 1; i < rows.length; i++) {
    const previous = rows[i - 1]?.balanceMinor;
    const row = rows[i];
    expect(previous).toBeDefined();
    expect(row?.balanceMinor, `row ${row?.sourceRow}`).toBe((previous ?? 0n) + (row?.amountMinor ?? 0n));
  }
}

describe("ABC 账户活期交易明细清单 (sample: abc-debit-statement.csv)", () => {
  // Layout sources: the columns of deb-sig/double-entry-generator example/abc_debit/example-abc_debit-records.csv
  // (交易日期,交易时间,交易摘要,交易金额,本次余额,对手信息,日 志 号,交易渠道,交易附言; 20240101 dates, 123456
  // times, signed "+10000.00"/"-10.00" amounts, "--" for no counterparty, 日志号 0000000000 on interest lines)
  // and deb-sig/bill-file-converter doc/bill-types/abc_debit.md + testdata/e2e/abc_debit/expected.csv (the
  // same header, full-width rows). The heading lines (中国农业银行账户活期交易明细清单, "户名：… 账户：…",
  // 币种/汇钞标识, 起止日期/电子流水号) and the note under the table ("该交易明细因不可预测的非人控技术原因
  // 可能导致数据缺失，明细内容仅供参考") are the statement's own, as public ABC statement parsers quote them.
  it("reads signed amounts, compact dates and times, the account heading, and drops the note", async () => {
    const result = expectImported(await importPath(samplePath("abc-debit-statement.csv")), "bank");
    expect(result.format.id).toBe("abc-debit-statement");
    expect(result.headerRow).toBe(5);
    expect(result.header[6]).toBe("日 志 号");
    expect(result.statementAccount).toEqual({ number: "622848******4567", name: "张三", bank: "中国农业银行" });
    expect(result.errors).toEqual([]);
    expect(result.stats.footerRows).toBe(1);
    expect(result.rows.map((row) => row.sourceRow)).toEqual([6, 7, 8, 9, 10]);
    expect(rowAt(result.rows, 6)).toEqual({
      sourceRow: 6,
      occurredOn: "2024-01-01",
      occurredAt: "2024-01-01T12:34:56",
      amountMinor: 1000000n,
      currency: "CNY",
      balanceMinor: 1100000n,
      reference: "369396693",
      counterparty: "李四",
      memo: "转存 / 转账",
      channel: "超级网银",
      naturalKey: rowAt(result.rows, 6).naturalKey,
    });
    expect(rowAt(result.rows, 7)).toMatchObject({ occurredAt: "2024-01-02T13:23:24", amountMinor: -1000n, balanceMinor: 1099000n, counterparty: "微信支付北京一卡通", channel: "电子商务" });
    // No time of day; 对手信息 is an account number only.
    expect(rowAt(result.rows, 8)).toMatchObject({ occurredOn: "2024-01-03", amountMinor: -904688n, balanceMinor: 194312n, counterpartyAccount: "12341234123412341", reference: "111222333" });
    expect(rowAt(result.rows, 8).occurredAt).toBeUndefined();
    expect(rowAt(result.rows, 8).counterparty).toBeUndefined();
    // Interest: 对手信息 "--" and 日志号 0000000000 are placeholders, not a counterparty or an id.
    expect(rowAt(result.rows, 9)).toMatchObject({ occurredOn: "2024-01-21", amountMinor: 1n, balanceMinor: 194313n, memo: "结息 / 个人活期结息" });
    expect(rowAt(result.rows, 9).reference).toBeUndefined();
    expect(rowAt(result.rows, 9).counterparty).toBeUndefined();
    expect(rowAt(result.rows, 10)).toMatchObject({ amountMinor: 0n, balanceMinor: 194313n });
    expect(result.rows.every((row) => row.naturalKey.startsWith("abc:fp:"))).toBe(true);
    expectBalanceChain(result.rows);
  });
});

describe("BOCOM 交易明细 (sample: bocom-debit-statement.csv)", () => {
  // Layout sources: deb-sig/double-entry-generator example/bocom_debit/example-bocom_debit-records.csv and
  // pkg/provider/bocom_debit/parse.go (序号,交易日期,交易时间,交易类型,借贷,交易金额,余额,对方账号,对方户名,
  // 交易地点,摘要; 借贷 written "借 Dr" / "贷 Cr"), and deb-sig/bill-file-converter
  // testdata/e2e/bocom_debit/expected.csv (quoted "10,000.00" amounts and balances). No heading lines.
  it("signs the unsigned amount by its bilingual 借贷 mark", async () => {
    const result = expectImported(await importPath(samplePath("bocom-debit-statement.csv")), "bank");
    expect(result.format.id).toBe("bocom-debit-statement");
    expect(result.headerRow).toBe(1);
    expect(result.header).toEqual(["序号", "交易日期", "交易时间", "交易类型", "借贷", "交易金额", "余额", "对方账号", "对方户名", "交易地点", "摘要"]);
    expect(result.statementAccount).toEqual({ bank: "交通银行" });
    expect(result.errors).toEqual([]);
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2024-03-21",
      occurredAt: "2024-03-21T00:00:00",
      amountMinor: 2n,
      currency: "CNY",
      balanceMinor: 103463n,
      counterparty: "应付个人活期储蓄存款利息",
      counterpartyAccount: "1323132313211331313",
      memo: "存款利息 / 批处理",
      naturalKey: rowAt(result.rows, 2).naturalKey,
    });
    // 借 Dr: money out.
    expect(rowAt(result.rows, 3)).toMatchObject({ occurredAt: "2024-04-10T23:15:42", amountMinor: -3401n, balanceMinor: 100062n, counterparty: "王五" });
    // 贷 Cr with thousands separators.
    expect(rowAt(result.rows, 4)).toMatchObject({ amountMinor: 1000000n, balanceMinor: 1100062n, counterpartyAccount: "6217000000000001", memo: "跨行汇款 / 转账 / 支付平台" });
    expect(rowAt(result.rows, 5)).toMatchObject({ amountMinor: -10079n, balanceMinor: 1089983n, counterparty: "京东肯特瑞基金销售有限公司" });
    expectBalanceChain(result.rows);
  });

  it("rejects a row whose 借贷 mark is missing or unknown, naming the row and the column", async () => {
    const header = "序号,交易日期,交易时间,交易类型,借贷,交易金额,余额,对方账号,对方户名,交易地点,摘要";
    const text = `${header}\n1,2024-03-21,00:00:00,存款利息,,0.02,34.63,1,利息,批处理,\n2,2024-04-10,23:15:42,转账,存,3.00,31.63,2,王五,其他,\n3,2024-04-11,10:00:00,转账,借 Cr,1.00,30.63,3,王五,其他,\n`;
    const result = await importText("交易明细.csv", text);
    expect(result.ok && result.format.id).toBe("bocom-debit-statement");
    expect(result.ok && result.rows).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "借贷", "MISSING_VALUE"],
      [3, "借贷", "INVALID_DIRECTION"],
      [4, "借贷", "INVALID_DIRECTION"],
    ]);
  });
});

describe("ICBC 企业网银 历史明细 (sample: icbc-corporate-statement.csv, GB18030)", () => {
  // Layout source: a public Java tool that merges ICBC corporate CSV downloads ("工商银行20180717.csv", read as
  // GB18030, header skipped by its 凭证号/本方账号 cells, commas stripped from quoted amounts) and writes the
  // header 凭证号,本方账号,对方账号,交易时间,借贷标识,借方发生额,贷方发生额,对方行号,摘要,用途,对方单位名称,
  // 余额,个性化信息; the time format "20260427 12:34:56" ("工商银行导出") is from a public Flask importer of
  // the same export. The direction column is also spelled 借贷标志 / 借/贷, which the adapter accepts.
  it("reads 借方/贷方发生额 as out/in and keeps 凭证号 as the reference", async () => {
    const result = expectImported(await importPath(samplePath("icbc-corporate-statement.csv")), "bank");
    expect(result.format.id).toBe("icbc-corporate-statement");
    expect(result.encoding).toBe("gb18030");
    expect(result.headerRow).toBe(1);
    expect(result.header.slice(0, 7)).toEqual(["凭证号", "本方账号", "对方账号", "交易时间", "借贷标识", "借方发生额", "贷方发生额"]);
    expect(result.statementAccount).toEqual({ bank: "中国工商银行" });
    expect(result.errors).toEqual([]);
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2018-07-02",
      occurredAt: "2018-07-02T09:15:20",
      amountMinor: 3000000n,
      currency: "CNY",
      balanceMinor: 13000000n,
      reference: "00000000001",
      counterparty: "上海某某商贸有限公司",
      counterpartyAccount: "6222000000000001",
      memo: "汇入 / 货款",
      naturalKey: rowAt(result.rows, 2).naturalKey,
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ amountMinor: -560000n, balanceMinor: 12440000n, counterparty: "深圳某某包装材料有限公司", reference: "00000000002" });
    // A fee without 凭证号 or counterparty.
    expect(rowAt(result.rows, 4)).toMatchObject({ occurredAt: "2018-07-10T16:45:00", amountMinor: -1200n, balanceMinor: 12438800n, memo: "收费 / 汇款手续费" });
    expect(rowAt(result.rows, 4).reference).toBeUndefined();
    expect(rowAt(result.rows, 5)).toMatchObject({ amountMinor: 234567n, balanceMinor: 12673367n, memo: "汇入 / 平台结算款 / 7月上半月结算" });
    expectBalanceChain(result.rows);
  });

  it("rejects a row whose 借/贷 mark disagrees with the column the amount is in", async () => {
    const text =
      "凭证号,本方账号,对方账号,交易时间,借/贷,借方发生额,贷方发生额,对方行号,摘要,用途,对方单位名称,余额,个性化信息\n" +
      "1,100,200,20180702 09:15:20,借,,30.00,1,汇入,货款,某公司,130.00,\n" +
      "2,100,200,20180702 10:15:20,贷,,30.00,1,汇入,货款,某公司,160.00,\n";
    const result = expectImported(await importText("historydetail.csv", text), "bank");
    expect(result.format.id).toBe("icbc-corporate-statement");
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, "借/贷", "INVALID_DIRECTION"]]);
    expect(result.rows.map((row) => [row.sourceRow, row.amountMinor])).toEqual([[3, 3000n]]);
  });
});

describe("ICBC 企业网银 明细, [HISTORYDETAIL] form (sample: icbc-corporate-history-detail.xls)", () => {
  // Layout source: a public finance-ops platform's parser test "bank_file_parsers_preserve_real_excel_text_field
  // _contracts" (parse_icbc_rows: a "[HISTORYDETAIL]" row, then 凭证号,交易时间,对方单位,对方账号,转入金额,转出金额,
  // 余额,用途,摘要,附言 with "2026-04-16 11:09:16", "" / "4000.00", "7907.36", "18841483"), and its design note
  // (icbc_historydetail: [HISTORYDETAIL] plus 凭证号/交易时间/对方单位/转入金额/转出金额/摘要). The source says
  // Excel without naming .xls or .xlsx; the sample is a BIFF8 .xls.
  it("reads 转入金额 as money in and 转出金额 as money out", async () => {
    const result = expectImported(await importPath(samplePath("icbc-corporate-history-detail.xls")), "bank");
    expect(result.format.id).toBe("icbc-corporate-history-detail");
    expect(result.fileType).toBe("xls");
    expect(result.preamble).toEqual(["[HISTORYDETAIL]"]);
    expect(result.headerRow).toBe(2);
    expect(result.header).toEqual(["凭证号", "交易时间", "对方单位", "对方账号", "转入金额", "转出金额", "余额", "用途", "摘要", "附言"]);
    expect(result.statementAccount).toEqual({ bank: "中国工商银行" });
    expect(result.errors).toEqual([]);
    expect(rowAt(result.rows, 3)).toEqual({
      sourceRow: 3,
      occurredOn: "2026-04-01",
      occurredAt: "2026-04-01T09:12:00",
      amountMinor: 1850000n,
      currency: "CNY",
      balanceMinor: 3040736n,
      reference: "0000000101",
      counterparty: "上海某某网络科技有限公司",
      counterpartyAccount: "31050000000000000001",
      memo: "汇入 / 货款",
      naturalKey: rowAt(result.rows, 3).naturalKey,
    });
    expect(rowAt(result.rows, 4)).toMatchObject({ occurredAt: "2026-04-16T11:09:16", amountMinor: -400000n, balanceMinor: 2640736n, counterparty: "某某区税务局", memo: "缴税 / 税款 / 18841483" });
    expect(rowAt(result.rows, 5)).toMatchObject({ amountMinor: -250n, balanceMinor: 2640486n, memo: "收费 / 汇款手续费" });
    expect(rowAt(result.rows, 5).reference).toBeUndefined();
    expectBalanceChain(result.rows);
  });
});

describe("CCB 企业网银 账户明细 (sample: ccb-corporate-statement.xls, BIFF8)", () => {
  // Layout source: a public finance-ops platform's test of "real excel text field contracts"
  // (parse_ccb_rows: 账号,账户名称,交易时间,借方发生额（支取）,贷方发生额（收入）,余额,币种,对方户名,对方账号,
  // 对方开户机构,记账日期,摘要,备注,账户明细编号-交易流水号 with "20260410 17:07:09", "40737.33", "0",
  // "人民币元", "20260410"), the same columns in a public admin UI and a C# importer reading
  // 借方发生额（支取）/贷方发生额（收入）/账号/账户名称/账户明细编号-交易流水号 from CCB corporate files.
  it("reads the split 支取/收入 columns, 人民币元, and keys rows by account and detail number", async () => {
    const result = expectImported(await importPath(samplePath("ccb-corporate-statement.xls")), "bank");
    expect(result.format.id).toBe("ccb-corporate-statement");
    expect(result.fileType).toBe("xls");
    expect(result.headerRow).toBe(1);
    expect(result.header[3]).toBe("借方发生额（支取）");
    expect(result.header[13]).toBe("账户明细编号-交易流水号");
    expect(result.statementAccount).toEqual({ bank: "中国建设银行" });
    expect(result.errors).toEqual([]);
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2026-04-01",
      occurredAt: "2026-04-01T09:30:12",
      amountMinor: 2500000n,
      currency: "CNY",
      balanceMinor: 12500000n,
      reference: "13501",
      counterparty: "上海某某网络科技有限公司",
      counterpartyAccount: "31050000000000000001",
      memo: "电子汇入 / 货款",
      naturalKey: "ccb:53001000000050000001:13501",
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ amountMinor: -120050n, balanceMinor: 12379950n, counterparty: "某某物流有限公司" });
    expect(rowAt(result.rows, 4)).toMatchObject({ amountMinor: -1500n, balanceMinor: 12378450n, memo: "收费 / 手续费" });
    expect(rowAt(result.rows, 4).counterparty).toBeUndefined();
    expect(rowAt(result.rows, 5)).toMatchObject({ occurredAt: "2026-04-10T17:07:09", amountMinor: -4073733n, balanceMinor: 8304717n, memo: "电子转账 / 工资" });
    expectBalanceChain(result.rows);
  });
});
