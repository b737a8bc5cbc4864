// FEE_RATE_HIGH (费率异常): a platform's commission (佣金 / 技术服务费) on a store's sales above what the
// store should pay, per store-month and per order.
//
// What is compared: the fee types the contracted rate (Store.feeRateBps) speaks of —
// COMMISSION_LIKE_FEE_TYPES of lib/fees/fee-types.ts — each on its own; affiliate commission
// (淘宝客, 多多进宝), payment fees, advertising are other costs with their own rates and are left out,
// so a 20 % 多多进宝 order does not fire. Fees and sales come from the platform's own lines:
//   - bill lines (SettlementLine): an order's commission-like lines against its SALE lines;
//   - wallet rows (支付宝 账务明细 …, fund accounts that are not banks): a trade's (secondaryReference)
//     commission-like rows against its positive rows; the store is the order's named in the fee's
//     memo ("…扣款[订单号]"), else the wallet stands for it.
// A line's fee type is fee-types.ts's classifier, run once per distinct memo shape (the memo up to
// its first "[", which is where the order number starts), not once per line.
//
// The limit: the contracted rate + `toleranceBps`; a store without a contracted rate (0) is held to
// `learnedFactorPct` % of its usual rate, learned robustly (one outlier month or order cannot move
// it): a month against the median of its earlier months' rates (no history: not judged); an order
// against the 90th percentile of order rates — the median over earlier months of each month's,
// or its own month's without history (a store selling several categories pays several rates).
// A store-month fires when its fee / sales exceed the limit (cause `STORE:<id>:<month>:<feeType>`);
// an order fires alone when its fees are at least `minFeeMinor` and its rate exceeds its
// store-month's limit (cause `ORDER:<store or account id>:<orderNo>:<feeType>`).
// The money at stake is what was charged above the limit's base rate (contract or usual rate).
//
// Severity by that excess: HIGH from ¥10,000, MEDIUM from ¥1,000, LOW below.
//
// Two queries: the distinct memo shapes of fee lines (hashed), then one pass that sums fees and
// sales per order and returns the store-month sums and medians plus the few orders with fees of at
// least minFeeMinor; limits and comparisons are done here on those small results, then the fired
// orders' fee lines are looked up by id for their refs. A month alert names no rows (facts.orders
// says how many orders it covers): its cause is the whole month, not a line.
import type { AlertSeverity } from "../alert-types";
import type { AlertDetector } from "../alert-detector";
import type { AlertFinding } from "../alert-finding";
import { classifyFee, COMMISSION_LIKE_FEE_TYPES, FEE_LINE_TYPES, type FeeType } from "@/lib/fees/fee-types";
import type { SettlementLineType } from "@/lib/db/generated/enums";
import { MAX_ALERT_REFS } from "../alert-refs";
import { refJsonSql, refsOf } from "./ref-sql";
import { median, usualFromHistory } from "./robust-stats";

const FEE_LINE_LIST = FEE_LINE_TYPES.map((type) => `'${type}'`).join(", ");
/**
 * Months of lines read and judged: the as-of month and the one before it (a month's fees are billed
 * up to weeks after its orders). Older months are not read again at every computation: over a
 * million orders a month each month read costs seconds. The usual rate of a store without a
 * contract is learned within these months (the month before teaches the as-of month).
 */
const HISTORY_MONTHS = 1;

export function feeSeverity(excessMinor: bigint): AlertSeverity {
  if (excessMinor >= 1_000_000n) return "HIGH";
  if (excessMinor >= 100_000n) return "MEDIUM";
  return "LOW";
}

/** The round-half-up minor units of `amount × bps / 10 000`, in integers. */
function ofRate(amount: bigint, bps: number): bigint {
  return (amount * BigInt(Math.round(bps * 100)) + 500_000n) / 1_000_000n;
}

type Shape = { src: "S" | "W"; lineType: string | null; shape: string };
type Classified = { src: "S" | "W"; lineType: string | null; shape: string; feeType: FeeType };

