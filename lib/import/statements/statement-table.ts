// Bank statements that are not tables — OFX, ISO 20022 CAMT.053, SWIFT MT940 — are parsed whole by a
// small parser per format into transactions, which are then handed to the row pipeline as a table
// with a fixed header. Their adapters (formats/*-statement.ts) recognise only that header, so
// validation, natural keys, batching and errors are the same as for any CSV.
import type { ImportError, RawRow } from "../types";

export type StatementFormat = "OFX" | "CAMT.052" | "CAMT.053" | "CAMT.054" | "MT940";

/** The synthetic table's columns. "line" is always filled: it anchors the row (see anchorColumn). */
export const STATEMENT_COLUMNS = [
  "line",
  "date",
  "credit/debit",
  "amount",
  "currency",
  "balance",
  "reference",
  "secondary reference",
  "counterparty",
  "counterparty account",
  "memo",
  "transaction type",
  "unique id",
  "status",
] as const;

export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];

/**
 * One transaction as the parser read it. Values are normalised where the text was valid
 * ("YYYY-MM-DD[ HH:mm:ss]", amounts as "123.45") and left as written where not, so the adapter
 * reports the problem on the transaction's line and column.
 */
export interface StatementTransaction {
  /** 1-based line of the file where the transaction starts. */
  line: number;
  date?: string;
  /** "C" (money in), "D" (money out), "" when the amount carries its sign; else the text as written. */
  creditDebit: string;
  amount?: string;
  currency?: string;
  /** Balance after this transaction, signed, when the statement states it. */
  balance?: string;
  reference?: string;
  secondaryReference?: string;
  counterparty?: string;
  counterpartyAccount?: string;
  memo?: string;
  transactionType?: string;
  uniqueId?: string;
  /** camt entry status when not booked (PDNG, INFO…): such an entry moved no money yet and is skipped. */
  status?: string;
  /** The account of the statement (camt Stmt/Rpt/Ntfctn, MT940 :25:, OFX STMTRS) this transaction is on. */
  account?: string;
}

export type StatementParseResult =
  | { ok: true; transactions: StatementTransaction[] }
  | { ok: false; error: ImportError };

export type StatementProblem = "TRUNCATED" | "MISMATCHED_TAG" | "NO_TRANSACTIONS" | "NOT_A_STATEMENT";

export function statementError(format: StatementFormat, line: number | null, problem: StatementProblem, tag = ""): StatementParseResult {
  return {
    ok: false,
    error: { row: line, column: null, code: "STATEMENT_MALFORMED", params: { format, problem, tag }, severity: "error" },
  };
}

/** The line (1-based) of each character offset, by counting newlines as the scan moves forward. */
export class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  at(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.offset; i < offset; i++) if (this.text.charCodeAt(i) === 10) this.line++;
    this.offset = offset;
    return this.line;
  }
}

export const STATEMENT_PREAMBLE_MARKER = "bank statement:";

export function statementHeaderRow(): RawRow {
  return { sourceRow: 0, cells: [...STATEMENT_COLUMNS] };
}

export function statementRows(transactions: readonly StatementTransaction[]): RawRow[] {
  return transactions.map((t) => ({
    sourceRow: t.line,
    cells: [
      String(t.line),
      t.date ?? "",
      t.creditDebit,
      t.amount ?? "",
      t.currency ?? "",
      t.balance ?? "",
      t.reference ?? "",
      t.secondaryReference ?? "",
      t.counterparty ?? "",
      t.counterpartyAccount ?? "",
      t.memo ?? "",
      t.transactionType ?? "",
      t.uniqueId ?? "",
      t.status ?? "",
    ],
  }));
}

/** "123,45" / "123.45" / "+1.5" / "-6.60" → "123.45", "1.5", "-6.60"; undefined when not a plain decimal. */
export function plainDecimal(text: string, decimalMark: "." | "," | "either"): string | undefined {
  const mark = decimalMark === "either" ? "[.,]" : decimalMark === "," ? "," : "\\.";
  const m = new RegExp(`^([+-]?)(\\d*)(?:${mark}(\\d*))?$`).exec(text.trim());
  if (!m || (!m[2] && !m[3])) return undefined;
  const integer = m[2] || "0";
  const fraction = m[3] ? `.${m[3]}` : "";
  return `${m[1] === "-" ? "-" : ""}${integer}${fraction}`;
}

/** Sum of signed plain decimals in minor units with `decimals` digits; undefined when any does not fit. */
export function decimalToMinor(text: string, decimals: number): bigint | undefined {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const fraction = m[3] ?? "";
  if (fraction.replace(/0+$/, "").length > decimals) return undefined;
  const minor = BigInt(m[2] + fraction.padEnd(decimals, "0").slice(0, decimals));
  return m[1] === "-" ? -minor : minor;
}

export function minorToDecimal(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, "0");
  const integer = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : "";
  return `${negative ? "-" : ""}${integer}${fraction}`;
}
