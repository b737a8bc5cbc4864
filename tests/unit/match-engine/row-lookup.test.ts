// RowTable.indexOf finds a row by side and id. Database ids are searched as numbers, guessing from
// where an id lies between its block's ends (apply-confirmed.ts looks up millions of items on a
// re-run); any other ids by text. Both must find exactly the rows that are there, whatever the gaps.
import { describe, expect, it } from "vitest";
import { defaultRules } from "@/lib/match-engine";
import { RowTable } from "@/lib/match-engine/engine/row-table";
import { bank, input, line, order } from "./helpers";

const rules = defaultRules("test");

function tableOf(ids: { orders: string[]; lines: string[]; bank: string[] }): RowTable {
  return new RowTable(
    input({
      orders: ids.orders.map((id, n) => order({ id, orderNo: `O${n}`, paidMinor: 100n })),
      lines: ids.lines.map((id) => line({ id, amountMinor: 100n })),
      bank: ids.bank.map((id) => bank({ id, amountMinor: 100n })),
    }),
    rules,
  );
}

function expectEveryRowFound(table: RowTable): void {
  for (let row = 0; row < table.size; row++) expect(table.indexOf(table.side(row), table.id(row))).toBe(row);
}

describe("RowTable.indexOf", () => {
  it("finds every row of dense, gapped and skewed numeric ids, in any input order", () => {
    const skewed = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "900000000000000"];
    const gapped = Array.from({ length: 500 }, (_, n) => String(10_000 + n * n));
    const dense = Array.from({ length: 300 }, (_, n) => String(2_000_000 + n)).reverse();
    const table = tableOf({ orders: skewed, lines: gapped, bank: dense });
    expectEveryRowFound(table);
    expect(table.indexOf("order", "900000000000000")).toBe(9);
    expect(table.indexOf("bank", "2000000")).toBe(table.bankStart);
  });

  it("answers -1 for ids that are not there, on the other side, or spelled otherwise", () => {
    const table = tableOf({ orders: ["10", "20", "30"], lines: ["40"], bank: ["1000"] });
    for (const absent of ["0", "5", "15", "25", "35", "9007199254740993", "010", "1e1", " 10", "10.0", "-10", "", "abc"]) {
      expect(table.indexOf("order", absent)).toBe(-1);
    }
    expect(table.indexOf("settlement", "10")).toBe(-1);
    expect(table.indexOf("bank", "40")).toBe(-1);
    expect(table.indexOf("settlement", "40")).toBe(3);
  });

  it("falls back to text for ids that are not all plain decimals", () => {
    const table = tableOf({ orders: ["a-1", "7", "b"], lines: ["007", "12"], bank: ["x"] });
    expectEveryRowFound(table);
    expect(table.indexOf("settlement", "7")).toBe(-1);
    expect(table.indexOf("order", "c")).toBe(-1);
  });
});