type SumRow = {
  kind: "MONTH" | "ORDER";
  storeId: string | null;
  accountId: string | null;
  month: string;
  feeType: FeeType;
  orderNo: string | null;
  fee: bigint;
  sale: bigint;
  orders: number;
  /** The 90th percentile of the month's order rates (bps): what an order of this store usually pays at most. */
  orderUsualBps: number | null;
  currency: string;
  day: string;
  side: "SETTLEMENT" | "BANK" | null;
  lineIds: string[] | null;
};

async function commissionShapes(tx: Parameters<AlertDetector["detect"]>[0], orgId: string, from: string): Promise<Classified[]> {
  const shapes = await tx.$queryRawUnsafe<Shape[]>(
    `SELECT 'S' AS src, t."lineType"::text AS "lineType", split_part(COALESCE(t.memo, ''), '[', 1) AS shape
       FROM "SettlementLine" t
      WHERE t."orgId" = $1::uuid AND t."lineType" IN (${FEE_LINE_LIST}) AND t."occurredOn" >= $2::date
      GROUP BY 2, 3
     UNION ALL
     SELECT 'W', NULL, split_part(COALESCE(w.memo, ''), '[', 1)
       FROM "BankTransaction" w JOIN "FundAccount" f ON f."orgId" = $1::uuid AND f.id = w."fundAccountId" AND f.type <> 'BANK'
      WHERE w."orgId" = $1::uuid AND w."amountMinor" < 0 AND w."secondaryReference" IS NOT NULL AND w."occurredOn" >= $2::date
      GROUP BY 3`,
    orgId,
    from,
  );
  const classified: Classified[] = [];
  for (const shape of shapes) {
    const feeType = classifyFee({ lineType: shape.lineType as SettlementLineType | null, text: shape.shape });
    if (feeType && COMMISSION_LIKE_FEE_TYPES.includes(feeType)) classified.push({ ...shape, feeType });
  }
  return classified;
}

