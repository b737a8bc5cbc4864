// The property the import must never break, over every real fixture and every sample: no imported
// bank or wallet row has a sign that disagrees with the file's own direction column (借/贷, 收/支,
// Dr/Cr, split in/out columns, a card's 消费/还款) or with its own running balance. The file is read
// here independently of lib/import (papaparse, SheetJS, a small word list) so the check can fail.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import * as cptable from "@e965/xlsx/dist/cpexcel.full.mjs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseImportBuffer } from "@/lib/import";
import type { BankTransactionRow } from "@/lib/import/types";
import { fixturePath, samplePath } from "./helpers";

XLSX.set_cptable(cptable);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "scripts" ? [] : filesUnder(full);
    return /\.(md|ts|js|json|py)$/i.test(name) ? [] : [full];
  });
}

const corpus = [...filesUnder(fixturePath()), ...filesUnder(samplePath(""))].sort();

function decodeText(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3).toString("utf8");
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString("utf16le");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return iconv.decode(data, "gb18030");
  }
}

/** The file's rows as cell texts, index = sourceRow − 1 (one record per line in these files). */
function rawRows(data: Buffer, sheetName: string | undefined): string[][] {
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  const isOle = data[0] === 0xd0 && data[1] === 0xcf;
  if (isZip || isOle) {
    const book = XLSX.read(data, { type: "buffer", cellDates: false });
    const sheet = book.Sheets[sheetName ?? book.SheetNames[0]!]!;
    return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, blankrows: true, defval: "" });
  }
  const text = decodeText(data).replace(/\r\n?/g, "\n");
  return text.split("\n").map((line) => (Papa.parse<string[]>(line, { delimiter: line.includes("\t") && !line.includes(",") ? "\t" : "" }).data[0] ?? []).map((cell) => cell.trim()));
}

const clean = (text: string | undefined) => (text ?? "").replace(/^="?|"$/g, "").replace(/[\s\t]/g, "");
const DIRECTION_HEADER = /^(借贷(标志|标记|方向)?|借\/贷|收支|收\/支|收付(标志)?|收\/付|进出账标志|资金方向|交易方向|方向|dr\/cr|cr\/dr|d\/c|c\/d|debit\/credit|balanceimpact)$/i;
/** A card statement's type column (消费/还款) — only where the file has no direction column of its own. */
const CARD_TYPE_HEADER = /^(交易类型|交易类别)$/;
const OUT_WORD = /借|支出|^支$|出账|^付|转出|^dr$|^d$|dbit|^debit$|消费|取现|年费|利息/i;
const IN_WORD = /贷|收入|^收$|进账|转入|^cr$|^c$|crdt|^credit$|还款|退货|退款/i;
// Booked amounts first where a file prints both (ICBC: 记账金额 beside 交易金额 in the card's currency).
const IN_COLUMNS = [/^记账金额\(收入\)$/, /^(收入(金额)?|贷方(金额|发生额)?|存入(金额)?|credit(amount)?|moneyin|deposit|交易金额\(收入\))(\(元\)|（元）)?$/i];
const OUT_COLUMNS = [/^记账金额\(支出\)$/, /^(支出(金额)?|借方(金额|发生额)?|支取(金额)?|debit(amount)?|moneyout|withdrawal|交易金额\(支出\))(\(元\)|（元）)?$/i];
const firstColumn = (names: readonly string[], patterns: readonly RegExp[]) =>
  patterns.map((pattern) => names.findIndex((name) => pattern.test(name))).find((index) => index >= 0) ?? -1;

function wordSign(value: string): 1 | -1 | null {
  const out = OUT_WORD.test(value);
  const inn = IN_WORD.test(value);
  return out === inn ? null : out ? -1 : 1;
}

const nonZero = (text: string) => /[1-9]/.test(text);

/** Rows whose sign the file's own columns contradict, as "row: reason". */
function directionDisagreements(rows: readonly BankTransactionRow[], header: readonly string[], raw: string[][]): string[] {
  const names = header.map((cell) => clean(cell).toLowerCase());
  const marked = names.findIndex((name) => DIRECTION_HEADER.test(name));
  const direction = marked >= 0 ? marked : names.findIndex((name) => CARD_TYPE_HEADER.test(name));
  const inflow = firstColumn(names, IN_COLUMNS);
  const outflow = firstColumn(names, OUT_COLUMNS);
  const problems: string[] = [];
  for (const row of rows) {
    const cells = raw[row.sourceRow - 1];
    if (!cells || row.amountMinor === 0n) continue;
    const sign = row.amountMinor > 0n ? 1 : -1;
    if (direction >= 0) {
      const expected = wordSign(clean(cells[direction]));
      if (expected !== null && expected !== sign) problems.push(`${row.sourceRow}: ${header[direction]}=${cells[direction]} but ${row.amountMinor}`);
    }
    if (inflow >= 0 && outflow >= 0) {
      const inText = clean(cells[inflow]);
      const outText = clean(cells[outflow]);
      if (nonZero(inText) && !nonZero(outText) && sign !== 1) problems.push(`${row.sourceRow}: ${header[inflow]}=${inText} but ${row.amountMinor}`);
      if (nonZero(outText) && !nonZero(inText) && sign !== -1) problems.push(`${row.sourceRow}: ${header[outflow]}=${outText} but ${row.amountMinor}`);
    }
  }
  return problems;
}

