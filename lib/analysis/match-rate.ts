// 匹配率 per run: of the groups each reconciliation run proposed, how many the engine booked itself
// (kind AUTO, CONFIRMED with no one deciding: save-proposals.ts), how many a person confirmed (or
// a manual match awaits approval), how many are still open (PROPOSED) and how many were rejected or
// later reversed, with the automatic share. The newest RUN_LIMIT runs that succeeded, whatever the
// period (runs happen after the month they match, so the period of orders would hide them); a store
// or account filter counts the groups with a row of it. A newer
// run replaces the open proposals of older ones (replace-open-proposals.ts), so an older run's
// "open" is what it proposed that nobody has decided and no run has replaced.
// A run leads to the workspace's proposals when some are open, else to the booked matches.
import { ratio } from "@/lib/reports/report-rates";
import type { ReportResult, ReportRow } from "@/lib/reports/report-result";
import type { AnalysisChart } from "./analysis-chart";
import { linkTo } from "./analysis-links";

const label = (key: string) => `analysis.columns.${key}`;
export const RUN_LIMIT = 20;

type RunSums = { id: string; startedAt: string; auto: bigint; byHand: bigint; open: bigint; rejected: bigint };

export const matchRate: AnalysisChart = {
  id: "match-rate",
  title: "analysis.charts.match-rate.title",
  kind: "stackedBar",
  category: ["startedAt"],
  series: [{ column: "auto" }, { column: "byHand" }, { column: "open" }, { column: "rejected" }],
  run: async (tx, scope, filters): Promise<ReportResult> => {
    const params: unknown[] = [scope.orgId, scope.timeZone];
    const groupWhere = [`g."orgId" = $1::uuid`, `g."runId" = r.id`];
    if (filters.store) {
      params.push(filters.store);
      groupWhere.push(`$${params.length}::uuid = ANY(g."storeIds")`);
    }
    if (filters.account) {
      params.push(filters.account);
      groupWhere.push(`$${params.length}::uuid = ANY(g."fundAccountIds")`);
    }
    const runs = await tx.$queryRawUnsafe<RunSums[]>(
      `WITH runs AS (
         SELECT r.id, r."startedAt" FROM "ReconciliationRun" r
          WHERE r."orgId" = $1::uuid AND r.status = 'SUCCEEDED'
          ORDER BY r."startedAt" DESC LIMIT ${RUN_LIMIT})
       SELECT r.id::text AS id, to_char(r."startedAt" AT TIME ZONE $2, 'YYYY-MM-DD HH24:MI') AS "startedAt",
              count(*) FILTER (WHERE g.kind = 'AUTO' AND g.status = 'CONFIRMED' AND g."decidedById" IS NULL)::bigint AS auto,
              count(*) FILTER (WHERE (g.status = 'CONFIRMED' AND g."decidedById" IS NOT NULL) OR g.status = 'PENDING_APPROVAL')::bigint AS "byHand",
              count(*) FILTER (WHERE g.status = 'PROPOSED')::bigint AS open,
              count(*) FILTER (WHERE g.status IN ('REJECTED', 'REVERSED'))::bigint AS rejected
         FROM runs r LEFT JOIN "MatchGroup" g ON ${groupWhere.join(" AND ")}
        GROUP BY r.id, r."startedAt"
        ORDER BY r."startedAt"`,
      ...params,
    );
    const figures = (sums: Omit<RunSums, "id" | "startedAt">): ReportRow => {
      const all = sums.auto + sums.byHand + sums.open + sums.rejected;
      return { groups: all, auto: sums.auto, byHand: sums.byHand, open: sums.open, rejected: sums.rejected, autoRate: ratio(sums.auto, all), openRate: ratio(sums.open, all) };
    };
    const sum = (key: "auto" | "byHand" | "open" | "rejected") => runs.reduce((total, run) => total + run[key], 0n);
    return {
      columns: [
        { key: "startedAt", label: label("runStartedAt"), type: "text" },
        { key: "groups", label: label("groups"), type: "integer" },
        { key: "auto", label: label("auto"), type: "integer" },
        { key: "byHand", label: label("byHand"), type: "integer" },
        { key: "open", label: label("open"), type: "integer" },
        { key: "rejected", label: label("rejected"), type: "integer" },
        { key: "autoRate", label: label("autoRate"), type: "percent" },
        { key: "openRate", label: label("openRate"), type: "percent" },
      ],
      rows: runs.map((run) => ({ startedAt: run.startedAt, ...figures(run) })),
      totals: figures({ auto: sum("auto"), byHand: sum("byHand"), open: sum("open"), rejected: sum("rejected") }),
      drill: runs.map((run) => ({ run: run.id, open: run.open > 0n ? "1" : "0" })),
      notes: [{ key: "analysis.notes.runs", values: { count: RUN_LIMIT } }],
    };
  },
  drillHref: (filters, key) => (key.run ? linkTo(key.open === "1" ? "/reconcile/proposals" : "/reconcile/matched", { store: filters.store, account: filters.account }) : null),
};
