// 回款情况分析: per store, platform or month, over orders whose business day is in the period — the
// orders, sales, refunds, fees, what the platforms settled, what reached the bank, what is still
// out and how much of it is overdue on the as-of day, the collection rate and the average days to
// cash, beside the sales and receipts of the month before (环比) and of a year earlier (同比).
// Summed from the receivables cube; a row's drill-down lists its orders (receivable-orders-drill.ts).
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { Platform } from "@/lib/db/generated/enums";
import { monthBounds } from "@/lib/ledger/business-day";
import { AppError } from "@/lib/errors";
import { shiftPeriodByMonths } from "./period-shift";
import { cubeRange, cubeSums, sharedCurrency, ZERO_SUMS, type CubeGrouping, type CubeRange, type CubeSums } from "./receivable-cube-sums";
import { receivableOrdersDrill } from "./receivable-orders-drill";
import { comparisonPeriod, type ReportFilters } from "./report-filters";
import { growth, ratio, roundedAverage } from "./report-rates";
import type { DrillKey, DrillPage, ReportColumn, ReportResult, ReportRow } from "./report-result";
import type { ReportScope, StandardReport } from "./standard-report";

const label = (key: string) => `reports.remittance.columns.${key}`;
const money = (key: string): ReportColumn => ({ key, label: label(key), type: "money", currencyKey: "currency" });
const percent = (key: string): ReportColumn => ({ key, label: label(key), type: "percent" });

const GROUP_COLUMNS: Record<CubeGrouping, ReportColumn[]> = {
  store: [
    { key: "store", label: label("store"), type: "text" },
    { key: "platform", label: label("platform"), type: "text", codes: "platforms" },
  ],
  platform: [{ key: "platform", label: label("platform"), type: "text", codes: "platforms" }],
  month: [{ key: "month", label: label("month"), type: "text" }],
};

const FIGURE_COLUMNS: ReportColumn[] = [
  { key: "orders", label: label("orders"), type: "integer" },
  money("sales"),
  money("refunds"),
  money("fees"),
  money("settled"),
  money("received"),
  money("outstanding"),
  money("overdue"),
  percent("collectionRate"),
  { key: "dsoDays", label: label("dsoDays"), type: "integer", summed: false },
  money("momSales"),
  percent("momSalesGrowth"),
  money("momReceived"),
  percent("momReceivedGrowth"),
  money("yoySales"),
  percent("yoySalesGrowth"),
  money("yoyReceived"),
  percent("yoyReceivedGrowth"),
];

/** The figures of one row (or the 合计) from its sums and those of the two comparison periods. */
function figures(main: CubeSums, mom: CubeSums, yoy: CubeSums): ReportRow {
  return {
    orders: main.orders,
    sales: main.paid,
    refunds: main.refund,
    fees: main.fees,
    settled: main.settled,
    received: main.received,
    outstanding: main.outstanding,
    overdue: main.overdue,
    collectionRate: ratio(main.received, main.settled),
    dsoDays: roundedAverage(main.dsoDays, main.dsoOrders),
    momSales: mom.paid,
    momSalesGrowth: growth(main.paid, mom.paid),
    momReceived: mom.received,
    momReceivedGrowth: growth(main.received, mom.received),
    yoySales: yoy.paid,
    yoySalesGrowth: growth(main.paid, yoy.paid),
    yoyReceived: yoy.received,
    yoyReceivedGrowth: growth(main.received, yoy.received),
  };
}



/**
 * The comparison periods: for stores and platforms, the period before (comparisonPeriod, mom) and a
 * year earlier; for months, each month's own month before and year before, over the same days.
 */
function comparisons(filters: ReportFilters, grouping: CubeGrouping) {
  if (grouping === "month") {
    return { mom: { period: shiftPeriodByMonths(filters, -1), shift: 1 }, yoy: { period: shiftPeriodByMonths(filters, -12), shift: 12 } };
  }
  return { mom: { period: comparisonPeriod({ ...filters, compare: "mom" }), shift: 0 }, yoy: { period: comparisonPeriod({ ...filters, compare: "yoy" }), shift: 0 } };
}

