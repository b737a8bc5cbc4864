// What a stored row is in the chain (order → bill line → withdrawal → bank) and which side of it a
// link uses — the engine's own classification (engine/row-table.ts uses isWalletWithdrawal), exported
// so that manual matches in the workspace allocate exactly the sides the engine would.
import type { ReconcileRules } from "./rules";
import type { AccountType, MatchLink, SettlementLineType, Side, Slot } from "./types";
import { containsAny } from "./engine/keys";

export type RowRole = "order" | "line" | "withdrawal" | "bank";

/** A wallet row that takes money out and whose memo says 提现 (or the rules' words for it). */
export function isWalletWithdrawal(amountMinor: number | bigint, memo: string | null | undefined, rules: Pick<ReconcileRules, "walletKeywords">): boolean {
  return amountMinor < 0 && containsAny(memo ?? undefined, rules.walletKeywords.WITHDRAWAL);
}

export interface RoleFacts {
  side: Side;
  /** Settlement lines. */
  lineType?: SettlementLineType | null;
  /** Bank and wallet rows: the type of their fund account. */
  accountType?: AccountType | null;
  amountMinor: number | bigint;
  memo?: string | null;
}

export function roleOfRow(row: RoleFacts, rules: Pick<ReconcileRules, "walletKeywords">): RowRole {
  if (row.side === "order") return "order";
  if (row.side === "settlement") return row.lineType === "WITHDRAWAL" ? "withdrawal" : "line";
  if (row.accountType === "BANK") return "bank";
  return isWalletWithdrawal(row.amountMinor, row.memo, rules) ? "withdrawal" : "line";
}

const SLOTS: Record<RowRole, Partial<Record<MatchLink, Slot>>> = {
  order: { ORDER_SETTLEMENT: "down", ORDER_BANK: "down" },
  line: { ORDER_SETTLEMENT: "up", SETTLEMENT_PAYOUT: "down" },
  withdrawal: { SETTLEMENT_PAYOUT: "up", PAYOUT_BANK: "down" },
  bank: { SETTLEMENT_PAYOUT: "up", PAYOUT_BANK: "up", ORDER_BANK: "up" },
};

/** The side of a row a link uses, or undefined when a row of that role cannot take part in it. */
export function slotOfRole(role: RowRole, link: MatchLink): Slot | undefined {
  return SLOTS[role][link];
}

/**
 * The link a manual match makes when `upstream` rows (money leaving them) are matched to
 * `downstream` rows (money arriving): undefined when no hop of the chain fits.
 */
export function linkBetween(upstream: ReadonlySet<RowRole>, downstream: ReadonlySet<RowRole>): MatchLink | undefined {
  const only = (set: ReadonlySet<RowRole>, ...roles: RowRole[]) => set.size > 0 && [...set].every((role) => roles.includes(role));
  if (only(upstream, "order")) {
    if (only(downstream, "line")) return "ORDER_SETTLEMENT";
    if (only(downstream, "bank")) return "ORDER_BANK";
    return undefined;
  }
  if (only(upstream, "line") && only(downstream, "withdrawal", "bank")) return "SETTLEMENT_PAYOUT";
  if (only(upstream, "withdrawal") && only(downstream, "bank")) return "PAYOUT_BANK";
  return undefined;
}

/**
 * An item's signed amount (README "Signs"): the row's flow amount — orders what was paid, lines their
 * balance sign, withdrawals what left for the bank (+), bank rows + in — negated at the upstream end.
 */
export function signedItemAmount(role: RowRole, rowAmountMinor: bigint, magnitudeMinor: bigint, slot: Slot): bigint {
  const flowNegative = role === "withdrawal" ? rowAmountMinor > 0n : rowAmountMinor < 0n;
  const positive = (slot === "up") !== flowNegative;
  return positive ? magnitudeMinor : -magnitudeMinor;
}
