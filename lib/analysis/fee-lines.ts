// The bill lines the fee charts read, in one pass (shared by both through oncePerScope): the trend's
// lines (analysis-period.ts) summed by store, month, whether the day is in the period, line type and
// memo — as 费用分析 sums them (lib/reports/fee-analysis.ts: sales are the SALE lines of the same
// bills, fees the fee lines classified by lib/fees/fee-types.ts, shown as costs) — then folded in
// TypeScript per distinct memo, a few hundred, not per line.
import type { Tx } from "@/lib/db/client";
import type { SettlementLineType } from "@/lib/db/generated/enums";
import { lineFilterSql } from "@/lib/reports/fee-analysis";
import { classifyFee, COMMISSION_LIKE_FEE_TYPES, FEE_LINE_TYPES, type FeeType } from "@/lib/fees/fee-types";
import type { ReportFilters } from "@/lib/reports/report-filters";
import type { ReportScope } from "@/lib/reports/standard-report";
import { trendPeriod } from "./analysis-period";
import { oncePerScope } from "./scope-memo";

/** Sales and fees of one store in one month, split by whether its days are in the period. */
export type FeeCell = { storeId: string; month: string; inPeriod: boolean; sales: bigint; fees: Map<FeeType, bigint> };

type Aggregate = { storeId: string; month: string; inPeriod: boolean; lineType: SettlementLineType; memo: string | null; amount: bigint };

const FEE_LINE_LIST = FEE_LINE_TYPES.map((type) => `'${type}'`).join(", ");

async function readFeeCells(tx: Tx, scope: ReportScope, filters: ReportFilters): Promise<FeeCell[]> {
  const { from, where, params } = lineFilterSql(scope.orgId, trendPeriod(filters), filters);
  params.push(filters.from, filters.to);
  const [periodFrom, periodTo] = [`$${params.length - 1}::date`, `$${params.length}::date`];
  const aggregates = await tx.$queryRawUnsafe<Aggregate[]>(
    `SELECT t."storeId", to_char(t."occurredOn", 'YYYY-MM') AS month, (t."occurredOn" BETWEEN ${periodFrom} AND ${periodTo}) AS "inPeriod",
            t."lineType", CASE WHEN t."lineType" = 'SALE' THEN NULL ELSE t.memo END AS memo, SUM(t."amountMinor")::bigint AS amount
       FROM ${from}
      WHERE ${where.join(" AND ")} AND t."lineType" IN ('SALE', ${FEE_LINE_LIST})
      GROUP BY 1, 2, 3, 4, 5`,
    ...params,
  );
  const cells = new Map<string, FeeCell>();
  for (const row of aggregates) {
    const key = `${row.storeId} ${row.month} ${row.inPeriod}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { storeId: row.storeId, month: row.month, inPeriod: row.inPeriod, sales: 0n, fees: new Map() }));
    if (row.lineType === "SALE") {
      cell.sales += row.amount;
      continue;
    }
    const type = classifyFee({ lineType: row.lineType, text: row.memo });
    if (type) cell.fees.set(type, (cell.fees.get(type) ?? 0n) - row.amount);
  }
  return [...cells.values()];
}

/** The trend's fee cells for these filters, read once per request. */
export function feeCells(tx: Tx, scope: ReportScope, filters: ReportFilters): Promise<FeeCell[]> {
  const key = `fees ${filters.from} ${filters.to} ${filters.store ?? ""} ${filters.platform ?? ""}`;
  return oncePerScope(scope, key, () => readFeeCells(tx, scope, filters));
}

/** Commission and technical service fees: what the contracted rate speaks of. */
export function commissionLike(fees: ReadonlyMap<FeeType, bigint>): bigint {
  let sum = 0n;
  for (const type of COMMISSION_LIKE_FEE_TYPES) sum += fees.get(type) ?? 0n;
  return sum;
}

export function allFees(fees: ReadonlyMap<FeeType, bigint>): bigint {
  let sum = 0n;
  for (const amount of fees.values()) sum += amount;
  return sum;
}
