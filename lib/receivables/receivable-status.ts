// An order's 回款状态 on a chosen day (as of): the stage the rebuild stored, with OPEN split by
// the expected date — 未到期 until it, 逾期未结算 after. Days are counted from the expected date:
// negative while not yet due (days to go), positive when overdue. Every reader (page, report,
// export, CLI) asks here, in SQL, so they agree.
import type { ReceivableStage } from "@/lib/db/generated/enums";

export const RECEIVABLE_STATUSES = ["NOT_DUE", "OVERDUE", "SETTLED", "RECEIVED", "PARTIAL", "REFUNDED", "DIFFERENCE"] as const;
export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];

/** Stages whose money is all accounted for: nothing to collect, nothing ages. */
export const SETTLED_UP_STAGES = ["RECEIVED", "REFUNDED"] as const satisfies readonly ReceivableStage[];

const dayText = /^\d{4}-\d{2}-\d{2}$/;

/** A "YYYY-MM-DD" checked before it is spelled into SQL as a date literal. */
export function asOfLiteral(asOf: string): string {
  if (!dayText.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) throw new Error(`invalid as-of day ${asOf}`);
  return `DATE '${asOf}'`;
}

/** SQL: the status of OrderReceivable `r` on `asOf`. */
export function statusSql(r: string, asOf: string): string {
  return `CASE WHEN ${r}.stage = 'OPEN' THEN (CASE WHEN ${r}."expectedOn" < ${asOfLiteral(asOf)} THEN 'OVERDUE' ELSE 'NOT_DUE' END) ELSE ${r}.stage::text END`;
}

/** SQL: the condition for one status, on the stored columns so the (orgId, stage, expectedOn) index serves it. */
export function statusConditionSql(r: string, status: ReceivableStatus, asOf: string): string {
  if (status === "NOT_DUE") return `(${r}.stage = 'OPEN' AND (${r}."expectedOn" IS NULL OR ${r}."expectedOn" >= ${asOfLiteral(asOf)}))`;
  if (status === "OVERDUE") return `(${r}.stage = 'OPEN' AND ${r}."expectedOn" < ${asOfLiteral(asOf)})`;
  return `${r}.stage = '${status}'`;
}

/**
 * SQL: true when `r` still has money to arrive (it ages): not RECEIVED or REFUNDED, something
 * outstanding, an expected date. Stored as the `aging` column by the rebuild (receivables-sql.ts),
 * so OrderReceivable and its cube answer it alike.
 */
export function agingSql(r: string): string {
  return `${r}.aging`;
}

/** SQL: days past the expected date on `asOf` (negative: days to go); null when nothing ages. */
export function daysSql(r: string, asOf: string): string {
  return `CASE WHEN ${agingSql(r)} THEN ${asOfLiteral(asOf)} - ${r}."expectedOn" END`;
}
