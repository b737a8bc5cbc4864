// Each real export names its own account where its layout prints it, and nothing where it prints none:
// the account a file is suggested for is decided by this, so a guess here would book another bank's
// statement to the wrong account.
import { describe, expect, it } from "vitest";
import { accountFromPreamble } from "@/lib/import/statement-account/statement-account";
import { fixturePath, importPath, importText, samplePath } from "./helpers";

describe("the account a statement prints", () => {
  it.each([
    [fixturePath("bank-ccb", "交易明细_xxxx_2025xxxx_2025xxxx.xls"), { number: "xxxxx*********xxxx", bank: "中国建设银行" }],
    // 借记卡号 is a column of every row, not a printed heading: the layout names no account above the header.
    [fixturePath("bank-boc", "example-boc-debit-records.csv"), { bank: "中国银行" }],
    [fixturePath("bank-cmb", "example-cmb-debit-records.csv"), { bank: "招商银行" }],
    [fixturePath("bank-icbc", "example-icbc-credit-records.csv"), { number: "1234****5678", bank: "中国工商银行" }],
    [fixturePath("bank-icbc", "example-icbc-debit-v2-records.csv"), { number: "1234****9876", bank: "中国工商银行" }],
    [fixturePath("alipay", "支付宝交易明细(20201122-20201214).csv"), { number: "1234567890", name: "***", bank: "支付宝" }],
    [samplePath("alipay-account-ledger.csv"), { number: "20880000000000000156", bank: "支付宝" }],
    [samplePath("alipay-transactions-legacy.csv"), { number: "zhang***@example.com", bank: "支付宝" }],
    [fixturePath("wechat", "example-wechat-records.csv"), { name: "测试", bank: "微信支付" }],
    [fixturePath("camt", "camt053.v8.xml"), { number: "NL26VAYB8060476890" }],
    [fixturePath("mt940", "jejik_abnamro.sta"), { number: "517852257" }],
    [fixturePath("ofx", "bank_medium.ofx"), { number: "12300 000012345678" }],
  ])("%s", async (file, expected) => {
    const result = await importPath(file);
    expect(result.ok && result.statementAccount).toEqual(expected);
  });

  it("a statement file of several accounts names the chosen one (and is refused without a choice)", async () => {
    const chosen = await importPath(fixturePath("mt940", "cmxl_mt940.sta"), { statementAccount: "45050050/76198810" });
    expect(chosen.ok && chosen.statementAccount).toEqual({ number: "45050050/76198810" });
    // Spaced or lower-case, the same account.
    const spaced = await importPath(fixturePath("mt940", "cmxl_mt940.sta"), { statementAccount: "bphkplpk/320000546101" });
    expect(spaced.ok && spaced.statementAccount).toEqual({ number: "BPHKPLPK/320000546101" });
    const refused = await importPath(fixturePath("mt940", "cmxl_mt940.sta"));
    expect(refused.ok).toBe(false);
  });

  it("is null for platform files, which are not statements of an account", async () => {
    const result = await importPath(samplePath("tmall-orders.csv"));
    expect(result.ok && result.statementAccount).toBeNull();
  });

  it("never takes a number from a counterparty column", async () => {
    // The generic layout's 对方账号 column holds numbers on every row; above the header there is none.
    const text = "交易日期,收入金额,支出金额,对方户名,对方账号\n2025-03-01,100.00,,某公司,6222020000001111\n";
    const result = await importText("流水.csv", text);
    expect(result.ok && result.format.id).toBe("generic-bank");
    expect(result.ok && result.statementAccount).toBeNull();
  });

  it("reads a generic bank export's labelled heading lines", async () => {
    const text = "账户明细\n账号：6214 8300 1234 5678\n户名：某某贸易有限公司\n交易日期,收入金额,支出金额,对方户名\n2025-03-01,100.00,,某公司\n";
    const result = await importText("流水.csv", text);
    expect(result.ok && result.statementAccount).toEqual({ number: "6214 8300 1234 5678", name: "某某贸易有限公司" });
  });

  it("reads labels spaced with full-width blanks and bracketed values", () => {
    const layout = { numberLabels: ["账号"] };
    expect(accountFromPreamble(layout, ["账　　号： 6217000012345678"])).toEqual({ number: "6217000012345678" });
    expect(accountFromPreamble(layout, ["#账号：[20880000000000000156]"])).toEqual({ number: "20880000000000000156" });
    expect(accountFromPreamble(layout, ["对方账号：6217000012345678"])).toBeNull();
  });
});
