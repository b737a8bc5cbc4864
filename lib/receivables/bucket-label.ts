// A bucket's name in words ("逾期 8–30 天", "未到期 30 天以上"): a message key under receivables.buckets
// and its values, so the page, the exports and the CLI name buckets alike in either language.
import type { AgingBucket } from "./aging-buckets";

export function bucketLabelParts(bucket: AgingBucket): { key: string; values: Record<string, number> } {
  const open = bucket.high === null;
  if (bucket.kind === "due") return open ? { key: "dueBeyond", values: { low: bucket.low - 1 } } : { key: "dueWithin", values: { low: bucket.low, high: bucket.high! } };
  return open ? { key: "overBeyond", values: { low: bucket.low - 1 } } : { key: "overWithin", values: { low: bucket.low, high: bucket.high! } };
}

/** A translator scoped to "receivables.buckets". */
type Translate = (key: string, values?: Record<string, string | number>) => string;

export function bucketLabel(t: Translate, bucket: AgingBucket): string {
  const { key, values } = bucketLabelParts(bucket);
  return t(key, values);
}
