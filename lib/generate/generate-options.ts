// What a caller may ask for, checked once at the door so the rest of the generator can trust it.
import { isMonthText } from "./calendar/month-calendar";

export type BankLayout = "cmb-statement" | "generic-bank";

export interface GenerateMonthOptions {
  /** Orders placed in the month, over all stores (the --orders N of `npm run gen`). */
  orders: number;
  /** Any non-negative safe integer; same seed and options → byte-identical files. */
  seed: number;
  /** Directory to write into (created when missing). */
  outDir: string;
  /** "YYYY-MM"; default 2025-03. */
  month?: string;
  /** Layout of the bank statement; default cmb-statement (the demo's 招商银行基本户). */
  bankLayout?: BankLayout;
  /** Spreadsheet exports (PDD orders) with more rows than this are written as CSV; default 100 000. */
  xlsxMaxRows?: number;
}

export interface ResolvedOptions {
  orders: number;
  seed: number;
  outDir: string;
  month: string;
  bankLayout: BankLayout;
  xlsxMaxRows: number;
}

export const DEFAULT_MONTH = "2025-03";
/** Typed-array sizes and id counters are planned for this many orders. */
export const MAX_ORDERS = 5_000_000;
/** The importer reads spreadsheets whole (≤ 200 MiB); a big export is a CSV like the real ones. */
export const DEFAULT_XLSX_MAX_ROWS = 100_000;
export const BANK_LAYOUTS: readonly BankLayout[] = ["cmb-statement", "generic-bank"];

export class GenerateOptionsError extends Error {}

export function resolveOptions(options: GenerateMonthOptions): ResolvedOptions {
  const { orders, seed, outDir } = options;
  if (!Number.isSafeInteger(orders) || orders < 1 || orders > MAX_ORDERS) {
    throw new GenerateOptionsError(`orders must be a whole number from 1 to ${MAX_ORDERS}, got ${orders}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) throw new GenerateOptionsError(`seed must be a non-negative whole number, got ${seed}`);
  if (!outDir) throw new GenerateOptionsError("outDir is required");
  const month = options.month ?? DEFAULT_MONTH;
  if (!isMonthText(month)) throw new GenerateOptionsError(`month must look like 2025-03, got ${month}`);
  const bankLayout = options.bankLayout ?? "cmb-statement";
  if (!BANK_LAYOUTS.includes(bankLayout)) throw new GenerateOptionsError(`bank layout must be one of ${BANK_LAYOUTS.join(", ")}, got ${bankLayout}`);
  const xlsxMaxRows = options.xlsxMaxRows ?? DEFAULT_XLSX_MAX_ROWS;
  if (!Number.isSafeInteger(xlsxMaxRows) || xlsxMaxRows < 0) throw new GenerateOptionsError(`xlsxMaxRows must be a whole number ≥ 0, got ${xlsxMaxRows}`);
  return { orders, seed, outDir, month, bankLayout, xlsxMaxRows };
}

/** The 32-bit stream seed of a user seed (which may be larger than 32 bits). */
export function seedBits(seed: number): number {
  return (Math.floor(seed / 2 ** 32) ^ seed) >>> 0;
}
