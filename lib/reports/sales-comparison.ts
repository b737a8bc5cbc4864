// 销售数据对比: per store (with its platform), what buyers paid, what the platforms settled and what
// reached the bank, in the period and in the period it is compared with (the period before, a year
// earlier, or any second range: comparisonPeriod), with the differences and growth of each, and
// how much of the sales were settled and of the settled received. Summed from the receivables cube;
// a row's drill-down lists the store's orders of the period (receivable-orders-drill.ts, shared
// with 回款情况分析).
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cubeRange, cubeSums, sharedCurrency, ZERO_SUMS, type CubeRange, type CubeSums } from "./receivable-cube-sums";
import { receivableOrdersDrill } from "./receivable-orders-drill";
import { comparisonPeriod, type ReportFilters } from "./report-filters";
import { growth, ratio } from "./report-rates";
import type { DrillKey, DrillPage, ReportColumn, ReportResult, ReportRow } from "./report-result";
import type { ReportScope, StandardReport } from "./standard-report";

const label = (key: string) => `reports.sales-comparison.columns.${key}`;
const MEASURES = ["sales", "settled", "received"] as const;
type Measure = (typeof MEASURES)[number];
const SUM_OF: Record<Measure, keyof CubeSums> = { sales: "paid", settled: "settled", received: "received" };

/** The headers, with each period spelled out in the headers of its columns. */
function columns(period: { from: string; to: string }, compared: { from: string; to: string }): ReportColumn[] {
  const main = { period: `${period.from} – ${period.to}` };
  const other = { period: `${compared.from} – ${compared.to}` };
  const money = (key: string, labelValues?: Record<string, string>): ReportColumn => ({ key, label: label(key), ...(labelValues ? { labelValues } : {}), type: "money", currencyKey: "currency" });
  return [
    { key: "store", label: label("store"), type: "text" },
    { key: "platform", label: label("platform"), type: "text", codes: "platforms" },
    { key: "orders", label: label("orders"), labelValues: main, type: "integer" },
    { key: "ordersCompared", label: label("ordersCompared"), labelValues: other, type: "integer" },
    ...MEASURES.flatMap((measure) => [
      money(measure, main),
      money(`${measure}Compared`, other),
      money(`${measure}Difference`),
      { key: `${measure}Growth`, label: label(`${measure}Growth`), type: "percent" } satisfies ReportColumn,
    ]),
    { key: "settledRate", label: label("settledRate"), type: "percent" },
    { key: "receivedRate", label: label("receivedRate"), type: "percent" },
  ];
}

function figures(main: CubeSums, compared: CubeSums): ReportRow {
  const row: ReportRow = { orders: main.orders, ordersCompared: compared.orders };
  for (const measure of MEASURES) {
    const [now, then] = [main[SUM_OF[measure]], compared[SUM_OF[measure]]];
    Object.assign(row, { [measure]: now, [`${measure}Compared`]: then, [`${measure}Difference`]: now - then, [`${measure}Growth`]: growth(now, then) });
  }
  return { ...row, settledRate: ratio(main.settled, main.paid), receivedRate: ratio(main.received, main.settled) };
}



async function run(tx: Tx, scope: ReportScope, filters: ReportFilters): Promise<ReportResult> {
  const compared = comparisonPeriod(filters);
  const [main, other] = await Promise.all([cubeSums(tx, scope, cubeRange(filters, filters), "store"), cubeSums(tx, scope, cubeRange(filters, compared), "store")]);
  // A store that sold only in the compared period keeps its row: it fell to nothing.
  const stores = [...new Set([...main.groups.keys(), ...other.groups.keys()])].map((key) => {
    const [now, then] = [main.groups.get(key), other.groups.get(key)];
    const known = (now ?? then)!;
    return { key, now, then, storeName: known.storeName ?? "", platform: known.platform ?? "" };
  });
  stores.sort((a, b) => a.platform.localeCompare(b.platform) || a.storeName.localeCompare(b.storeName, "zh-CN") || a.key.localeCompare(b.key));
  return {
    columns: columns(filters, compared),
    rows: stores.map(({ now, then, storeName, platform }) => ({ store: storeName, platform, ...sharedCurrency(now, then), ...figures(now ?? ZERO_SUMS, then ?? ZERO_SUMS) })),
    totals: { ...sharedCurrency(main.total, other.total), ...figures(main.total, other.total) },
    drill: stores.map(({ key }): DrillKey => ({ store: key })),
    notes: [{ key: "reports.sales-comparison.notes.periods", values: { from: filters.from, to: filters.to, from2: compared.from, to2: compared.to, compare: filters.compare } }],
  };
}

const storeKey = z.strictObject({ store: z.uuid() });

/** A row's orders of the main period: the key must name a store the filters keep. */
export function salesComparisonDrillRange(filters: ReportFilters, key: DrillKey): CubeRange {
  const parsed = storeKey.safeParse(key);
  if (!parsed.success || (filters.store && filters.store !== parsed.data.store)) throw new AppError("INVALID", { messageKey: "reportDrillRefused", field: "drill" });
  return { ...cubeRange(filters, filters), store: parsed.data.store };
}

export const salesComparison: StandardReport = {
  filters: ["store", "platform", "compare"],
  readsReceivables: true,
  run,
  drill: async (tx: Tx, scope: ReportScope, filters: ReportFilters, key: DrillKey, page: DrillPage) => receivableOrdersDrill(tx, scope, salesComparisonDrillRange(filters, key), page),
};
