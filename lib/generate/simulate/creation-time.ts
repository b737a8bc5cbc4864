// When orders are placed. Order i of n gets a slot of the window and a random point inside it, so
// creation times rise with the index (exports come sorted, and order i can be re-created on its own).
// Inside a day, times follow a shopping curve: quiet at night, busy in the evening.
import { SECONDS_PER_DAY } from "../calendar/month-calendar";

// Relative orders per hour, 00:00 … 23:00.
const HOURLY_WEIGHTS = [3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 8, 9, 10, 9, 8, 8, 8, 9, 10, 12, 14, 15, 13, 7];
const HOURLY_TOTAL = HOURLY_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
const HOURLY_CDF = HOURLY_WEIGHTS.reduce<number[]>((cdf, weight) => [...cdf, (cdf.at(-1) ?? 0) + weight / HOURLY_TOTAL], [0]);

/** A share of a day in [0, 1) → second of the day, following the shopping curve (monotonic). */
function secondOfDay(dayShare: number): number {
  let hour = 0;
  while (hour < 23 && (HOURLY_CDF[hour + 1] ?? 1) <= dayShare) hour++;
  const start = HOURLY_CDF[hour] ?? 0;
  const width = (HOURLY_CDF[hour + 1] ?? 1) - start;
  return Math.min(SECONDS_PER_DAY - 1, hour * 3600 + Math.floor(((dayShare - start) / width) * 3600));
}

/**
 * Creation second of slot `slot` of `slots` spread over whole days [firstDay, firstDay + days),
 * `jitter` in [0, 1) placing it inside its slot. Never later than `latestSec`.
 */
export function creationSecond(slot: number, slots: number, jitter: number, firstDay: number, days: number, latestSec: number): number {
  const position = ((slot + jitter) / slots) * days;
  const day = Math.min(days - 1, Math.floor(position));
  const second = (firstDay + day) * SECONDS_PER_DAY + secondOfDay(position - day);
  return Math.min(second, latestSec);
}
