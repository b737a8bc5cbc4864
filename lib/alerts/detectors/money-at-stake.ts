// The severity of a duplicate, break, unmatched receipt or withdrawal in transit by the money at
// stake (yuan as an owner weighs them): ¥10,000 or more is HIGH, ¥1,000 or more MEDIUM, less LOW.
import type { AlertSeverity } from "../alert-types";

export const HIGH_FROM_MINOR = 1_000_000n;
export const MEDIUM_FROM_MINOR = 100_000n;

export function severityOfAmount(amountMinor: bigint): AlertSeverity {
  const magnitude = amountMinor < 0n ? -amountMinor : amountMinor;
  return magnitude >= HIGH_FROM_MINOR ? "HIGH" : magnitude >= MEDIUM_FROM_MINOR ? "MEDIUM" : "LOW";
}