const SUMS_SQL = `
  WITH cls AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS c(src text, "lineType" text, shape text, "feeType" text)
  ), s_fee AS (
    SELECT t."storeId", t."orderNo", c."feeType", t.id, t."sourceRow", t."batchId", -t."amountMinor" AS fee, t."occurredOn" AS day, t.currency
      FROM "SettlementLine" t JOIN cls c ON c.src = 'S' AND c."lineType" = t."lineType"::text AND c.shape = split_part(COALESCE(t.memo, ''), '[', 1)
     WHERE t."orgId" = $1::uuid AND t."lineType" IN (${FEE_LINE_LIST}) AND t."orderNo" IS NOT NULL AND t."occurredOn" >= $3::date
  ), s_sale AS (
    SELECT t."storeId", t."orderNo", sum(t."amountMinor") AS sale
      FROM "SettlementLine" t
     WHERE t."orgId" = $1::uuid AND t."lineType" = 'SALE' AND t."orderNo" IS NOT NULL AND t."occurredOn" >= $3::date - 62
     GROUP BY 1, 2
  ), w_fee AS (
    SELECT w."fundAccountId", w."secondaryReference" AS trade, NULLIF(split_part(split_part(w.memo, '[', 2), ']', 1), '') AS "orderNo", c."feeType",
           w.id, w."sourceRow", w."batchId", -w."amountMinor" AS fee, w."occurredOn" AS day, w.currency
      FROM "BankTransaction" w
      JOIN "FundAccount" f ON f."orgId" = $1::uuid AND f.id = w."fundAccountId" AND f.type <> 'BANK'
      JOIN cls c ON c.src = 'W' AND c.shape = split_part(COALESCE(w.memo, ''), '[', 1)
     WHERE w."orgId" = $1::uuid AND w."amountMinor" < 0 AND w."secondaryReference" IS NOT NULL AND w."occurredOn" >= $3::date
  ), w_sale AS (
    SELECT w."fundAccountId", w."secondaryReference" AS trade, sum(w."amountMinor") AS sale
      FROM "BankTransaction" w JOIN "FundAccount" f ON f."orgId" = $1::uuid AND f.id = w."fundAccountId" AND f.type <> 'BANK'
     WHERE w."orgId" = $1::uuid AND w."amountMinor" > 0 AND w."secondaryReference" IS NOT NULL AND w."occurredOn" >= $3::date - 62
     GROUP BY 1, 2
  ), w_store AS (
    SELECT btrim(o."orderNo") AS "orderNo", min(o."storeId"::text)::uuid AS "storeId"
      FROM "Order" o WHERE o."orgId" = $1::uuid AND btrim(o."orderNo") IN (SELECT "orderNo" FROM w_fee)
     GROUP BY 1
  ), account_store AS (
    -- A wallet that only one store's orders name speaks for that store, also for the orders its
    -- exports do not hold (placed before the first export, settled in it).
    SELECT f."fundAccountId", min(ws."storeId"::text)::uuid AS "storeId"
      FROM w_fee f JOIN w_store ws ON ws."orderNo" = f."orderNo"
     GROUP BY 1 HAVING count(DISTINCT ws."storeId") = 1
  ), per_order AS (
    SELECT f."storeId", NULL::uuid AS "accountId", f."orderNo", f."feeType", min(f.day) AS day, sum(f.fee) AS fee,
           COALESCE(max(ss.sale), 0) AS sale, min(f.currency) AS currency, 'SETTLEMENT' AS side, array_agg(f.id) AS "lineIds"
      FROM s_fee f
      LEFT JOIN s_sale ss ON ss."storeId" = f."storeId" AND ss."orderNo" = f."orderNo"
     GROUP BY f."storeId", f."orderNo", f."feeType"
    UNION ALL
    SELECT COALESCE(ws."storeId", ast."storeId"), f."fundAccountId", COALESCE(min(f."orderNo"), f.trade), f."feeType", min(f.day), sum(f.fee),
           COALESCE(max(sa.sale), 0), min(f.currency), 'BANK', array_agg(f.id)
      FROM w_fee f
      LEFT JOIN w_sale sa ON sa."fundAccountId" = f."fundAccountId" AND sa.trade = f.trade
      LEFT JOIN w_store ws ON ws."orderNo" = f."orderNo"
      LEFT JOIN account_store ast ON ast."fundAccountId" = f."fundAccountId"
     GROUP BY COALESCE(ws."storeId", ast."storeId"), f."fundAccountId", f.trade, f."feeType"
  )
  SELECT 'MONTH' AS kind, p."storeId"::text AS "storeId", (CASE WHEN p."storeId" IS NULL THEN p."accountId" END)::text AS "accountId",
         to_char(p.day, 'YYYY-MM') AS month, p."feeType",
         NULL::text AS "orderNo", sum(p.fee)::bigint AS fee, sum(p.sale)::bigint AS sale, count(*)::int AS orders,
         (percentile_cont(0.9) WITHIN GROUP (ORDER BY p.fee::numeric * 10000 / p.sale) FILTER (WHERE p.sale > 0))::float8 AS "orderUsualBps",
         min(p.currency) AS currency, to_char(max(p.day), 'YYYY-MM-DD') AS day, NULL::text AS side, NULL::text[] AS "lineIds"
    FROM per_order p
   GROUP BY p."storeId", CASE WHEN p."storeId" IS NULL THEN p."accountId" END, to_char(p.day, 'YYYY-MM'), p."feeType"
  UNION ALL
  SELECT 'ORDER', p."storeId"::text, p."accountId"::text, to_char(p.day, 'YYYY-MM'), p."feeType", p."orderNo", p.fee::bigint, p.sale::bigint, 1,
         NULL, p.currency, to_char(p.day, 'YYYY-MM-DD'), p.side, p."lineIds"::text[]
    FROM per_order p
   WHERE p.fee >= $4::bigint AND p.day >= $5::date`;

