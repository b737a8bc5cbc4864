// 各店铺费率: per store, its platform fees of the period as a share of its sales (bill lines, as
// 费用分析 reads them: fee-lines.ts), the commission and technical service fees on their own, and the
// store's contracted rate (Store.feeRateBps) beside them. A store leads to its fee lines (费用分析's
// drill-down) when the period is one month, else to 费用分析 for that store.
import { contractedMinor } from "@/lib/reports/fee-analysis";
import { ratio } from "@/lib/reports/report-rates";
import type { ReportColumn, ReportResult, ReportRow } from "@/lib/reports/report-result";
import type { AnalysisChart } from "./analysis-chart";
import { linkTo, reportRowsLink } from "./analysis-links";
import { monthsOf } from "./analysis-period";
import { allFees, commissionLike, feeCells } from "./fee-lines";

const label = (key: string) => `analysis.columns.${key}`;
const money = (key: string): ReportColumn => ({ key, label: label(key), type: "money", currencyKey: "currency" });
const percent = (key: string): ReportColumn => ({ key, label: label(key), type: "percent" });

export const feeRatesByStore: AnalysisChart = {
  id: "fee-rates-by-store",
  title: "analysis.charts.fee-rates-by-store.title",
  kind: "bar",
  category: ["store"],
  series: [{ column: "totalRate" }, { column: "commissionRate" }, { column: "contractRate", draw: "line", compared: true }],
  run: async (tx, scope, filters): Promise<ReportResult> => {
    const [cells, stores] = await Promise.all([
      feeCells(tx, scope, filters),
      tx.store.findMany({ where: { orgId: scope.orgId }, select: { id: true, name: true, platform: true, currency: true, feeRateBps: true } }),
    ]);
    const byStore = new Map<string, { sales: bigint; fees: bigint; commission: bigint; contracted: bigint }>();
    for (const cell of cells) {
      if (!cell.inPeriod) continue;
      const sums = byStore.get(cell.storeId) ?? { sales: 0n, fees: 0n, commission: 0n, contracted: 0n };
      sums.sales += cell.sales;
      sums.fees += allFees(cell.fees);
      sums.commission += commissionLike(cell.fees);
      byStore.set(cell.storeId, sums);
    }
    const kept = stores
      .filter((store) => byStore.has(store.id))
      .sort((a, b) => a.platform.localeCompare(b.platform) || a.name.localeCompare(b.name, "zh-CN") || a.id.localeCompare(b.id));
    let [sales, fees, commission, contracted] = [0n, 0n, 0n, 0n];
    const rows: ReportRow[] = kept.map((store) => {
      const sums = byStore.get(store.id)!;
      const allowed = store.feeRateBps > 0 ? contractedMinor(sums.sales, store.feeRateBps) : 0n;
      [sales, fees, commission, contracted] = [sales + sums.sales, fees + sums.fees, commission + sums.commission, contracted + allowed];
      const contractRate = store.feeRateBps > 0 ? store.feeRateBps / 10_000 : null;
      return {
        store: store.name,
        platform: store.platform,
        currency: store.currency,
        sales: sums.sales,
        totalFees: sums.fees,
        totalRate: ratio(sums.fees, sums.sales),
        commissionLike: sums.commission,
        commissionRate: ratio(sums.commission, sums.sales),
        contractRate,
        aboveContract: contractRate === null ? null : sums.commission - allowed,
      };
    });
    const currencies = new Set(kept.map((store) => store.currency));
    return {
      columns: [
        { key: "store", label: label("store"), type: "text" },
        { key: "platform", label: label("platform"), type: "text", codes: "platforms" },
        money("sales"),
        money("totalFees"),
        percent("totalRate"),
        money("commissionLike"),
        percent("commissionRate"),
        percent("contractRate"),
        money("aboveContract"),
      ],
      rows,
      // The contracted rate of the 合计: what the contracts allow on all the sales, over those sales.
      totals: {
        ...(currencies.size === 1 ? { currency: [...currencies][0]! } : {}),
        sales,
        totalFees: fees,
        totalRate: ratio(fees, sales),
        commissionLike: commission,
        commissionRate: ratio(commission, sales),
        contractRate: ratio(contracted, sales),
        aboveContract: rows.reduce((sum, row) => sum + ((row.aboveContract as bigint | null) ?? 0n), 0n),
      },
      drill: kept.map((store) => ({ store: store.id })),
      notes: [{ key: "analysis.notes.feeBasis" }, { key: "analysis.notes.contract" }],
    };
  },
  drillHref: (filters, key) => {
    if (!key.store) return null;
    const months = monthsOf(filters);
    if (months.length === 1) return reportRowsLink("fees", { from: filters.from, to: filters.to, store: filters.store, platform: filters.platform }, { store: key.store, month: months[0]! });
    return linkTo("/reports/fees", { from: filters.from, to: filters.to, store: key.store, platform: filters.platform });
  },
};
