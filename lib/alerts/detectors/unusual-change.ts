// UNUSUAL_CHANGE (异常波动): a store's day far outside its recent range — its sales (orders by their
// business day, from the receivables cube), refunds (REFUND bill lines by their day) or fees (fee
// bill lines by their day) above `factorPct` % of, or below 100/factor of, the median of the
// `windowDays` days before, when the day differs from that median by at least `minAmountMinor`.
// Cause `STORE:<storeId>:<measure>:<day>`.
//
// Why a median of a window: the generator and real shops spread orders evenly with busy and quiet
// days; the median of two weeks is what a normal day looks like, and one extreme day (the anomaly
// itself, a promotion) cannot move it. A measure is judged only where it is steady: data on at
// least two thirds of the window's days and a median above zero. A shop with a refund every few days
// has no "usual" refund day — one big refund there is REFUND_AFTER_SETTLEMENT's to report — and a
// store whose history begins inside the window (the first weeks after its first import) is not judged.
// Days judged: the LOOKBACK_DAYS before the as-of day (today is not over yet).
//
// Severity by the difference: HIGH from 10 × minAmountMinor, MEDIUM from 2 ×, LOW below.
//
// Queries: the daily sums (the cube for sales: a few thousand rows; one grouped pass over the bill
// lines of the period for refunds and fees), the medians here; then, only when something fired, the
// refs of the days that fired (one query per measure for all of them).
import type { AlertSeverity } from "../alert-types";
import type { AlertDetector } from "../alert-detector";
import type { AlertFinding } from "../alert-finding";
import type { Tx } from "@/lib/db/client";
import { FEE_LINE_TYPES } from "@/lib/fees/fee-types";
import { orderBusinessDaySql } from "@/lib/ledger/business-day";
import { refJsonSql, refsAggSql, refsOf } from "./ref-sql";
import { addDays, median } from "./robust-stats";

export const UNUSUAL_MEASURES = ["SALES", "REFUNDS", "FEES"] as const;
export type UnusualMeasure = (typeof UNUSUAL_MEASURES)[number];

/** Days before the as-of day that are judged. */
export const LOOKBACK_DAYS = 35;

const FEE_LINE_LIST = FEE_LINE_TYPES.map((type) => `'${type}'`).join(", ");

export type DaySeries = ReadonlyMap<string, bigint>;

export type UnusualDay = { day: string; amount: bigint; median: bigint; direction: "UP" | "DOWN" };

/**
 * The days of one store's measure in [from, to] that are far outside the median of the `windowDays`
 * before them (missing days count as zero). Pure: the detector's rule, tested on its own.
 */
export function unusualDays(series: DaySeries, from: string, to: string, windowDays: number, factorPct: number, minAmountMinor: bigint): UnusualDay[] {
  const found: UnusualDay[] = [];
  const needed = Math.ceil((windowDays * 2) / 3);
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const window: number[] = [];
    let withData = 0;
    for (let back = 1; back <= windowDays; back++) {
      const value = series.get(addDays(day, -back));
      if (value !== undefined) withData++;
      window.push(Number(value ?? 0n));
    }
    if (windowDays === 0 || withData < needed) continue;
    const middle = median(window);
    if (middle === null || middle <= 0) continue;
    const usual = BigInt(Math.round(middle));
    const amount = series.get(day) ?? 0n;
    const factor = BigInt(factorPct);
    if (amount * 100n > usual * factor && amount - usual >= minAmountMinor) found.push({ day, amount, median: usual, direction: "UP" });
    else if (amount * factor < usual * 100n && usual - amount >= minAmountMinor) found.push({ day, amount, median: usual, direction: "DOWN" });
  }
  return found;
}

export function unusualSeverity(differenceMinor: bigint, minAmountMinor: bigint): AlertSeverity {
  if (minAmountMinor > 0n && differenceMinor >= 10n * minAmountMinor) return "HIGH";
  if (minAmountMinor > 0n && differenceMinor >= 2n * minAmountMinor) return "MEDIUM";
  return "LOW";
}

type DailyRow = { storeId: string; measure: UnusualMeasure; day: string; amount: bigint };

async function dailySums(tx: Tx, orgId: string, from: string, to: string): Promise<DailyRow[]> {
  return tx.$queryRawUnsafe<DailyRow[]>(
    `SELECT c."storeId"::text AS "storeId", 'SALES' AS measure, to_char(c.day, 'YYYY-MM-DD') AS day, sum(c."paidMinor")::bigint AS amount
       FROM "ReceivableCube" c
      WHERE c."orgId" = $1::uuid AND c.day BETWEEN $2::date AND $3::date
      GROUP BY c."storeId", c.day
     UNION ALL
     SELECT t."storeId"::text, CASE WHEN t."lineType" = 'REFUND' THEN 'REFUNDS' ELSE 'FEES' END, to_char(t."occurredOn", 'YYYY-MM-DD'), (-sum(t."amountMinor"))::bigint
       FROM "SettlementLine" t
      WHERE t."orgId" = $1::uuid AND t."occurredOn" BETWEEN $2::date AND $3::date AND t."lineType" IN ('REFUND', ${FEE_LINE_LIST})
      GROUP BY t."storeId", 2, t."occurredOn"`,
    orgId,
    from,
    to,
  );
}

type RefRow = { storeId: string; day: string; rows: number; refs: unknown };

