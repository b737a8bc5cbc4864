// A reason (receivable-reason.ts) as text in the reader's language, its amounts formatted as yuan.
import { formatMinor, type MoneyLocale } from "@/lib/money";
import { REASON_AMOUNTS, receivableReason } from "./receivable-reason";

/** A translator scoped to "receivables.reasons". */
type Translate = (key: string, values?: Record<string, string | number>) => string;

export function reasonText(t: Translate, locale: MoneyLocale, row: Parameters<typeof receivableReason>[0] & { currency: string }): string {
  const { key, values } = receivableReason(row);
  const shown = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, REASON_AMOUNTS.has(name) ? formatMinor(BigInt(value), row.currency, locale) : value]));
  return t(key, shown);
}
