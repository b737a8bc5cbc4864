// 未解决差异 by type: what is still open in the period — rows no match has taken yet (orders not traced
// onward, bill and wallet lines not paid out, bank rows not explained: the workspace's 未匹配 lists,
// from UnmatchedRollup as 差异汇总's notes read them) and booked differences still waiting for a
// reviewer, by adjustment type (AdjustmentRollup's pending sums, 差异汇总's rows). As 差异汇总: a store
// filter narrows orders and bill lines, an account filter wallet and bank rows; a platform filter
// narrows the pending adjustments only. Each row leads to the workspace list that holds its rows.
import type { AdjustmentType } from "@/lib/db/generated/enums";
import type { UnmatchedList } from "@/lib/match-review/list-unmatched";
import type { ReportResult, ReportRow } from "@/lib/reports/report-result";
import { unmatchedRollupSums } from "@/lib/reports/rollups/unmatched-rollup";
import { adjustmentRollupFilter } from "@/lib/reports/differences";
import type { AnalysisChart } from "./analysis-chart";
import { linkTo } from "./analysis-links";

const label = (key: string) => `analysis.columns.${key}`;

/** The unmatched lists counted, with the side each is counted on (as 差异汇总 and the month summary). */
const UNMATCHED: readonly { kind: string; list: UnmatchedList; slot: "up" | "down" }[] = [
  { kind: "unmatchedOrders", list: "orders", slot: "down" },
  { kind: "unmatchedLines", list: "lines", slot: "down" },
  { kind: "unmatchedBank", list: "bank", slot: "up" },
];

export const openDifferences: AnalysisChart = {
  id: "open-differences",
  title: "analysis.charts.open-differences.title",
  kind: "bar",
  category: ["kind", "adjustmentType"],
  series: [{ column: "amount" }],
  readsReceivables: true,
  run: async (tx, scope, filters): Promise<ReportResult> => {
    const period = { from: filters.from, to: filters.to };
    const rows: ReportRow[] = [];
    const drill: Record<string, string>[] = [];
    for (const { kind, list, slot } of UNMATCHED) {
      // A store's filter says nothing of bank rows, an account's nothing of orders (as 差异汇总).
      if ((list === "orders" && filters.account) || (list === "bank" && filters.store) || (list === "lines" && filters.store && filters.account)) continue;
      const owner = list === "orders" ? filters.store : list === "bank" ? filters.account : (filters.store ?? filters.account);
      const sums = await unmatchedRollupSums(tx, scope.orgId, list, slot, { ...period, owner });
      rows.push({ kind, adjustmentType: null, count: BigInt(sums.count), amount: sums.remainingMinor });
      drill.push({ kind });
    }
    for (const pending of await pendingByType(tx, scope.orgId, filters)) {
      rows.push({ kind: "pendingApproval", adjustmentType: pending.type, count: pending.count, amount: pending.amount });
      drill.push({ kind: "pendingApproval", type: pending.type });
    }
    return {
      columns: [
        { key: "kind", label: label("openKind"), type: "text", codes: "analysis.openKinds" },
        { key: "adjustmentType", label: label("adjustmentType"), type: "text", codes: "reports.differences.types" },
        { key: "count", label: label("count"), type: "integer" },
        { key: "amount", label: label("amount"), type: "money" },
      ],
      rows,
      totals: { count: rows.reduce((sum, row) => sum + (row.count as bigint), 0n), amount: rows.reduce((sum, row) => sum + (row.amount as bigint), 0n) },
      drill,
      notes: [{ key: "analysis.notes.openDifferences" }, ...(filters.platform ? [{ key: "analysis.notes.unmatchedAllPlatforms" }] : [])],
    };
  },
  drillHref: (filters, key) => {
    const period = { from: filters.from, to: filters.to };
    if (key.kind === "unmatchedOrders") return linkTo("/reconcile/unmatched", { left: "orders", lfrom: period.from, lto: period.to, lowner: filters.store });
    if (key.kind === "unmatchedLines") return linkTo("/reconcile/unmatched", { left: "lines", lfrom: period.from, lto: period.to, lowner: filters.store ?? filters.account });
    if (key.kind === "unmatchedBank") return linkTo("/reconcile/unmatched", { right: "bank", rfrom: period.from, rto: period.to, rowner: filters.account });
    if (key.kind === "pendingApproval") return linkTo("/reconcile/approvals", { store: filters.store, account: filters.account });
    return null;
  },
};

/** The period's adjustments waiting for approval, per type, from AdjustmentRollup with the report's filters. */
async function pendingByType(tx: Parameters<AnalysisChart["run"]>[0], orgId: string, filters: Parameters<AnalysisChart["run"]>[2]) {
  const { where, params } = adjustmentRollupFilter(orgId, filters);
  where.push(`r."pendingCount" > 0`);
  return tx.$queryRawUnsafe<{ type: AdjustmentType; count: bigint; amount: bigint }[]>(
    `SELECT r.type, SUM(r."pendingCount")::bigint AS count, SUM(r."pendingMinor")::bigint AS amount
       FROM "AdjustmentRollup" r LEFT JOIN "Store" s ON s."orgId" = r."orgId" AND s.id = r."storeId"
      WHERE ${where.join(" AND ")}
      GROUP BY r.type ORDER BY r.type`,
    ...params,
  );
}
