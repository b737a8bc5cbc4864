// A file whose printed balances move the other way from a row's amount had its direction misread:
// it is refused whole (nothing stored), never imported with a wrong sign. Gaps in a statement (a
// balance that jumps by something else) are not misreadings: they import and the preview says where.
import { describe, expect, it } from "vitest";
import { formatImportError } from "@/lib/import";
import { BalanceChains } from "@/lib/import/balances/balance-chains";
import { expectFailed, expectImported, importText } from "./helpers";

const header = "交易日期,摘要,交易金额,账户余额";

describe("signs checked against the file's own balances", () => {
  it("imports a statement whose balances agree with every sign", async () => {
    const text = [header, "2025-03-01,货款,1000.00,5000.00", "2025-03-02,手续费,-5.00,4995.00", "2025-03-03,提现,-995.00,4000.00"].join("\n");
    const result = expectImported(await importText("ok.csv", text), "bank");
    expect(result.rows.map((row) => row.amountMinor)).toEqual([100000n, -500n, -99500n]);
  });

  it("refuses a statement where one row's balance moved against its amount, naming that row", async () => {
    // Row 3 prints 5.00 but the balance fell by 5.00: the sign was lost, the file must not import.
    const text = [header, "2025-03-01,货款,1000.00,5000.00", "2025-03-02,手续费,5.00,4995.00", "2025-03-03,提现,-995.00,4000.00"].join("\n");
    const result = expectFailed(await importText("flipped.csv", text));
    expect(result.errors).toEqual([{ row: 3, column: null, code: "SIGN_CONTRADICTS_BALANCE", params: { fileName: "flipped.csv" }, severity: "error" }]);
    expect(formatImportError(result.errors[0]!, "zh-CN")).toContain("第 3 行");
    expect(formatImportError(result.errors[0]!, "en")).toMatch(/row 3.*read backwards/i);
  });

  it("refuses a card-style file (spending printed positive) whose balance falls as it spends", async () => {
    const text = [header, "2025-03-01,消费 某某超市,100.00,900.00", "2025-03-02,消费 某某餐厅,50.00,850.00", "2025-03-03,还款,-850.00,1700.00"].join("\n");
    const result = expectFailed(await importText("card.csv", text));
    expect(result.errors).toMatchObject([{ row: 3, code: "SIGN_CONTRADICTS_BALANCE" }]);
  });

  it("follows a newest-first statement and names the row whose sign is reversed", async () => {
    // Oldest is row 5 (balance 5000 after +1000); row 3's −5.00 is printed as 5.00.
    const text = [header, "2025-03-04,提现,-995.00,4000.00", "2025-03-03,其他,0.00,4995.00", "2025-03-02,手续费,5.00,4995.00", "2025-03-01,货款,1000.00,5000.00"].join("\n");
    const result = expectFailed(await importText("newest-first.csv", text));
    expect(result.errors).toMatchObject([{ row: 4, code: "SIGN_CONTRADICTS_BALANCE" }]);
    const fixed = text.replace("手续费,5.00", "手续费,-5.00");
    expect(expectImported(await importText("newest-first.csv", fixed), "bank").rows).toHaveLength(4);
  });

  it("imports a statement with a gap (a balance that jumps by another amount) and reports the break", () => {
    const chains = new BalanceChains();
    for (const [sourceRow, amountMinor, balanceMinor] of [
      [2, 100000n, 500000n],
      [3, -500n, 480000n],
      [4, -99500n, 380500n],
    ] as const) {
      chains.add({ sourceRow, amountMinor, balanceMinor, occurredOn: `2025-03-0${sourceRow}` });
    }
    expect(chains.chosen().brokenAtRow).toBe(3);
    expect(chains.chosen().signReversedAtRow).toBeNull();
  });

  it("keeps one chain per currency in a multi-currency statement", async () => {
    const text = ["交易日期,交易金额,账户余额,币种", "2025-03-01,100.00,100.00,USD", "2025-03-01,1000.00,1000.00,CNY", "2025-03-02,-20.00,80.00,USD", "2025-03-02,-10.00,990.00,CNY"].join("\n");
    expect(expectImported(await importText("fx.csv", text), "bank").rows).toHaveLength(4);
    const flipped = text.replace("2025-03-02,-10.00,990.00", "2025-03-02,10.00,990.00");
    expect(expectFailed(await importText("fx.csv", flipped)).errors).toMatchObject([{ row: 5, code: "SIGN_CONTRADICTS_BALANCE" }]);
  });
});
