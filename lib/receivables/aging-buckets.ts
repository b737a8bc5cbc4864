// Aging buckets, as a company sets them (ReceivableSettings) or by default: not yet due by days to
// go (Kingdee's negative buckets: 1–7, 8–30, 30+), then overdue by days past the expected date
// (1–7, 8–30, 31–60, 61–90, 90+). A bucket has a stable key for URLs and filters: "due:7" is up to
// 7 days to go (due today included), "over:30" is 8–30 days overdue, "over:inf" past the last bound.
import { z } from "zod";

export const DEFAULT_NOT_DUE_BUCKET_DAYS = [7, 30] as const;
export const DEFAULT_OVERDUE_BUCKET_DAYS = [7, 30, 60, 90] as const;

export type AgingBucket = {
  key: string;
  kind: "due" | "over";
  /** Days overdue (negative: to go) from and to, inclusive; null: open-ended. */
  from: number | null;
  to: number | null;
  /** The bounds in days, for the label: "1–7", "90+" … */
  low: number;
  high: number | null;
};

/** Bounds a person typed: whole days, strictly increasing, at most 8. */
export const bucketBoundsSchema = z
  .array(z.coerce.number().int().min(1).max(3650))
  .min(1)
  .max(8)
  .refine((days) => days.every((day, index) => index === 0 || day > days[index - 1]!), { message: "receivables.validation.boundsIncreasing" });

export function agingBuckets(notDueDays: readonly number[], overdueDays: readonly number[]): AgingBucket[] {
  const buckets: AgingBucket[] = [];
  // Not yet due, furthest first: "30+ days to go" … "up to 7 days to go" (today counts as 0 to go).
  for (let i = notDueDays.length; i >= 0; i--) {
    const high = notDueDays[i] ?? null;
    const low = i === 0 ? 0 : notDueDays[i - 1]! + 1;
    buckets.push({ key: `due:${high ?? "inf"}`, kind: "due", from: high === null ? null : -high, to: low === 0 ? 0 : -low, low, high });
  }
  for (let i = 0; i <= overdueDays.length; i++) {
    const high = overdueDays[i] ?? null;
    const low = i === 0 ? 1 : overdueDays[i - 1]! + 1;
    buckets.push({ key: `over:${high ?? "inf"}`, kind: "over", from: low, to: high, low, high });
  }
  return buckets;
}

/** SQL: the bucket key of `days` (see daysSql), null when it does not age. */
export function bucketSql(days: string, buckets: readonly AgingBucket[]): string {
  const cases = buckets.map((bucket) => `WHEN ${rangeSql(days, bucket)} THEN '${bucket.key}'`).join(" ");
  return `CASE ${cases} END`;
}

/** SQL: `days` lies in `bucket`. */
export function rangeSql(days: string, bucket: AgingBucket): string {
  const parts = [`${days} IS NOT NULL`];
  if (bucket.from !== null) parts.push(`${days} >= (${bucket.from})`);
  if (bucket.to !== null) parts.push(`${days} <= (${bucket.to})`);
  return `(${parts.join(" AND ")})`;
}

/**
 * SQL: the expected date `expectedOn` puts an order in `bucket` on the day `asOf` (a date literal):
 * the same range as rangeSql over days = asOf − expectedOn, written on the column so its index serves it.
 */
export function expectedRangeSql(expectedOn: string, asOf: string, bucket: AgingBucket): string {
  const parts = [`${expectedOn} IS NOT NULL`];
  if (bucket.from !== null) parts.push(`${expectedOn} <= ${asOf} - (${bucket.from})`);
  if (bucket.to !== null) parts.push(`${expectedOn} >= ${asOf} - (${bucket.to})`);
  return `(${parts.join(" AND ")})`;
}
