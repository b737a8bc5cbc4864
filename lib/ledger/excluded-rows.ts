// Rows a person marked as not for reconciliation (不参与对账, table ExcludedRow): rent, salary, tax,
// transfers between the company's own accounts, orders closed without money. Such a row is not
// open: it leaves the 未匹配 lists and their totals, the month's open counts and every run. Every
// reader asks here, so they agree.
import type { MatchSide } from "@/lib/db/generated/enums";

export const EXCLUSION_REASONS = ["RENT", "SALARY", "TAX", "OWN_TRANSFER", "CLOSED_ORDER", "OTHER"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** SQL: true when the `side` row `alias` (with "orgId" and id) is NOT marked. An anti-join through the key. */
export function notExcludedSql(side: MatchSide, alias: string): string {
  return `NOT EXISTS (SELECT 1 FROM "ExcludedRow" x WHERE x."orgId" = ${alias}."orgId" AND x.side = '${side}' AND x."rowId" = ${alias}.id)`;
}

/** The same for COPY (no bind parameters): the organization's id spelled in, checked by the caller. */
export function notExcludedCopySql(side: MatchSide, alias: string, org: string): string {
  return `NOT EXISTS (SELECT 1 FROM "ExcludedRow" x WHERE x."orgId" = '${org}' AND x.side = '${side}' AND x."rowId" = ${alias}.id)`;
}
