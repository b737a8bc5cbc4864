// Robust statistics the detectors learn a "usual" figure with: the median, which one outlier (the
// anomaly itself, a holiday) cannot drag, where a mean would follow it.

/** The median of the values (the mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * A month's usual value from the months before it: the median of the earlier months' figures, or
 * the month's own figure when there is no earlier month. `byMonth` maps "YYYY-MM" to the figure.
 */
export function usualFromHistory(byMonth: ReadonlyMap<string, number>, month: string): number | null {
  const earlier = [...byMonth.entries()].filter(([m]) => m < month).map(([, value]) => value);
  return earlier.length > 0 ? median(earlier) : (byMonth.get(month) ?? null);
}

/** "YYYY-MM-DD" plus `days` (negative: earlier), in UTC calendar arithmetic. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
