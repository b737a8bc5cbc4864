// Inside a run, amounts are JavaScript numbers holding whole minor units: every value is checked to
// be a safe integer on the way in, sums of a group stay far below 2^53 (¥90 trillion), and typed
// arrays of numbers keep a million rows small and fast. Output goes back to bigint.
import { ReconcileInputError } from "./canonical-order";

/** The amount as a number; throws (naming the row and field) beyond ±2^53. */
export function minorToNumber(value: bigint, id: string, field: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new ReconcileInputError("AMOUNT_OUT_OF_RANGE", { id, field, value: String(value) });
  return number;
}

/** round-half-up(amount × bps / 10 000) for a non-negative amount: the platforms' fee rounding. */
export function percentOf(amountMinor: number, rateBps: number): number {
  return Math.floor((amountMinor * rateBps + 5000) / 10_000);
}

/** The tolerance for comparing sums around `amountMinor`: the larger of the absolute and the relative one. */
export function toleranceFor(amountMinor: number, toleranceMinor: number, tolerancePercentBps: number): number {
  return Math.max(toleranceMinor, Math.floor((Math.abs(amountMinor) * tolerancePercentBps) / 10_000));
}

export const text = (minor: number): string => String(minor);

/** Amounts below this (in minor units, either sign) share one bigint per value. */
const SHARED_BIGINT_LIMIT = 1 << 20;

/**
 * BigInt(amount), with small amounts shared: prices and fees repeat across a million rows, and one
 * object per distinct value instead of per item keeps the output (and garbage collection) small.
 * Bigints are immutable values, so sharing them cannot be observed. One per run, dropped with it.
 */
export class BigIntCache {
  private values: (bigint | undefined)[] | undefined;

  of(amountMinor: number): bigint {
    if (amountMinor >= SHARED_BIGINT_LIMIT || amountMinor <= -SHARED_BIGINT_LIMIT) return BigInt(amountMinor);
    this.values ??= new Array<bigint | undefined>(2 * SHARED_BIGINT_LIMIT);
    const at = amountMinor + SHARED_BIGINT_LIMIT;
    let value = this.values[at];
    if (value === undefined) this.values[at] = value = BigInt(amountMinor);
    return value;
  }
}