/** The refs of the fee lines of the orders that fired (a few): looked up by id. */
const LINE_REFS_SQL = `
  SELECT t.id::text AS id, ${refJsonSql("SETTLEMENT", "t", "b", `t."orderNo"`)} AS ref
    FROM "SettlementLine" t LEFT JOIN "ImportBatch" b ON b."orgId" = $1::uuid AND b.id = t."batchId"
   WHERE t."orgId" = $1::uuid AND t.id = ANY($2::bigint[])
  UNION ALL
  SELECT w.id::text, ${refJsonSql("BANK", "w", "b", `COALESCE(substring(w.memo from '\\[([^\\]\\[]+)\\]'), w."secondaryReference")`)}
    FROM "BankTransaction" w LEFT JOIN "ImportBatch" b ON b."orgId" = $1::uuid AND b.id = w."batchId"
   WHERE w."orgId" = $1::uuid AND w.id = ANY($3::bigint[])`;

type StoreFacts = { id: string; name: string; feeRateBps: number };

export const feeRateHighDetector: AlertDetector<"FEE_RATE_HIGH"> = {
  type: "FEE_RATE_HIGH",
  async detect(tx, { orgId, asOf, thresholds }) {
    const asOfMonthStart = `${asOf.slice(0, 7)}-01`;
    const historyStart = new Date(`${asOfMonthStart}T00:00:00Z`);
    historyStart.setUTCMonth(historyStart.getUTCMonth() - HISTORY_MONTHS);
    const from = historyStart.toISOString().slice(0, 10);
    const shapes = await commissionShapes(tx, orgId, from);
    if (shapes.length === 0) return [];
    const judgedFromDay = from;
    // Hash joins only: the planner, guessing how many rows the memo shapes and the per-order sums
    // yield (one, before statistics), would otherwise look rows up one by one — minutes at 40 000 orders.
    await tx.$executeRawUnsafe("SET LOCAL enable_nestloop = off");
    const rows = await tx.$queryRawUnsafe<SumRow[]>(SUMS_SQL, orgId, JSON.stringify(shapes), from, thresholds.minFeeMinor, judgedFromDay);
    await tx.$executeRawUnsafe("SET LOCAL enable_nestloop = on");
    const [stores, accounts] = await Promise.all([
      tx.store.findMany({ where: { orgId }, select: { id: true, name: true, feeRateBps: true } }),
      tx.fundAccount.findMany({ where: { orgId }, select: { id: true, name: true } }),
    ]);
    const storeById = new Map<string, StoreFacts>(stores.map((store) => [store.id, store]));
    const accountName = new Map(accounts.map((account) => [account.id, account.name]));
    const ledgerKey = (row: SumRow) => (row.storeId ? `STORE:${row.storeId}` : `ACCOUNT:${row.accountId}`);

    // What each ledger (store, else wallet) and fee type usually pays, per month: the month's rate
    // (fees / sales) for judging a month; for judging an order, the rate 90 % of its orders stay
    // within — a store selling in several categories pays several rates (天猫 2–5 %), and the median
    // order would make every order of its dearest category look overcharged.
    const monthRates = new Map<string, Map<string, number>>();
    const orderUsual = new Map<string, Map<string, number>>();
    const put = (maps: Map<string, Map<string, number>>, key: string, month: string, value: number) => {
      if (!maps.has(key)) maps.set(key, new Map());
      maps.get(key)!.set(month, value);
    };
    for (const row of rows) {
      if (row.kind !== "MONTH" || row.sale <= 0n) continue;
      const key = `${ledgerKey(row)} ${row.feeType}`;
      put(monthRates, key, row.month, (Number(row.fee) * 10_000) / Number(row.sale));
      if (row.orderUsualBps !== null) put(orderUsual, key, row.month, row.orderUsualBps);
    }
    const limitOf = (row: SumRow): { limitBps: number; baseBps: number; basis: "CONTRACT" | "LEARNED" } | null => {
      const contract = row.storeId ? (storeById.get(row.storeId)?.feeRateBps ?? 0) : 0;
      if (contract > 0) return { limitBps: contract + thresholds.toleranceBps, baseBps: contract, basis: "CONTRACT" };
      const key = `${ledgerKey(row)} ${row.feeType}`;
      // A month is judged against earlier months only (against itself it could never stand out); an
      // order against the usual order of earlier months, else of its own month.
      const usual =
        row.kind === "MONTH"
          ? median([...(monthRates.get(key) ?? new Map<string, number>()).entries()].filter(([month]) => month < row.month).map(([, rate]) => rate))
          : usualFromHistory(orderUsual.get(key) ?? new Map(), row.month);
      if (usual === null || usual <= 0) return null;
      return { limitBps: (usual * thresholds.learnedFactorPct) / 100, baseBps: usual, basis: "LEARNED" };
    };

    const fired: { finding: AlertFinding; row: SumRow }[] = [];
    for (const row of rows) {
      if (row.sale <= 0n || (row.kind === "MONTH" && `${row.month}-01` < judgedFromDay)) continue;
      const limit = limitOf(row);
      if (!limit) continue;
      // fee / sale > limit, in integers: fee × 10 000 > sale × limitBps (limitBps may be fractional when learned).
      if (Number(row.fee) * 10_000 <= Number(row.sale) * limit.limitBps) continue;
      const excess = row.fee - ofRate(row.sale, limit.baseBps);
      if (excess <= 0n) continue;
      const place = row.storeId ? (storeById.get(row.storeId)?.name ?? "") : (accountName.get(row.accountId ?? "") ?? "");
      const rateBps = Math.round((Number(row.fee) * 10_000) / Number(row.sale));
      const causeKey = row.kind === "MONTH" ? `${ledgerKey(row)}:${row.month}:${row.feeType}` : `ORDER:${row.storeId ?? row.accountId}:${row.orderNo}:${row.feeType}`;
      const finding: AlertFinding = {
        type: "FEE_RATE_HIGH",
        causeKey,
        severity: feeSeverity(excess),
        amountMinor: excess,
        currency: row.currency,
        storeId: row.storeId,
        fundAccountId: row.storeId ? null : row.accountId,
        day: row.kind === "ORDER" ? row.day : null,
        refs: [],
        facts: {
          scope: row.kind,
          place,
          month: row.month,
          orderNo: row.orderNo ?? "",
          feeType: row.feeType,
          basis: limit.basis,
          rateBps,
          limitBps: Math.round(limit.limitBps),
          feeMinor: row.fee.toString(),
          saleMinor: row.sale.toString(),
          amountMinor: excess.toString(),
          orders: row.orders,
          rows: row.kind === "ORDER" ? (row.lineIds?.length ?? 0) : row.orders,
          file: "",
          row: 0,
        },
      };
      fired.push({ finding, row });
    }
    // The fired orders' fee lines, looked up by id (a month names no single line: its facts say how many orders).
    const lineIds = (side: "SETTLEMENT" | "BANK") => fired.flatMap(({ row }) => (row.side === side ? (row.lineIds ?? []).slice(0, MAX_ALERT_REFS) : []));
    const settlementIds = lineIds("SETTLEMENT");
    const bankIds = lineIds("BANK");
    if (settlementIds.length + bankIds.length > 0) {
      const refRows = await tx.$queryRawUnsafe<{ id: string; ref: unknown }[]>(LINE_REFS_SQL, orgId, settlementIds, bankIds);
      // Keyed by side and id: a bill line and a wallet row may share an id number.
      const refById = new Map(refRows.map((r) => [`${(r.ref as { side: string }).side}:${r.id}`, r.ref]));
      for (const { finding, row } of fired) {
        if (!row.side) continue;
        const refs = (row.lineIds ?? []).slice(0, MAX_ALERT_REFS).map((id) => refById.get(`${row.side}:${id}`));
        finding.refs = refsOf(refs.filter((ref) => ref !== undefined));
        finding.facts.file = finding.refs[0]?.file ?? "";
        finding.facts.row = finding.refs[0]?.sourceRow ?? 0;
      }
    }
    return fired.map(({ finding }) => finding);
  },
};
