// A row takes part in at most two hops of the chain: the one that explains where its money came
// from ("up") and the one that explains where it went ("down"). A bill line is matched up to its
// order and down to its withdrawal; a withdrawal up to the lines it swept and down to the bank
// receipt. Each side of a row is allocated at most its amount, whatever the passes do. The table
// itself lives in ../row-role.ts, shared with the workspace's manual matches.
import { slotOfRole, type RowRole } from "../row-role";
import type { MatchLink, Slot } from "../types";
import { Role, type RoleCode } from "./row-table";

export type { Slot };

const ROLE_NAME: Record<RoleCode, RowRole> = {
  [Role.ORDER]: "order",
  [Role.LINE]: "line",
  [Role.WITHDRAWAL]: "withdrawal",
  [Role.BANK]: "bank",
};

/** The side of a row a link uses, or undefined when the row cannot take part in that link. */
export function slotFor(role: number, link: MatchLink): Slot | undefined {
  const name = ROLE_NAME[role as RoleCode];
  return name && slotOfRole(name, link);
}

/** The link a group of roles forms (for confirmed matches stored without one). */
export function inferLink(roles: ReadonlySet<number>): MatchLink | undefined {
  if (roles.has(Role.ORDER)) return roles.has(Role.LINE) ? "ORDER_SETTLEMENT" : roles.has(Role.BANK) ? "ORDER_BANK" : undefined;
  if (roles.has(Role.LINE)) return "SETTLEMENT_PAYOUT";
  if (roles.has(Role.WITHDRAWAL) && roles.has(Role.BANK)) return "PAYOUT_BANK";
  return undefined;
}
