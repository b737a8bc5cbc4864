// The generated bank statement as rows a planter can read, change in place and append to, in either
// layout the generator writes (cmb-statement: UTF-8, signed 交易金额, 对手信息 name+account in one
// cell; generic-bank: GBK, preamble, split 收入/支出 columns, its own 交易流水号). Rows keep their
// line numbers (sourceRow as the importer counts them); the file is written back whole, in its
// own encoding and line ending, so everything a planter did not touch stays byte for byte.
import fs from "node:fs";
import iconv from "iconv-lite";
import type { GeneratedFile, GeneratedMonth } from "../generate-month";
import { groupedMinorText, minorText } from "../money/format-minor-text";
import { csvRow } from "../output/csv";
import { BANK_ACCOUNT } from "../stores/store-profiles";

export type BankLayoutName = "cmb-statement" | "generic-bank";

/** One data row, its cells as the layout prints them plus what planters read from them. */
export type StatementRow = {
  /** 1-based line in the file (the importer's sourceRow). */
  sourceRow: number;
  cells: string[];
  date: string;
  amountMinor: number;
  balanceMinor: number;
  /** Counterparty name (CMB: the name part of 对手信息). */
  counterparty: string;
  counterpartyAccount: string;
  /** CMB 交易摘要 + 客户摘要, generic 摘要: the text a memo search sees. */
  memo: string;
};

export type BankStatement = {
  file: GeneratedFile;
  layout: BankLayoutName;
  /** Every line of the file, preamble and header included (no trailing empty line). */
  lines: string[];
  rows: StatementRow[];
};

/** Splits one CSV line (RFC 4180 quotes; no line breaks inside cells in these files). */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** "1,234.56" / "-27.50" → minor units, from the text (no float arithmetic). */
export function minorOfText(text: string): number {
  const clean = text.replace(/,/g, "").trim();
  if (clean === "") return 0;
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(clean);
  if (!match) throw new Error(`not an amount: ${text}`);
  const minor = Number(match[2]) * 100 + Number((match[3] ?? "0").padEnd(2, "0"));
  return match[1] ? -minor : minor;
}

const encodingOf = (layout: BankLayoutName) => (layout === "generic-bank" ? "gbk" : "utf-8");
const endingOf = (layout: BankLayoutName) => (layout === "generic-bank" ? "\r\n" : "\n");

function readRow(layout: BankLayoutName, cells: string[], sourceRow: number): StatementRow {
  if (layout === "cmb-statement") {
    const [, counterparty = "", counterpartyAccount = ""] = /^(.*?)(\d{6,})?$/.exec(cells[5] ?? "") ?? [];
    const memo = [cells[4], cells[6]].filter(Boolean).join(" ");
    return { sourceRow, cells, date: cells[0]!, amountMinor: minorOfText(cells[2]!), balanceMinor: minorOfText(cells[3]!), counterparty, counterpartyAccount, memo };
  }
  const amountMinor = minorOfText(cells[4]!) - minorOfText(cells[5]!);
  return { sourceRow, cells, date: cells[0]!, amountMinor, balanceMinor: minorOfText(cells[6]!), counterparty: cells[8] ?? "", counterpartyAccount: cells[9] ?? "", memo: cells[3] ?? "" };
}

/** The month's bank statement (its one bank file). */
export function readBankStatement(month: GeneratedMonth): BankStatement {
  const file = month.files.find((candidate) => candidate.kind === "bank" && (candidate.format === "cmb-statement" || candidate.format === "generic-bank"));
  if (!file) throw new Error("the month has no bank statement");
  return readStatementFile(file);
}

/** A bank statement file of either layout (its `format` says which). */
export function readStatementFile(file: GeneratedFile): BankStatement {
  const layout = file.format as BankLayoutName;
  const text = iconv.decode(fs.readFileSync(file.path), encodingOf(layout));
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const headerAt = lines.findIndex((line) => line.startsWith("记账日期,") || line.startsWith("交易日期,"));
  const rows = lines.slice(headerAt + 1).map((line, k) => readRow(layout, parseCsvLine(line), headerAt + 2 + k));
  return { file, layout, lines, rows };
}

/** Writes the statement back (rows changed in `rows` are printed from their cells). */
export function writeBankStatement(statement: BankStatement): void {
  const lines = [...statement.lines];
  for (const row of statement.rows) lines[row.sourceRow - 1] = csvRow(row.cells);
  const ending = endingOf(statement.layout);
  fs.writeFileSync(statement.file.path, iconv.encode(lines.join(ending) + ending, encodingOf(statement.layout)));
  statement.lines = lines;
  statement.file.rows = statement.rows.length;
}

