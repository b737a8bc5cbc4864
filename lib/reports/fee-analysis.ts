// 费用分析 (platform fees): every fee the platform bills carry, per store and month, as a share of
// that store-month's sales and against the store's contracted rate; a row's drill-down lists its fee
// lines with the file row each came from; the notes name the orders with the highest fee rate.
//
// What is read: bill lines (SettlementLine) booked (occurredOn) in the period. A line's fee type comes
// from lib/fees/fee-types.ts (its line type and the platform's words); sales, the base of every
// rate, are the SALE lines of the same bills in the same store-month — what the platform itself
// charged its fees on, in the same month as the fees — rather than the orders' paid amounts, which
// fall in the month the buyer paid, days or weeks before the platform settles and charges.
//
// Layout: one row per store × month, a column (amount, then its rate on sales) per fee type that
// occurs in the period. An accountant compares fee types side by side against one sales figure, the
// sales appear once per row so the 合计 of every column is the plain sum of the rows (a row per fee
// type would repeat the sales in each), and only the fee types present take room. The contracted
// rate (Store.feeRateBps) speaks of commission and technical service fees, so it is set beside those
// together (COMMISSION_LIKE_FEE_TYPES), with the difference as a rate and in money (what was charged
// above the contract on those sales).
//
// Fees are shown as costs: the negated sum of the lines (a fee the platform gave back, or a subsidy,
// makes a cost smaller). Grouping is one pass over the period's lines, grouped by (store, month, line
// type, memo) in SQL and classified in TypeScript per distinct memo (a few hundred), so the work
// grows with the lines read, not with the classifier.
import type { Tx } from "@/lib/db/client";
import type { Platform, SettlementLineType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { monthBounds } from "@/lib/ledger/business-day";
import { classifyFee, COMMISSION_LIKE_FEE_TYPES, FEE_LINE_TYPES, FEE_TYPES, type FeeType } from "@/lib/fees/fee-types";
import type { ReportFilters } from "./report-filters";
import { ratio } from "./report-rates";
import type { DrillKey, DrillPage, DrillResult, ReportColumn, ReportNote, ReportResult, ReportRow } from "./report-result";
import type { ReportScope, StandardReport } from "./standard-report";

/** How many orders the "highest fee rate" notes name. */
export const TOP_FEE_RATE_ORDERS = 5;

const FEE_LINE_LIST = FEE_LINE_TYPES.map((type) => `'${type}'`).join(", ");

type Period = { from: string; to: string };

/** SQL conditions on a bill line `t` and its store `s` for the filters, with their parameters ($1 the company). */
export function lineFilterSql(orgId: string, period: Period, filters: Pick<ReportFilters, "store" | "platform">) {
  const params: unknown[] = [orgId, period.from, period.to];
  const where = [`t."orgId" = $1::uuid`, `t."occurredOn" >= $2::date`, `t."occurredOn" <= $3::date`];
  if (filters.store) {
    params.push(filters.store);
    where.push(`t."storeId" = $${params.length}::uuid`);
  }
  if (filters.platform) {
    params.push(filters.platform);
    where.push(`s.platform = $${params.length}::"Platform"`);
  }
  const from = `"SettlementLine" t JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId"`;
  return { from, where, params };
}

/**
 * SQL: the lines of fee line types whose words make them no fee (a reserve transfer …), as a
 * condition that leaves them out. The pairs (line type, memo) come from the aggregate the caller
 * classified; bound as two arrays.
 */
function notFeeExclusionSql(params: unknown[], notFee: readonly NotFeeMemo[]): string | null {
  if (notFee.length === 0) return null;
  params.push(notFee.map((pair) => pair.lineType), notFee.map((pair) => pair.memo ?? ""));
  const types = `$${params.length - 1}::text[]`;
  const memos = `$${params.length}::text[]`;
  return `(t."lineType"::text, COALESCE(t.memo, '')) NOT IN (SELECT * FROM unnest(${types}, ${memos}))`;
}

type NotFeeMemo = { lineType: SettlementLineType; memo: string | null };

type Aggregate = { storeId: string; month: string; lineType: SettlementLineType; memo: string | null; lines: bigint; amount: bigint };
type StoreFacts = { id: string; name: string; platform: Platform; currency: string; feeRateBps: number };

type StoreMonth = {
  storeId: string;
  month: string;
  sales: bigint;
  lines: bigint;
  fees: Map<FeeType, bigint>;
};

/** The period's bill lines summed by store, month, line type and memo (sales by store and month). */
async function aggregateLines(tx: Tx, orgId: string, period: Period, filters: ReportFilters): Promise<Aggregate[]> {
  const { from, where, params } = lineFilterSql(orgId, period, filters);
  return tx.$queryRawUnsafe<Aggregate[]>(
    `SELECT t."storeId", to_char(t."occurredOn", 'YYYY-MM') AS month, t."lineType", CASE WHEN t."lineType" = 'SALE' THEN NULL ELSE t.memo END AS memo,
            count(*)::bigint AS lines, SUM(t."amountMinor")::bigint AS amount
       FROM ${from}
      WHERE ${where.join(" AND ")} AND t."lineType" IN ('SALE', ${FEE_LINE_LIST})
      GROUP BY 1, 2, 3, 4`,
    ...params,
  );
}

function isFeeLineType(lineType: SettlementLineType): boolean {
  return FEE_LINE_TYPES.includes(lineType);
}

/** Folds the aggregate into store-months, and lists the memos of fee line types that are no fee. */
function foldStoreMonths(aggregates: readonly Aggregate[]): { storeMonths: StoreMonth[]; notFee: NotFeeMemo[] } {
  const byKey = new Map<string, StoreMonth>();
  const notFee = new Map<string, NotFeeMemo>();
  for (const row of aggregates) {
    const key = `${row.storeId} ${row.month}`;
    let storeMonth = byKey.get(key);
    if (!storeMonth) byKey.set(key, (storeMonth = { storeId: row.storeId, month: row.month, sales: 0n, lines: 0n, fees: new Map() }));
    if (row.lineType === "SALE") {
      storeMonth.sales += row.amount;
      continue;
    }
    if (!isFeeLineType(row.lineType)) continue;
    const type = classifyFee({ lineType: row.lineType, text: row.memo });
    if (!type) {
      notFee.set(`${row.lineType} ${row.memo ?? ""}`, { lineType: row.lineType, memo: row.memo });
      continue;
    }
    storeMonth.lines += row.lines;
    storeMonth.fees.set(type, (storeMonth.fees.get(type) ?? 0n) - row.amount);
  }
  return { storeMonths: [...byKey.values()], notFee: [...notFee.values()] };
}

async function loadStores(tx: Tx, orgId: string): Promise<Map<string, StoreFacts>> {
  const stores = await tx.store.findMany({ where: { orgId }, select: { id: true, name: true, platform: true, currency: true, feeRateBps: true } });
  return new Map(stores.map((store) => [store.id, store]));
}


/** round-half-away-from-zero of amount × bps / 10 000, in integers (what the contract allows on `amount`). */
export function contractedMinor(amount: bigint, bps: number): bigint {
  const product = amount * BigInt(bps);
  const half = product < 0n ? -5000n : 5000n;
  return (product + half) / 10_000n;
}

const feeKey = (type: FeeType) => `fee_${type}`;
const rateKey = (type: FeeType) => `rate_${type}`;

function columnsFor(types: readonly FeeType[]): ReportColumn[] {
  const money = (key: string, label: string): ReportColumn => ({ key, label, type: "money", currencyKey: "currency" });
  const percent = (key: string, label: string): ReportColumn => ({ key, label, type: "percent" });
  return [
    { key: "month", label: "reports.fees.columns.month", type: "text" },
    { key: "store", label: "reports.fees.columns.store", type: "text" },
    { key: "platform", label: "reports.fees.columns.platform", type: "text", codes: "platforms" },
    money("sales", "reports.fees.columns.sales"),
    ...types.flatMap((type) => [money(feeKey(type), `reports.feeTypes.${type}`), percent(rateKey(type), `reports.fees.rateColumns.${type}`)]),
    { key: "lines", label: "reports.fees.columns.lines", type: "integer" },
    money("totalFees", "reports.fees.columns.totalFees"),
    percent("totalRate", "reports.fees.columns.totalRate"),
    money("commissionLike", "reports.fees.columns.commissionLike"),
    percent("commissionRate", "reports.fees.columns.commissionRate"),
    percent("contractRate", "reports.fees.columns.contractRate"),
    percent("rateDifference", "reports.fees.columns.rateDifference"),
    money("aboveContract", "reports.fees.columns.aboveContract"),
  ];
}

/** The figures of one row (or of the 合计 from summed parts), rates recomputed from the sums. */
function figures(types: readonly FeeType[], sales: bigint, lines: bigint, fees: ReadonlyMap<FeeType, bigint>): ReportRow {
  const row: ReportRow = { sales, lines };
  let total = 0n;
  let commissionLike = 0n;
  for (const type of types) {
    const amount = fees.get(type) ?? 0n;
    row[feeKey(type)] = amount;
    row[rateKey(type)] = ratio(amount, sales);
    total += amount;
    if (COMMISSION_LIKE_FEE_TYPES.includes(type)) commissionLike += amount;
  }
  row.totalFees = total;
  row.totalRate = ratio(total, sales);
  row.commissionLike = commissionLike;
  row.commissionRate = ratio(commissionLike, sales);
  return row;
}

async function run(tx: Tx, scope: ReportScope, filters: ReportFilters): Promise<ReportResult> {
  const period = { from: filters.from, to: filters.to };
  const [aggregates, stores] = await Promise.all([aggregateLines(tx, scope.orgId, period, filters), loadStores(tx, scope.orgId)]);
  const { storeMonths, notFee } = foldStoreMonths(aggregates);
  const present = new Set(storeMonths.flatMap((storeMonth) => [...storeMonth.fees.keys()]));
  const types = FEE_TYPES.filter((type) => present.has(type));

  const kept = storeMonths
    .filter((storeMonth) => storeMonth.sales !== 0n || storeMonth.lines > 0n)
    .map((storeMonth) => ({ storeMonth, store: stores.get(storeMonth.storeId)! }))
    .sort((a, b) => a.storeMonth.month.localeCompare(b.storeMonth.month) || a.store.name.localeCompare(b.store.name, "zh-CN"));

  const totalFees = new Map<FeeType, bigint>();
  let totalSales = 0n;
  let totalLines = 0n;
  let totalAbove = 0n;
  const rows: ReportRow[] = kept.map(({ storeMonth, store }) => {
    const row = figures(types, storeMonth.sales, storeMonth.lines, storeMonth.fees);
    const bps = store.feeRateBps;
    const above = bps > 0 ? (row.commissionLike as bigint) - contractedMinor(storeMonth.sales, bps) : null;
    totalSales += storeMonth.sales;
    totalLines += storeMonth.lines;
    totalAbove += above ?? 0n;
    for (const [type, amount] of storeMonth.fees) totalFees.set(type, (totalFees.get(type) ?? 0n) + amount);
    const contractRate = bps > 0 ? bps / 10_000 : null;
    const commissionRate = row.commissionRate as number | null;
    return {
      month: storeMonth.month,
      store: store.name,
      platform: store.platform,
      currency: store.currency,
      ...row,
      contractRate,
      rateDifference: contractRate !== null && commissionRate !== null ? commissionRate - contractRate : null,
      aboveContract: above,
    };
  });
  const totals: ReportRow = { ...figures(types, totalSales, totalLines, totalFees), aboveContract: totalAbove };
  const currencies = new Set(kept.map(({ store }) => store.currency));
  if (currencies.size === 1) totals.currency = [...currencies][0]!;

  const notes: ReportNote[] = [{ key: "reports.fees.notes.basis" }, { key: "reports.fees.notes.sign" }, { key: "reports.fees.notes.contract" }];
  if (currencies.size > 1) notes.push({ key: "reports.fees.notes.currencies" });
  notes.push(...(await topOrderNotes(tx, scope.orgId, period, filters, notFee, stores)));
  notes.push({ key: "reports.fees.notes.wallets" });
  return {
    columns: columnsFor(types),
    rows,
    totals,
    drill: kept.map(({ storeMonth }) => ({ store: storeMonth.storeId, month: storeMonth.month })),
    notes,
  };
}

/** The orders of the period with the highest fees on their sales (both from their bill lines). */
async function topOrderNotes(tx: Tx, orgId: string, period: Period, filters: ReportFilters, notFee: readonly NotFeeMemo[], stores: Map<string, StoreFacts>): Promise<ReportNote[]> {
  const { from, where, params } = lineFilterSql(orgId, period, filters);
  const exclusion = notFeeExclusionSql(params, notFee);
  const feeLine = `t."lineType" IN (${FEE_LINE_LIST})${exclusion ? ` AND ${exclusion}` : ""}`;
  const top = await tx.$queryRawUnsafe<{ storeId: string; orderNo: string; sales: bigint; fees: bigint }[]>(
    `SELECT o."storeId", o."orderNo", o.sales, o.fees FROM (
       SELECT t."storeId", t."orderNo",
              COALESCE(SUM(t."amountMinor") FILTER (WHERE t."lineType" = 'SALE'), 0)::bigint AS sales,
              (-COALESCE(SUM(t."amountMinor") FILTER (WHERE ${feeLine}), 0))::bigint AS fees
         FROM ${from}
        WHERE ${where.join(" AND ")} AND t."orderNo" IS NOT NULL AND t."lineType" IN ('SALE', ${FEE_LINE_LIST})
        GROUP BY t."storeId", t."orderNo") o
      WHERE o.sales > 0 AND o.fees > 0
      ORDER BY o.fees::numeric / o.sales DESC, o.fees DESC, o."orderNo"
      LIMIT ${TOP_FEE_RATE_ORDERS}`,
    ...params,
  );
  if (top.length === 0) return [];
  return [
    { key: "reports.fees.notes.topOrdersTitle", values: { count: top.length } },
    ...top.map((order, index) => {
      const store = stores.get(order.storeId)!;
      return {
        key: "reports.fees.notes.topOrder",
        values: {
          rank: index + 1,
          store: store.name,
          orderNo: order.orderNo,
          rate: Number(order.fees) / Number(order.sales),
          // Printed as text ("20.61"): a note's message has no number format of its own.
          ratePercent: ((Number(order.fees) / Number(order.sales)) * 100).toFixed(2),
        },
        money: { fees: { minor: order.fees, currency: store.currency }, sales: { minor: order.sales, currency: store.currency } },
      };
    }),
  ];
}

const DRILL_COLUMNS: ReportColumn[] = [
  { key: "day", label: "reports.fees.drill.day", type: "date" },
  { key: "orderNo", label: "reports.fees.drill.orderNo", type: "text" },
  { key: "feeType", label: "reports.fees.drill.feeType", type: "text", codes: "reports.feeTypes" },
  { key: "description", label: "reports.fees.drill.description", type: "text" },
  { key: "amount", label: "reports.fees.drill.amount", type: "money", currencyKey: "currency" },
  { key: "file", label: "reports.fees.drill.file", type: "text" },
  { key: "sourceRow", label: "reports.fees.drill.sourceRow", type: "integer" },
];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The drill-down key of a row (store, month), or INVALID: never widened to more lines. */
function parseFeeDrillKey(key: DrillKey): { store: string; month: string } {
  const { store, month } = key;
  if (!store || !month || !UUID.test(store) || !MONTH.test(month) || Object.keys(key).length !== 2) throw new AppError("INVALID");
  return { store, month };
}

/** The period's part of one month. */
function monthWithin(period: Period, month: string): Period | null {
  const { first, last } = monthBounds(month);
  const from = period.from > first ? period.from : first;
  const to = period.to < last ? period.to : last;
  return from <= to ? { from, to } : null;
}

async function drill(tx: Tx, scope: ReportScope, filters: ReportFilters, key: DrillKey, page: DrillPage): Promise<DrillResult> {
  const { store, month } = parseFeeDrillKey(key);
  const period = monthWithin(filters, month);
  if (!period || (filters.store && filters.store !== store)) return { columns: DRILL_COLUMNS, rows: [], totals: { amount: 0n }, count: 0 };
  const narrowed = { ...filters, store };
  // The same classification as the row: the store-month's memos that are no fee are left out.
  const { notFee } = foldStoreMonths(await aggregateLines(tx, scope.orgId, period, narrowed));
  const { from, where, params } = lineFilterSql(scope.orgId, period, narrowed);
  const exclusion = notFeeExclusionSql(params, notFee);
  const conditions = [...where, `t."lineType" IN (${FEE_LINE_LIST})`, ...(exclusion ? [exclusion] : [])].join(" AND ");
  const [sums] = await tx.$queryRawUnsafe<{ count: bigint; amount: bigint | null; currency: string | null }[]>(
    `SELECT count(*)::bigint AS count, (-SUM(t."amountMinor"))::bigint AS amount, min(s.currency) AS currency FROM ${from} WHERE ${conditions}`,
    ...params,
  );
  params.push(page.limit, page.offset);
  const lines = await tx.$queryRawUnsafe<{ day: string; orderNo: string | null; lineType: SettlementLineType; memo: string | null; reference: string | null; amount: bigint; currency: string; file: string | null; sourceRow: number }[]>(
    `SELECT to_char(t."occurredOn", 'YYYY-MM-DD') AS day, t."orderNo", t."lineType", t.memo, t.reference, (-t."amountMinor")::bigint AS amount, t.currency, b."fileName" AS file, t."sourceRow"
       FROM ${from} LEFT JOIN "ImportBatch" b ON b."orgId" = t."orgId" AND b.id = t."batchId"
      WHERE ${conditions}
      ORDER BY t."occurredOn", t.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    ...params,
  );
  const rows: ReportRow[] = lines.map((line) => ({
    day: line.day,
    orderNo: line.orderNo,
    feeType: classifyFee({ lineType: line.lineType, text: line.memo }),
    description: line.memo ?? line.reference,
    amount: line.amount,
    currency: line.currency,
    file: line.file,
    sourceRow: BigInt(line.sourceRow),
  }));
  const totals: ReportRow = { amount: sums?.amount ?? 0n };
  if (sums?.currency) totals.currency = sums.currency;
  return { columns: DRILL_COLUMNS, rows, totals, count: Number(sums?.count ?? 0n) };
}

export const feeAnalysisReport: StandardReport = { filters: ["store", "platform"], run, drill };
