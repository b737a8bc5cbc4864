// A row takes part in at most two hops of the chain: the one that explains where its money came
// from ("up") and the one that explains where it went ("down"). A bill line is matched up to its
// order and down to its withdrawal; a withdrawal up to the lines it swept and down to the bank
// receipt. Each side of a row is allocated at most its amount, whatever the passes do.
import type { MatchLink } from "../types";
import { Role, type RoleCode } from "./row-table";

export type Slot = "up" | "down";

const SLOTS: Record<RoleCode, Partial<Record<MatchLink, Slot>>> = {
  [Role.ORDER]: { ORDER_SETTLEMENT: "down", ORDER_BANK: "down" },
  [Role.LINE]: { ORDER_SETTLEMENT: "up", SETTLEMENT_PAYOUT: "down" },
  [Role.WITHDRAWAL]: { SETTLEMENT_PAYOUT: "up", PAYOUT_BANK: "down" },
  [Role.BANK]: { SETTLEMENT_PAYOUT: "up", PAYOUT_BANK: "up", ORDER_BANK: "up" },
};

/** The side of a row a link uses, or undefined when the row cannot take part in that link. */
export function slotFor(role: number, link: MatchLink): Slot | undefined {
  return SLOTS[role as RoleCode]?.[link];
}

/** The link a group of roles forms (for confirmed matches stored without one). */
export function inferLink(roles: ReadonlySet<number>): MatchLink | undefined {
  if (roles.has(Role.ORDER)) return roles.has(Role.LINE) ? "ORDER_SETTLEMENT" : roles.has(Role.BANK) ? "ORDER_BANK" : undefined;
  if (roles.has(Role.LINE)) return "SETTLEMENT_PAYOUT";
  if (roles.has(Role.WITHDRAWAL) && roles.has(Role.BANK)) return "PAYOUT_BANK";
  return undefined;
}