/** Sets a row's amount (and its cells), leaving its printed balance alone. */
export function setRowAmount(statement: BankStatement, row: StatementRow, amountMinor: number): void {
  row.amountMinor = amountMinor;
  if (statement.layout === "cmb-statement") row.cells[2] = groupedMinorText(amountMinor);
  else {
    row.cells[4] = amountMinor > 0 ? minorText(amountMinor) : "";
    row.cells[5] = amountMinor < 0 ? minorText(-amountMinor) : "";
  }
}

/** Sets a row's printed balance. */
export function setRowBalance(statement: BankStatement, row: StatementRow, balanceMinor: number): void {
  row.balanceMinor = balanceMinor;
  if (statement.layout === "cmb-statement") row.cells[3] = groupedMinorText(balanceMinor);
  else row.cells[6] = minorText(balanceMinor);
}

/** Sets who paid and why (counterparty name + account, bank word, payer's text). */
export function setRowParty(statement: BankStatement, row: StatementRow, party: { name: string; account: string; summary: string; note: string }): void {
  row.counterparty = party.name;
  row.counterpartyAccount = party.account;
  row.memo = [party.summary, party.note].filter(Boolean).join(" ");
  if (statement.layout === "cmb-statement") {
    row.cells[4] = party.summary;
    row.cells[5] = `${party.name}${party.account}`;
    row.cells[6] = party.note;
  } else {
    row.cells[3] = row.memo;
    row.cells[8] = party.name;
    row.cells[9] = party.account;
  }
}

/** A platform's money (a withdrawal or payout receipt), by the words the generator's memos carry. */
export function isPlatformRow(row: StatementRow): boolean {
  return /提现|结算单号/.test(row.memo);
}

/** A bank serial (交易流水号) no generated row carries: the generator's are digits of the date and a sequence. */
export function plantedSerial(date: string, n: number): string {
  return `P${date.replace(/-/g, "")}${String(n).padStart(8, "0")}`;
}

/**
 * Appends a copy of `template` on `date` with `amountMinor`, its balance carried from the last row
 * (the statement keeps chaining); returns the new row. Generic rows get a new serial (`serial`).
 */
export function appendRow(statement: BankStatement, template: StatementRow, change: { date: string; amountMinor: number; serial: string }): StatementRow {
  const last = statement.rows[statement.rows.length - 1]!;
  const cells = [...template.cells];
  cells[0] = change.date;
  if (statement.layout === "generic-bank") cells[2] = change.serial;
  const row: StatementRow = { ...template, cells, date: change.date, sourceRow: statement.lines.length + 1 };
  setRowAmount(statement, row, change.amountMinor);
  setRowBalance(statement, row, last.balanceMinor + change.amountMinor);
  statement.rows.push(row);
  statement.lines.push(csvRow(cells));
  return row;
}

/** Shifts the printed balance of every row after `row` by `deltaMinor` (after an amount changed). */
export function carryBalancesAfter(statement: BankStatement, row: StatementRow, deltaMinor: number): void {
  for (const later of statement.rows) if (later.sourceRow > row.sourceRow) setRowBalance(statement, later, later.balanceMinor + deltaMinor);
}

/** A one-row 企业网银 statement (generic-bank layout) of the bank account holding `row`'s movement. */
export function genericBankFileText(month: string, row: StatementRow, serial: string, companyName: string): { text: string; sourceRow: number } {
  const time = "10:00:00";
  const [first, last] = [`${month}-01`, row.date];
  const cells = [
    row.date,
    time,
    serial,
    row.memo,
    row.amountMinor > 0 ? minorText(row.amountMinor) : "",
    row.amountMinor < 0 ? minorText(-row.amountMinor) : "",
    minorText(row.balanceMinor),
    "人民币",
    row.counterparty,
    row.counterpartyAccount,
  ];
  const lines = [`账号：${BANK_ACCOUNT.accountNumber}`, `户名：${companyName}`, "币种：人民币", `查询区间：${first} 至 ${last}`, "", "交易日期,交易时间,交易流水号,摘要,收入金额,支出金额,余额,币种,对方户名,对方账号", csvRow(cells)];
  return { text: lines.join("\r\n") + "\r\n", sourceRow: lines.length };
}
