// 费用类型月度趋势: per month of the trend (analysis-period.ts), each fee type's share of the month's
// sales, stacked, with the commission and technical service fees together and the rate the stores'
// contracts allow on those sales (Σ sales × Store.feeRateBps over Σ sales of stores with a rate) as
// lines over them. Bill lines as 费用分析 reads them (fee-lines.ts). A month leads to 费用分析 for it.
import { contractedMinor } from "@/lib/reports/fee-analysis";
import { FEE_TYPES, type FeeType } from "@/lib/fees/fee-types";
import { ratio } from "@/lib/reports/report-rates";
import type { ReportColumn, ReportResult, ReportRow } from "@/lib/reports/report-result";
import type { AnalysisChart } from "./analysis-chart";
import { linkTo } from "./analysis-links";
import { monthsOf, monthWithin, trendPeriod } from "./analysis-period";
import { commissionLike, feeCells } from "./fee-lines";

const label = (key: string) => `analysis.columns.${key}`;
export const FEE_RATE_PREFIX = "rate_";

type MonthSums = { sales: bigint; fees: Map<FeeType, bigint>; contractSales: bigint; contracted: bigint };

export const feeTypesByMonth: AnalysisChart = {
  id: "fee-types-by-month",
  title: "analysis.charts.fee-types-by-month.title",
  kind: "stackedBar",
  category: ["month"],
  seriesPrefix: FEE_RATE_PREFIX,
  series: [{ column: "commissionRate", draw: "line" }, { column: "contractRate", draw: "line", compared: true }],
  run: async (tx, scope, filters): Promise<ReportResult> => {
    const [cells, stores] = await Promise.all([feeCells(tx, scope, filters), tx.store.findMany({ where: { orgId: scope.orgId }, select: { id: true, feeRateBps: true, currency: true } })]);
    const bps = new Map(stores.map((store) => [store.id, store.feeRateBps]));
    const byMonth = new Map<string, MonthSums>();
    const total: MonthSums = { sales: 0n, fees: new Map(), contractSales: 0n, contracted: 0n };
    for (const cell of cells) {
      const sums = byMonth.get(cell.month) ?? { sales: 0n, fees: new Map(), contractSales: 0n, contracted: 0n };
      for (const target of [sums, total]) {
        target.sales += cell.sales;
        for (const [type, amount] of cell.fees) target.fees.set(type, (target.fees.get(type) ?? 0n) + amount);
        const rate = bps.get(cell.storeId) ?? 0;
        if (rate > 0) {
          target.contractSales += cell.sales;
          target.contracted += contractedMinor(cell.sales, rate);
        }
      }
      byMonth.set(cell.month, sums);
    }
    const types = FEE_TYPES.filter((type) => [...byMonth.values()].some((sums) => (sums.fees.get(type) ?? 0n) !== 0n));
    const figures = (sums: MonthSums): ReportRow => ({
      sales: sums.sales,
      ...Object.fromEntries(types.flatMap((type) => [[`fee_${type}`, sums.fees.get(type) ?? 0n], [`${FEE_RATE_PREFIX}${type}`, ratio(sums.fees.get(type) ?? 0n, sums.sales)]])),
      commissionRate: ratio(commissionLike(sums.fees), sums.sales),
      contractRate: ratio(sums.contracted, sums.contractSales),
    });
    const empty: MonthSums = { sales: 0n, fees: new Map(), contractSales: 0n, contracted: 0n };
    const months = monthsOf(trendPeriod(filters));
    const currencies = new Set(stores.map((store) => store.currency));
    const currency: ReportRow = currencies.size === 1 ? { currency: [...currencies][0]! } : {};
    const columns: ReportColumn[] = [
      { key: "month", label: label("month"), type: "text" },
      { key: "sales", label: label("sales"), type: "money", currencyKey: "currency" },
      ...types.flatMap((type): ReportColumn[] => [
        { key: `fee_${type}`, label: `reports.feeTypes.${type}`, type: "money", currencyKey: "currency" },
        { key: `${FEE_RATE_PREFIX}${type}`, label: `reports.fees.rateColumns.${type}`, type: "percent" },
      ]),
      { key: "commissionRate", label: label("commissionRate"), type: "percent" },
      { key: "contractRate", label: label("contractRate"), type: "percent" },
    ];
    return {
      columns,
      rows: months.map((month) => ({ month, ...currency, ...figures(byMonth.get(month) ?? empty) })),
      totals: { ...currency, ...figures(total) },
      drill: months.map((month) => ({ month })),
      notes: [{ key: "analysis.notes.trend", values: trendPeriod(filters) }, { key: "analysis.notes.feeBasis" }, { key: "analysis.notes.contractWeighted" }],
    };
  },
  drillHref: (filters, key) => {
    const days = key.month ? monthWithin(trendPeriod(filters), key.month) : null;
    return days ? linkTo("/reports/fees", { ...days, store: filters.store, platform: filters.platform }) : null;
  },
};
