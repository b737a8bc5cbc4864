import { describe, expect, it } from "vitest";
import { readDelimitedRows } from "@/lib/import/read-table/read-delimited-rows";
import { normalizeNewlines } from "@/lib/import/decode/normalize-newlines";
import type { RawRow } from "@/lib/import/types";

async function readAll(text: string | string[], delimiter = ","): Promise<RawRow[]> {
  const chunks = typeof text === "string" ? [text] : text;
  const rows: RawRow[] = [];
  for await (const row of readDelimitedRows(normalizeNewlines(toAsync(chunks)), { delimiter })) rows.push(row);
  return rows;
}

async function* toAsync(items: string[]) {
  yield* items;
}

/** Split a text into chunks of n characters, to prove chunk boundaries do not matter. */
const chunksOf = (text: string, n: number) => Array.from({ length: Math.ceil(text.length / n) }, (_, i) => text.slice(i * n, i * n + n));

describe("readDelimitedRows", () => {
  it("numbers rows by the line they start on, counting preamble and multi-line quoted cells", async () => {
    const text = 'title line\n\na,b\n1,"two\nlines"\n3,"x"\n';
    const rows = await readAll(text);
    expect(rows.map((r) => [r.sourceRow, r.cells])).toEqual([
      [1, ["title line"]],
      [2, [""]],
      [3, ["a", "b"]],
      [4, ["1", "two\nlines"]],
      [6, ["3", "x"]],
    ]);
  });

  it.each([1, 2, 3, 7])("gives the same rows when fed %i characters at a time", async (size) => {
    const text = 'h1,h2\r\n"a,1","multi\r\nline"\r\nb,2\r\n"c ""quoted""",3';
    const whole = await readAll(text);
    const chunked = await readAll(chunksOf(text, size));
    expect(chunked).toEqual(whole);
    expect(whole.map((r) => r.sourceRow)).toEqual([1, 2, 4, 5]);
    expect(whole[3]?.cells).toEqual(['c "quoted"', "3"]);
  });

  it("counts lone CR line endings too", async () => {
    const rows = await readAll("a,b\r1,2\r3,4");
    expect(rows.map((r) => r.sourceRow)).toEqual([1, 2, 3]);
  });

  it("cleans TAB padding, zero-width characters and Excel text guards", async () => {
    const rows = await readAll('"3985734"\t,2023-04-22     \t,="00123",\u200bx\u200b,"\t6917926768823643751"\n');
    expect(rows[0]?.cells).toEqual(["3985734", "2023-04-22", "00123", "x", "6917926768823643751"]);
  });

  it("reads tab-separated text", async () => {
    const rows = await readAll("a\tb\tc\n1\t\t3\n", "\t");
    expect(rows.map((r) => r.cells)).toEqual([
      ["a", "b", "c"],
      ["1", "", "3"],
    ]);
  });

  it("reports an unterminated quote on the line where it opened", async () => {
    const rows = await readAll('a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    expect(rows[2]).toMatchObject({ sourceRow: 3, problem: { code: "UNTERMINATED_QUOTE", cellIndex: 1 } });
    expect(rows).toHaveLength(3);
  });

  it("flags malformed quotes without losing the line count", async () => {
    // papaparse keeps looking for a closing quote, so the bad row swallows the next line.
    const rows = await readAll('a,b\n"x"y,1\n"z",2\nw,3\n');
    expect(rows[1]).toMatchObject({ sourceRow: 2, problem: { code: "INVALID_QUOTES" } });
    expect(rows.at(-1)).toMatchObject({ sourceRow: 4, cells: ["w", "3"] });
  });

  it("stops when a row grows beyond the limit instead of buffering the whole file", async () => {
    const rows: RawRow[] = [];
    const body = ['a,b\n1,"open\n', ...Array.from({ length: 50 }, () => "x".repeat(100) + "\n")];
    for await (const row of readDelimitedRows(toAsync(body), { delimiter: ",", maxRowChars: 1000 })) rows.push(row);
    expect(rows.at(-1)).toMatchObject({ sourceRow: 2, problem: { code: "UNTERMINATED_QUOTE" } });
  });

  it("leaves out a cut-off last row when the input is only the start of a file", async () => {
    const rows: RawRow[] = [];
    for await (const row of readDelimitedRows(["a,b\n1,2\n3,"], { delimiter: ",", inputIsComplete: false })) rows.push(row);
    expect(rows.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});
