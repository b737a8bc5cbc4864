// What a format adapter sees of one data row: cells looked up by header name, with typed readers that
// record a per-row problem (naming the row and the column as the file spells it) instead of throwing.
// A row with any "error" is not imported; "warnings" travel with an imported row.
import type { ImportError, ImportErrorCode } from "../types";
import type { CellList } from "./cell-list";
import { ColumnIndex, type ColumnNames } from "./column-names";
import { isEmptyValue } from "./empty-value";
import { parseAmount } from "./parse-amount";
import { parseDateTime, parseTimeOfDay, type ParsedDateTime } from "./parse-date-time";

const MAX_ECHO_CHARS = 60;
const SCIENTIFIC_NOTATION = /^[-+]?\d+(\.\d+)?e\+\d{1,3}$/i;

/**
 * Every cell an adapter reads passes here, millions per file, so the regex only sees cells with an
 * "E+" where an exponent of one to three digits would start (Excel writes "3.34988E+18", always with
 * the "+"; so do numberToText and JavaScript).
 */
function inScientificNotation(value: string): boolean {
  const n = value.length;
  if (n < 4) return false;
  const plus = value.charCodeAt(n - 3) === 43 ? n - 3 : value.charCodeAt(n - 2) === 43 ? n - 2 : value.charCodeAt(n - 4) === 43 ? n - 4 : -1;
  if (plus < 2) return false;
  const e = value.charCodeAt(plus - 1);
  return (e === 69 || e === 101) && SCIENTIFIC_NOTATION.test(value);
}

const echo = (text: string) => (text.length > MAX_ECHO_CHARS ? `${text.slice(0, MAX_ECHO_CHARS)}…` : text);

export class RowCells {
  readonly issues: ImportError[] = [];
  private skippedRow = false;

  constructor(
    private readonly columns: ColumnIndex,
    /** Cleaned cells; a row may be shorter than the header (spreadsheets omit empty trailing cells). */
    readonly cells: CellList,
    readonly sourceRow: number,
  ) {}

  has(names: ColumnNames): boolean {
    return this.columns.has(names);
  }

  /** Position of the column in the header, for adapters whose alternatives may overlap. */
  indexOf(names: ColumnNames): number | undefined {
    return this.columns.find(names);
  }

  /** The cleaned cell, placeholders included; undefined when the column is absent. */
  raw(names: ColumnNames): string | undefined {
    const index = this.columns.find(names);
    return index === undefined ? undefined : (this.cells.at(index) ?? "");
  }

  /**
   * The cell's text, or undefined when absent, blank or a placeholder ("/", "-", "--"…). A number in
   * scientific notation ("3.34988E+18": a long id that Excel stored as a number, or a CSV saved from
   * Excel) has lost its last digits and cannot be read back: the row is rejected, never keyed by it.
   */
  text(names: ColumnNames): string | undefined {
    const value = this.raw(names);
    if (isEmptyValue(value)) return undefined;
    if (inScientificNotation(value!)) {
      this.error("NUMBER_LOST_DIGITS", names, { value: echo(value!) });
      return undefined;
    }
    return value;
  }

  requiredText(names: ColumnNames): string | undefined {
    const value = this.text(names);
    if (value === undefined) this.error("MISSING_VALUE", names, {});
    return value;
  }

  /** Unsigned or signed amount as written, in minor units. */
  amount(names: ColumnNames, options: { required?: boolean; decimals?: number } = {}): bigint | undefined {
    const value = this.text(names);
    if (value === undefined) {
      if (options.required) this.error("MISSING_VALUE", names, {});
      return undefined;
    }
    const parsed = parseAmount(value, options.decimals);
    if (parsed.ok) return parsed.value;
    if (parsed.code === "TOO_MANY_DECIMALS") {
      this.error("AMOUNT_TOO_MANY_DECIMALS", names, { value: echo(value), decimals: options.decimals ?? 2 });
    } else {
      this.error("INVALID_AMOUNT", names, { value: echo(value) });
    }
    return undefined;
  }

  /**
   * A running balance is a check figure, not the transaction: when it cannot be read (anonymised
   * "xx,yyyy.zz" in the ICBC samples) the row is still imported and the user is told.
   */
  balance(names: ColumnNames, options: { decimals?: number } = {}): bigint | undefined {
    const value = this.text(names);
    if (value === undefined) return undefined;
    const parsed = parseAmount(value, options.decimals);
    if (parsed.ok) return parsed.value;
    this.warn("BALANCE_IGNORED", names, { value: echo(value) });
    return undefined;
  }

  dateTime(names: ColumnNames, options: { required?: boolean } = {}): ParsedDateTime | undefined {
    const value = this.text(names);
    if (value === undefined) {
      if (options.required) this.error("MISSING_VALUE", names, {});
      return undefined;
    }
    const parsed = parseDateTime(value);
    if (!parsed) this.error("INVALID_DATE", names, { value: echo(value) });
    return parsed ?? undefined;
  }

  /** A separate time-of-day column (CCB 交易时间, BOC 记账时间). */
  timeOfDay(names: ColumnNames): string | undefined {
    const value = this.text(names);
    if (value === undefined) return undefined;
    const parsed = parseTimeOfDay(value) ?? parseDateTime(value)?.time;
    if (!parsed) this.error("INVALID_DATE", names, { value: echo(value) });
    return parsed ?? undefined;
  }

  error(code: ImportErrorCode, names: ColumnNames | null, params: Record<string, string | number>): void {
    const issue = this.issue(code, names, params, "error");
    // A cell refused for what it holds (a lost-digits number) is not also "missing" to an adapter
    // that found no text in it: one error per cell says what is wrong.
    if (code === "MISSING_VALUE" && this.issues.some((other) => other.severity === "error" && other.column === issue.column)) return;
    this.issues.push(issue);
  }

  warn(code: ImportErrorCode, names: ColumnNames | null, params: Record<string, string | number>): void {
    this.issues.push(this.issue(code, names, params, "warning"));
  }

  /** Leave the row out on purpose (it moved no money) and say so. */
  skip(code: ImportErrorCode, names: ColumnNames | null, params: Record<string, string | number>): null {
    this.skippedRow = true;
    this.warn(code, names, params);
    return null;
  }

  get hasErrors(): boolean {
    return this.issues.length > 0 && this.issues.some((issue) => issue.severity === "error");
  }

  get skipped(): boolean {
    return this.skippedRow;
  }

  private issue(
    code: ImportErrorCode,
    names: ColumnNames | null,
    params: Record<string, string | number>,
    severity: ImportError["severity"],
  ): ImportError {
    return {
      row: this.sourceRow,
      column: names === null ? null : this.columns.displayName(names),
      code,
      params,
      severity,
    };
  }
}
