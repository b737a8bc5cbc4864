// A bucket's name as the aging table and the list show it: 未到期 0–7 天 … 逾期 90 天以上.
import type { AgingBucket } from "@/lib/receivables/aging-buckets";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** `t` is scoped to "receivables.aging". */
export function bucketLabel(bucket: Pick<AgingBucket, "kind" | "low" | "high">, t: Translate): string {
  if (bucket.high === null) return t(bucket.kind === "due" ? "dueBeyond" : "overBeyond", { days: bucket.low - 1 });
  return t(bucket.kind === "due" ? "dueRange" : "overRange", { low: bucket.low, high: bucket.high });
}
