// A corporate export that prints the company's own account on every row (ICBC 本方账号) may hold
// several accounts: it is refused naming them, or read for the one chosen — never merged.
import { describe, expect, it } from "vitest";
import { formatImportError } from "@/lib/import";
import { expectFailed, expectImported, importText } from "./helpers";

const HEADER = "凭证号,本方账号,对方账号,交易时间,借贷标识,借方发生额,贷方发生额,对方行号,摘要,用途,对方单位名称,余额,个性化信息";
const A = "1001000000000000001";
const B = "1001000000000000002";
const TWO_ACCOUNTS = [
  HEADER,
  `00000000001,${A},6222000000000001,20180702 09:15:20,贷,,"30,000.00",102100000000,汇入,货款,上海某某商贸有限公司,"130,000.00",`,
  `00000000002,${B},310000000000001,20180703 10:00:00,借,"500.00",,308000000000,转账支出,采购款,深圳某某包装材料有限公司,"9,500.00",`,
  `00000000003,${A},310000000000002,20180705 11:02:08,借,"5,600.00",,308000000000,转账支出,采购款,深圳某某包装材料有限公司,"124,400.00",`,
].join("\n");

describe("corporate exports with the own account on every row", () => {
  it("refuse a file of two accounts whole, naming both", async () => {
    const result = expectFailed(await importText("icbc.csv", TWO_ACCOUNTS));
    expect(result.errors).toEqual([
      { row: null, column: null, code: "STATEMENT_SEVERAL_ACCOUNTS", params: { formatId: "icbc-corporate-statement", count: 2, accounts: `${A}\n${B}` }, severity: "error" },
    ]);
    expect(formatImportError(result.errors[0]!, "zh-CN")).toContain("这个 「工商银行企业历史明细」 文件包含 2 个账户的流水");
    expect(formatImportError(result.errors[0]!, "en")).toContain("holds the transactions of 2 accounts");
  });

  it("read only the chosen account's rows, and name it as the file's account", async () => {
    const result = expectImported(await importText("icbc.csv", TWO_ACCOUNTS, { statementAccount: B }), "bank");
    expect(result.rows.map((row) => [row.sourceRow, row.amountMinor])).toEqual([[3, -50000n]]);
    expect(result.statementAccount).toMatchObject({ number: B, bank: "中国工商银行" });
    const other = expectImported(await importText("icbc.csv", TWO_ACCOUNTS, { statementAccount: ` ${A} ` }), "bank");
    expect(other.rows.map((row) => [row.sourceRow, row.amountMinor])).toEqual([
      [2, 3000000n],
      [4, -560000n],
    ]);
  });

  it("refuse a chosen account the file does not hold", async () => {
    const result = expectFailed(await importText("icbc.csv", TWO_ACCOUNTS, { statementAccount: "999" }));
    expect(result.errors).toMatchObject([{ code: "STATEMENT_SEVERAL_ACCOUNTS", params: { chosen: "999", count: 2 } }]);
  });

  it("import a file of one account as before", async () => {
    const one = TWO_ACCOUNTS.split("\n").filter((line) => !line.includes(B)).join("\n");
    expect(expectImported(await importText("icbc.csv", one), "bank").rows).toHaveLength(2);
  });
});