/** The refs of the days that fired, per measure: the day's orders (sales) or lines (refunds, fees), largest first. */
async function refsOfDays(tx: Tx, orgId: string, measure: UnusualMeasure, days: readonly { storeId: string; day: string }[]): Promise<Map<string, RefRow>> {
  if (days.length === 0) return new Map();
  const stores = days.map((d) => d.storeId);
  const dates = days.map((d) => d.day);
  const rows =
    measure === "SALES"
      ? await tx.$queryRawUnsafe<RefRow[]>(
          `SELECT o."storeId"::text AS "storeId", to_char(${orderBusinessDaySql("o")}::date, 'YYYY-MM-DD') AS day, count(*)::int AS rows,
                  ${refsAggSql(refJsonSql("ORDER", "o", "b", `o."orderNo"`), `o."paidAmountMinor" DESC, o.id`)} AS refs
             FROM "Order" o
             JOIN unnest($2::uuid[], $3::date[]) AS p(store, day) ON o."storeId" = p.store AND ${orderBusinessDaySql("o")}::date = p.day
             LEFT JOIN "ImportBatch" b ON b."orgId" = $1::uuid AND b.id = o."batchId"
            WHERE o."orgId" = $1::uuid
            GROUP BY o."storeId", 2`,
          orgId,
          stores,
          dates,
        )
      : await tx.$queryRawUnsafe<RefRow[]>(
          `SELECT t."storeId"::text AS "storeId", to_char(t."occurredOn", 'YYYY-MM-DD') AS day, count(*)::int AS rows,
                  ${refsAggSql(refJsonSql("SETTLEMENT", "t", "b", `COALESCE(t."orderNo", t.reference)`), `abs(t."amountMinor") DESC, t.id`)} AS refs
             FROM "SettlementLine" t
             JOIN unnest($2::uuid[], $3::date[]) AS p(store, day) ON t."storeId" = p.store AND t."occurredOn" = p.day
             LEFT JOIN "ImportBatch" b ON b."orgId" = $1::uuid AND b.id = t."batchId"
            WHERE t."orgId" = $1::uuid AND ${measure === "REFUNDS" ? `t."lineType" = 'REFUND'` : `t."lineType" IN (${FEE_LINE_LIST})`}
            GROUP BY t."storeId", t."occurredOn"`,
          orgId,
          stores,
          dates,
        );
  return new Map(rows.map((row) => [`${row.storeId} ${row.day}`, row]));
}

export const unusualChangeDetector: AlertDetector<"UNUSUAL_CHANGE"> = {
  type: "UNUSUAL_CHANGE",
  async detect(tx, { orgId, asOf, thresholds }) {
    const to = addDays(asOf, -1);
    const judgedFrom = addDays(asOf, -LOOKBACK_DAYS);
    const from = addDays(judgedFrom, -thresholds.windowDays);
    const [daily, stores] = await Promise.all([dailySums(tx, orgId, from, to), tx.store.findMany({ where: { orgId }, select: { id: true, name: true, currency: true } })]);
    const series = new Map<string, Map<string, bigint>>();
    for (const row of daily) {
      const key = `${row.storeId} ${row.measure}`;
      if (!series.has(key)) series.set(key, new Map());
      series.get(key)!.set(row.day, row.amount);
    }
    const minAmount = BigInt(thresholds.minAmountMinor);
    const fired: { storeId: string; measure: UnusualMeasure; found: UnusualDay }[] = [];
    for (const [key, days] of series) {
      const [storeId, measure] = key.split(" ") as [string, UnusualMeasure];
      for (const found of unusualDays(days, judgedFrom, to, thresholds.windowDays, thresholds.factorPct, minAmount)) fired.push({ storeId, measure, found });
    }
    if (fired.length === 0) return [];
    const refsByMeasure = new Map<UnusualMeasure, Map<string, RefRow>>();
    for (const measure of UNUSUAL_MEASURES) {
      const days = fired.filter((f) => f.measure === measure).map((f) => ({ storeId: f.storeId, day: f.found.day }));
      refsByMeasure.set(measure, await refsOfDays(tx, orgId, measure, days));
    }
    const storeById = new Map(stores.map((store) => [store.id, store]));
    return fired.map(({ storeId, measure, found }): AlertFinding => {
      const difference = found.amount > found.median ? found.amount - found.median : found.median - found.amount;
      const refRow = refsByMeasure.get(measure)!.get(`${storeId} ${found.day}`);
      const store = storeById.get(storeId);
      return {
        type: "UNUSUAL_CHANGE",
        causeKey: `STORE:${storeId}:${measure}:${found.day}`,
        severity: unusualSeverity(difference, minAmount),
        amountMinor: difference,
        currency: store?.currency ?? "CNY",
        storeId,
        fundAccountId: null,
        day: found.day,
        refs: refsOf(refRow?.refs ?? null),
        facts: {
          storeName: store?.name ?? "",
          measure,
          direction: found.direction,
          day: found.day,
          dayMinor: found.amount.toString(),
          medianMinor: found.median.toString(),
          windowDays: thresholds.windowDays,
          factorPct: thresholds.factorPct,
          amountMinor: difference.toString(),
          rows: refRow?.rows ?? 0,
          file: refsOf(refRow?.refs ?? null)[0]?.file ?? "",
        },
      };
    });
  },
};
