// The rates the standard reports print beside their sums: a share (received / settled), a growth
// (this period against another) and an average (days to cash). Always computed from bigint sums,
// so the 合计 row's rate is the rate of its sums, never an average of the rows' rates.

/** part / whole as a ratio (0.125 = 12.5 %); null when the whole is zero. */
export function ratio(part: bigint, whole: bigint): number | null {
  if (whole === 0n) return null;
  return Number(part) / Number(whole);
}

/** How much `current` grew on `previous` (−0.2 = a fifth less); null when there was nothing before. */
export function growth(current: bigint, previous: bigint): number | null {
  if (previous === 0n) return null;
  return Number(current - previous) / Math.abs(Number(previous));
}

/** total / count rounded to whole units (half away from zero), as bigint; null when count is zero. */
export function roundedAverage(total: bigint, count: bigint): bigint | null {
  if (count === 0n) return null;
  const negative = total < 0n !== count < 0n;
  const [t, c] = [total < 0n ? -total : total, count < 0n ? -count : count];
  const rounded = (t * 2n + c) / (c * 2n);
  return negative ? -rounded : rounded;
}
