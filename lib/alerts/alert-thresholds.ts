// Each rule's thresholds: what the OWNER or ADMIN may set (settings page), with defaults that work
// without setting anything. Stored as JSON in AlertRule.thresholds and read through these schemas
// only: a missing field takes its default, so a rule gains a threshold without a migration.
// Money is in minor units (分) as a JSON integer; rates in basis points (100 = 1 %).
import { z } from "zod";
import type { AlertType } from "./alert-types";

const days = (fallback: number) => z.number().int().min(0).max(3650).default(fallback);
const minor = (fallback: number) => z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(fallback);
const bps = (fallback: number) => z.number().int().min(0).max(100_000).default(fallback);

export const ALERT_THRESHOLD_SCHEMAS = {
  /** Orders still unpaid more than `days` after their expected day, each owing at least `minAmountMinor`; one alert per store. */
  OVERDUE_RECEIVABLE: z.object({ days: days(30), minAmountMinor: minor(0) }),
  /**
   * A fee type's rate (of an order, a store-month) above the contracted rate by more than
   * `toleranceBps`; without a contracted rate, above `learnedFactorPct` % of the store's usual rate
   * learned from its own history. Orders with less than `minFeeMinor` of fees are not looked at alone.
   */
  FEE_RATE_HIGH: z.object({ toleranceBps: bps(50), learnedFactorPct: z.number().int().min(100).max(1000).default(150), minFeeMinor: minor(10_000) }),
  /** The same bank or bill row imported twice under different files. */
  DUPLICATE_ROW: z.object({}),
  /** The same order paid twice, the same payout received twice. */
  DUPLICATE_PAYMENT: z.object({}),
  /** A statement's printed balance differs from the previous balance plus the movement by more than `toleranceMinor`. */
  BALANCE_BREAK: z.object({ toleranceMinor: minor(0) }),
  /** A refund after the order settled of at least `minAmountMinor`; chargebacks and negative payouts always. */
  // ¥3,000, not ¥1,000: ordinary after-sales refunds of whole orders reach ¥2,999 in the generated
  // months (an order is at most that); a shop with larger orders raises it.
  REFUND_AFTER_SETTLEMENT: z.object({ minAmountMinor: minor(300_000) }),
  /** Money from a platform in the bank with nothing to match for more than `days`. */
  UNMATCHED_PLATFORM_RECEIPT: z.object({ days: days(3) }),
  /** A withdrawal from a wallet not arrived in the bank within `days`. */
  WITHDRAWAL_IN_TRANSIT: z.object({ days: days(3) }),
  /**
   * A store's daily sales, refunds or fees more than `factorPct` % of (or less than 100/factor of) their
   * median over the `windowDays` before, when the day's amount differs from that median by at least `minAmountMinor`.
   */
  // ¥10,000, not ¥5,000: with a steady daily refund series (a large shop), one ¥5,000 refund after
  // settlement is REFUND_AFTER_SETTLEMENT's alert; at ¥5,000 it also tripled the day's refunds
  // (measured at 200 000 generated orders) and raised a second alert for the same refund.
  UNUSUAL_CHANGE: z.object({ windowDays: days(14), factorPct: z.number().int().min(110).max(10_000).default(300), minAmountMinor: minor(1_000_000) }),
} as const satisfies Record<AlertType, z.ZodType>;

export type AlertThresholds = { [T in AlertType]: z.infer<(typeof ALERT_THRESHOLD_SCHEMAS)[T]> };

export function defaultThresholds<T extends AlertType>(type: T): AlertThresholds[T] {
  return ALERT_THRESHOLD_SCHEMAS[type].parse({}) as AlertThresholds[T];
}

/** A stored rule's thresholds; a field it lacks takes its default. Throws on a shape it cannot read. */
export function parseThresholds<T extends AlertType>(type: T, json: unknown): AlertThresholds[T] {
  return ALERT_THRESHOLD_SCHEMAS[type].parse(json ?? {}) as AlertThresholds[T];
}
