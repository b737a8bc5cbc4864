// An aging bucket in words: "0–7 天", "30 天以上", "over 90 days". The open-ended bucket is named by
// the last bound it lies past, as finance staff say it ("90 天以上" for 91 days on).
import type { AgingBucket } from "@/lib/receivables/aging-buckets";

type Translate = (key: "range" | "single" | "above", values: Record<string, number>) => string;

export function agingBucketLabel(bucket: AgingBucket, t: Translate): string {
  if (bucket.high === null) return t("above", { bound: bucket.low - 1 });
  if (bucket.low === bucket.high) return t("single", { low: bucket.low });
  return t("range", { low: bucket.low, high: bucket.high });
}
