// The home page's 待办 that are not tied to the month's rows: follow-ups whose next action is due
// (on or before the as-of day, by the order list's own rule, so the count is the list it links to)
// and alerts still open (新 or 处理中). Both are company-wide: a follow-up or an alert of an older
// month still asks for someone today. The month's own to-dos (proposals, approvals, unmatched rows)
// come from lib/match-review/month-summary.ts.
import type { Tx } from "@/lib/db/client";
import { OPEN_ALERT_STATUSES } from "@/lib/alerts/alert-types";
import { filteredReceivablesSql, type ReceivableQuery } from "@/lib/receivables/list-receivables";

/** Orders whose follow-up is due by the query's as-of day (the list at /receivables/orders?nextBy=<asOf>). */
export async function followUpsDue(tx: Tx, query: ReceivableQuery): Promise<number> {
  const { sql, params } = filteredReceivablesSql(query, { nextBy: query.asOf });
  const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*)::bigint AS n FROM (${sql}) x`, ...params);
  return Number(row?.n ?? 0n);
}

/** Alerts that still ask for attention (OPEN_ALERT_STATUSES), read through the (orgId, status) index. */
export async function openAlerts(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*)::bigint AS n FROM "Alert" WHERE "orgId" = $1::uuid AND status = ANY($2::"AlertStatus"[])`,
    orgId,
    [...OPEN_ALERT_STATUSES],
  );
  return Number(row?.n ?? 0n);
}
