// Which adjustment the match form offers first for a difference (lib/match-engine README "Signs":
// + kept back on the way, − added). A person still chooses; a wrong suggestion is a wrong booking
// one click away, so when nothing fits the form suggests nothing rather than a guess.
import type { AdjustmentType, Side } from "@/lib/match-engine/types";

/**
 * - Less arrived than was due (+): a fee kept back on the way, the common case.
 * - More arrived than was due (−) for orders: the platform paid part of the price (a platform-funded
 *   discount or subsidy, booked as PROMOTION as the engine does for Pinduoduo).
 * - More arrived between a payout and the bank: no type explains that by itself (never a negative
 *   手续费), so none is suggested and the person picks one with a note.
 */
export function suggestAdjustmentType(differenceMinor: bigint, leftSides: readonly Side[]): AdjustmentType | null {
  if (differenceMinor > 0n) return "FEE";
  if (differenceMinor < 0n && leftSides.includes("order")) return "PROMOTION";
  return null;
}