/**
 * Consecutive rows that both print a balance: oldest first, the balance moves by this row's amount;
 * newest first, by the row above's. The file's order is the one more pairs agree with; a pair that
 * moves by exactly the amount the other way is a contradiction.
 */
function balanceDisagreements(rows: readonly BankTransactionRow[]): string[] {
  const byCurrency = new Map<string, BankTransactionRow[]>();
  for (const row of rows) byCurrency.set(row.currency, [...(byCurrency.get(row.currency) ?? []), row]);
  const problems: string[] = [];
  for (const list of byCurrency.values()) {
    const verdicts = { oldest: { agree: 0, against: [] as string[] }, newest: { agree: 0, against: [] as string[] } };
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1]!;
      const row = list[i]!;
      if (before.balanceMinor === undefined || row.balanceMinor === undefined) continue;
      const moved = row.balanceMinor - before.balanceMinor;
      if (moved === row.amountMinor) verdicts.oldest.agree += 1;
      else if (row.amountMinor !== 0n && moved === -row.amountMinor) verdicts.oldest.against.push(`${row.sourceRow}: balance moved ${moved}, amount ${row.amountMinor}`);
      if (-moved === before.amountMinor) verdicts.newest.agree += 1;
      else if (before.amountMinor !== 0n && -moved === -before.amountMinor) verdicts.newest.against.push(`${before.sourceRow}: balance moved ${-moved}, amount ${before.amountMinor}`);
    }
    const chosen = verdicts.oldest.agree >= verdicts.newest.agree ? verdicts.oldest : verdicts.newest;
    problems.push(...chosen.against);
  }
  return problems;
}

describe("no imported row's sign disagrees with its file's direction column or balances", () => {
  it("covers the fixtures and the samples", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
  });

  it.each(corpus.map((file) => [path.relative(process.cwd(), file), file]))("%s", async (_name, file) => {
    const data = readFileSync(file);
    const result = await parseImportBuffer({ fileName: path.basename(file), data });
    if (!result.ok || result.kind !== "bank") return;
    const rows = result.rows as BankTransactionRow[];
    expect(balanceDisagreements(rows)).toEqual([]);
    if (result.header.join(",") === "") return;
    expect(directionDisagreements(rows, result.header, rawRows(data, result.sheetName ?? undefined))).toEqual([]);
  });
});

describe("the property's checks can fail", () => {
  const negated = (rows: readonly BankTransactionRow[]) => rows.map((row) => ({ ...row, amountMinor: -row.amountMinor }));

  it.each([
    ["a 收/支 column", fixturePath("wechat", "example-wechat-records.csv")],
    ["split 收入/支出 columns", fixturePath("bank-icbc", "example-icbc-debit-v2-records.csv")],
  ])("catches rows signed against %s", async (_what, file) => {
    const data = readFileSync(file);
    const result = await parseImportBuffer({ fileName: path.basename(file), data });
    if (!result.ok || result.kind !== "bank") throw new Error("fixture did not import");
    const raw = rawRows(data, result.sheetName ?? undefined);
    expect(directionDisagreements(result.rows as BankTransactionRow[], result.header, raw)).toEqual([]);
    expect(directionDisagreements(negated(result.rows as BankTransactionRow[]), result.header, raw).length).toBeGreaterThan(3);
  });

  it("catches a row signed against the balances", async () => {
    const file = fixturePath("bank-cmb", "example-cmb-debit-records.csv");
    const result = await parseImportBuffer({ fileName: path.basename(file), data: readFileSync(file) });
    if (!result.ok || result.kind !== "bank") throw new Error("fixture did not import");
    const rows = [...(result.rows as BankTransactionRow[])];
    // A row whose balance follows from the one before (the fixture's anonymised balances break in places).
    const index = rows.findIndex((row, i) => i > 0 && row.amountMinor !== 0n && row.balanceMinor !== undefined && row.balanceMinor - (rows[i - 1]!.balanceMinor ?? 0n) === row.amountMinor);
    expect(index).toBeGreaterThan(0);
    const chosen = rows[index]!;
    rows[index] = { ...chosen, amountMinor: -chosen.amountMinor };
    expect(balanceDisagreements(rows)).toContainEqual(expect.stringMatching(new RegExp(`^${chosen.sourceRow}:`)));
  });
});