async function run(tx: Tx, scope: ReportScope, filters: ReportFilters): Promise<ReportResult> {
  const grouping = filters.by;
  const { mom, yoy } = comparisons(filters, grouping);
  const [main, before, yearAgo] = await Promise.all([
    cubeSums(tx, scope, cubeRange(filters, filters), grouping),
    cubeSums(tx, scope, cubeRange(filters, mom.period), grouping, mom.shift),
    cubeSums(tx, scope, cubeRange(filters, yoy.period), grouping, yoy.shift),
  ]);
  // A store with sales only in a comparison period keeps its row: its fall to nothing is news.
  const keys = [...new Set([...main.groups.keys(), ...before.groups.keys(), ...yearAgo.groups.keys()])];
  const named = keys.map((key) => {
    const parts = [main.groups.get(key), before.groups.get(key), yearAgo.groups.get(key)] as const;
    const known = parts.find((part) => part !== undefined)!;
    return { key, parts, storeName: known.storeName ?? "", platform: known.platform ?? "" };
  });
  named.sort((a, b) => (grouping === "store" ? a.storeName.localeCompare(b.storeName, "zh-CN") || a.key.localeCompare(b.key) : a.key.localeCompare(b.key)));
  const rows: ReportRow[] = named.map(({ key, parts, storeName, platform }) => {
    const [m, b, y] = parts;
    const group: ReportRow = grouping === "store" ? { store: storeName, platform } : grouping === "platform" ? { platform: key } : { month: key };
    return { ...group, ...sharedCurrency(...parts), ...figures(m ?? ZERO_SUMS, b ?? ZERO_SUMS, y ?? ZERO_SUMS) };
  });
  const drill = named.map(({ key }): DrillKey => ({ [grouping]: key }));
  const comparisonNote =
    grouping === "month"
      ? { key: "reports.remittance.notes.monthComparisons" }
      : { key: "reports.remittance.notes.comparisons", values: { momFrom: mom.period.from, momTo: mom.period.to, yoyFrom: yoy.period.from, yoyTo: yoy.period.to } };
  return {
    columns: [...GROUP_COLUMNS[grouping], ...FIGURE_COLUMNS],
    rows,
    totals: { ...sharedCurrency(main.total, before.total, yearAgo.total), ...figures(main.total, before.total, yearAgo.total) },
    drill,
    notes: [{ key: "reports.remittance.notes.period", values: { from: filters.from, to: filters.to, asOf: scope.asOf } }, comparisonNote, { key: "reports.remittance.notes.dso" }],
  };
}

const storeKey = z.strictObject({ store: z.uuid() });
const platformKey = z.strictObject({ platform: z.enum(Platform) });
const monthKey = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

/**
 * The orders behind a row: its key must be one `run` hands out for these filters (a store or
 * platform the filters keep, a month the period touches), else the key is refused, never widened.
 */
export function remittanceDrillRange(filters: ReportFilters, key: DrillKey): CubeRange {
  const base = cubeRange(filters, filters);
  if (filters.by === "store") {
    const parsed = storeKey.safeParse(key);
    if (!parsed.success || (filters.store && filters.store !== parsed.data.store)) throw new AppError("INVALID", { messageKey: "reportDrillRefused", field: "drill" });
    return { ...base, store: parsed.data.store };
  }
  if (filters.by === "platform") {
    const parsed = platformKey.safeParse(key);
    if (!parsed.success || (filters.platform && filters.platform !== parsed.data.platform)) throw new AppError("INVALID", { messageKey: "reportDrillRefused", field: "drill" });
    return { ...base, platform: parsed.data.platform };
  }
  const parsed = monthKey.safeParse(key);
  if (!parsed.success) throw new AppError("INVALID", { messageKey: "reportDrillRefused", field: "drill" });
  const { first, last } = monthBounds(parsed.data.month);
  if (last < filters.from || first > filters.to) throw new AppError("INVALID", { messageKey: "reportDrillRefused", field: "drill" });
  return { ...base, from: first > filters.from ? first : filters.from, to: last < filters.to ? last : filters.to };
}

export const remittanceAnalysis: StandardReport = {
  filters: ["store", "platform", "by"],
  readsReceivables: true,
  run,
  drill: async (tx: Tx, scope: ReportScope, filters: ReportFilters, key: DrillKey, page: DrillPage) => receivableOrdersDrill(tx, scope, remittanceDrillRange(filters, key), page),
};
