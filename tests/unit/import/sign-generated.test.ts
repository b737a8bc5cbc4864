// The sign property on generated statements: whatever form the direction takes (a 借/贷 mark in any
// of its spellings, a signed amount beside a balance, split 收入/支出 columns) and whichever order the
// rows run in, every imported row carries the sign the file gives it; and a row printed with its
// sign reversed against the balances refuses the file, naming that row.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importText } from "./helpers";

const IN_MARKS = ["贷", "贷 Cr", "贷(Cr)", "C", "CR", "Credit", "收入", "进账", "收", "转入", "CRDT"];
const OUT_MARKS = ["借", "借 Dr", "借/Debit", "D", "DR", "Debit", "支出", "出账", "付", "转出", "DBIT"];
const DIRECTION_HEADERS = ["借贷标志", "借/贷", "收支", "收/付", "资金方向", "Dr/Cr"];

type Layout = "marked" | "signed" | "split";
type Statement = { layout: Layout; newestFirst: boolean; amounts: number[]; marks: number[]; header: number; opening: number };

const statement = fc.record({
  layout: fc.constantFrom<Layout>("marked", "signed", "split"),
  newestFirst: fc.boolean(),
  amounts: fc.array(fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((cents) => cents !== 0), { minLength: 2, maxLength: 25 }),
  marks: fc.array(fc.nat(100), { minLength: 25, maxLength: 25 }),
  header: fc.nat(DIRECTION_HEADERS.length - 1),
  opening: fc.integer({ min: 0, max: 100_000_000 }),
});

const yuan = (cents: number) => `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;
const day = (index: number) => new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10);

/** The file's text, and the signed amount (cents) each line of it holds, by line number. */
function write(s: Statement, flipAt?: number): { text: string; expected: Map<number, bigint> } {
  let balance = s.opening;
  const lines = s.amounts.map((cents, i) => {
    balance += cents;
    const printed = i === flipAt ? -cents : cents;
    const mark = (cents > 0 ? IN_MARKS : OUT_MARKS)[s.marks[i]! % IN_MARKS.length]!;
    if (s.layout === "marked") return { cents, cells: [day(i), `第${i}笔`, yuan(Math.abs(cents)), mark, yuan(balance)] };
    if (s.layout === "signed") return { cents, cells: [day(i), `第${i}笔`, yuan(printed), yuan(balance)] };
    return { cents, cells: [day(i), `第${i}笔`, cents > 0 ? yuan(cents) : "", cents < 0 ? yuan(-cents) : "", yuan(balance)] };
  });
  const header = {
    marked: ["交易日期", "摘要", "交易金额", DIRECTION_HEADERS[s.header]!, "余额"],
    signed: ["交易日期", "摘要", "交易金额", "余额"],
    split: ["交易日期", "摘要", "收入金额", "支出金额", "余额"],
  }[s.layout];
  const ordered = s.newestFirst ? [...lines].reverse() : lines;
  const expected = new Map(ordered.map((line, index) => [index + 2, BigInt(line.cents)]));
  return { text: [header.join(","), ...ordered.map((line) => line.cells.join(","))].join("\n"), expected };
}

describe("generated statements", () => {
  it("import every row with the sign its file gives it, in every form and order", async () => {
    await fc.assert(
      fc.asyncProperty(statement, async (s) => {
        const { text, expected } = write(s);
        const result = await importText("generated.csv", text);
        if (!result.ok || result.kind !== "bank") throw new Error(`not imported: ${JSON.stringify(result.errors)}`);
        expect(result.errors).toEqual([]);
        expect(new Map(result.rows.map((row) => [row.sourceRow, row.amountMinor]))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("refuse a file whose printed sign of one row contradicts its balances, naming that row", async () => {
    await fc.assert(
      fc.asyncProperty(statement, fc.nat(), async (s, pick) => {
        // The first row of the chain (the oldest) has no balance before it to be checked against.
        const flipAt = 1 + (pick % (s.amounts.length - 1));
        const { text } = write({ ...s, layout: "signed" }, flipAt);
        const result = await importText("generated.csv", text);
        const line = s.newestFirst ? s.amounts.length - flipAt + 1 : flipAt + 2;
        expect(result.ok).toBe(false);
        expect(result.errors).toEqual([expect.objectContaining({ row: line, code: "SIGN_CONTRADICTS_BALANCE" })]);
      }),
      { numRuns: 150 },
    );
  });
});
