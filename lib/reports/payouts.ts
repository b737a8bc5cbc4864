// 结算明细 (payouts), like A2X's per-payout summary: each withdrawal or platform payout of the period
// with what it paid — the orders and bill lines, their sales, fees, refunds and the rest — the bank
// receipt it arrived as, and what is still in transit (withdrawn, in no bank receipt yet). Which rows
// are payouts and how they are followed: payouts-sql.ts. Everything is read from the counting
// groups, so a payout nobody has matched yet shows its amount as not traced. Following a month's
// payouts down to their orders takes seconds, so the receivables rebuild does it once per ledger
// change into ReportPayout (rollups/payout-rollup.ts, decision 0011): the report filters those rows,
// as fresh as the receivables (the page says); a drill-down follows its one payout in the ledger.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { PAYOUT_FOLLOW_CTE, payoutWordsOf, type PayoutWords } from "./payouts-sql";
import type { ReportFilters } from "./report-filters";
import type { DrillKey, DrillPage, DrillResult, ReportColumn, ReportResult, ReportRow } from "./report-result";
import type { ReportScope, StandardReport } from "./standard-report";

const label = (key: string) => `reports.payouts.columns.${key}`;
const money = (key: string): ReportColumn => ({ key, label: label(key), type: "money", currencyKey: "currency" });

const COLUMNS: ReportColumn[] = [
  { key: "day", label: label("day"), type: "date" },
  { key: "store", label: label("store"), type: "text" },
  { key: "platform", label: label("platform"), type: "text", codes: "platforms" },
  { key: "account", label: label("account"), type: "text" },
  { key: "reference", label: label("reference"), type: "text" },
  money("amount"),
  { key: "orders", label: label("orders"), type: "integer" },
  { key: "lines", label: label("lines"), type: "integer" },
  money("sales"),
  money("fees"),
  money("refunds"),
  money("other"),
  money("notTraced"),
  { key: "receivedOn", label: label("receivedOn"), type: "date" },
  money("received"),
  { key: "receivedAccount", label: label("receivedAccount"), type: "text" },
  money("kept"),
  money("inTransit"),
];

const SUMMED = ["amount", "orders", "lines", "sales", "fees", "refunds", "other", "notTraced", "received", "kept", "inTransit"] as const;

type PayoutRaw = {
  side: "SETTLEMENT" | "BANK";
  id: bigint;
  day: string;
  storeIds: string[];
  storeNames: string | null;
  platforms: string[];
  accountId: string | null;
  account: string | null;
  reference: string | null;
  currency: string;
  amount: bigint;
  orders: bigint;
  lines: bigint;
  sales: bigint;
  fees: bigint;
  refunds: bigint;
  other: bigint;
  receivedOn: string | null;
  received: bigint;
  receivedAccountId: string | null;
  receivedAccount: string | null;
  taken: bigint;
  detailRows: bigint;
};

// The rollup's payouts of the period. $1 org, $2 from, $3 to, $4 store, $5 platform, $6 account
// (each null when not filtered), $7 side and $8 id (one payout, for the drill-down) or null.
const PAYOUTS_SQL = `
  SELECT r.side::text AS side, r."payoutId" AS id, to_char(r.day, 'YYYY-MM-DD') AS day, r.reference, r.currency, r."amountMinor" AS amount,
         r.orders, r.lines, r."salesMinor" AS sales, r."feesMinor" AS fees, r."refundsMinor" AS refunds, r."otherMinor" AS other,
         to_char(r."receivedOn", 'YYYY-MM-DD') AS "receivedOn", r."receivedMinor" AS received, r."takenMinor" AS taken, r."detailRows",
         r."storeIds", r."accountId", r."receivedAccountId",
         (SELECT string_agg(s.name, '、' ORDER BY s.name) FROM "Store" s WHERE s."orgId" = $1 AND s.id = ANY(r."storeIds")) AS "storeNames",
         ARRAY(SELECT DISTINCT s.platform::text FROM "Store" s WHERE s."orgId" = $1 AND s.id = ANY(r."storeIds")) AS platforms,
         (SELECT f.name FROM "FundAccount" f WHERE f."orgId" = $1 AND f.id = r."accountId") AS account,
         (SELECT f.name FROM "FundAccount" f WHERE f."orgId" = $1 AND f.id = r."receivedAccountId") AS "receivedAccount"
    FROM "ReportPayout" r
   WHERE r."orgId" = $1 AND r.day BETWEEN $2::date AND $3::date
     AND ($4::uuid IS NULL OR $4::uuid = ANY(r."storeIds"))
     AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM "Store" s WHERE s."orgId" = $1 AND s.id = ANY(r."storeIds") AND s.platform::text = $5::text))
     AND ($6::uuid IS NULL OR r."accountId" = $6::uuid OR r."receivedAccountId" = $6::uuid)
     AND ($7::text IS NULL OR (r.side::text = $7::text AND r."payoutId" = $8::bigint))
   ORDER BY r.day, r.reference NULLS LAST, r.side, r."payoutId"`;

async function walletWords(tx: Tx, orgId: string): Promise<PayoutWords> {
  return payoutWordsOf(await getOrgRules(tx, orgId));
}

async function payoutRows(tx: Tx, scope: ReportScope, filters: ReportFilters, only: { side: string; id: string } | null): Promise<PayoutRaw[]> {
  return tx.$queryRawUnsafe<PayoutRaw[]>(
    PAYOUTS_SQL,
    scope.orgId, filters.from, filters.to, filters.store ?? null, filters.platform ?? null, filters.account ?? null, only?.side ?? null, only?.id ?? null,
  );
}

function rowOf(raw: PayoutRaw): ReportRow {
  const traced = raw.sales - raw.fees - raw.refunds + raw.other;
  return {
    day: raw.day,
    store: raw.storeNames,
    platform: raw.platforms.length === 1 ? raw.platforms[0]! : null,
    account: raw.account,
    reference: raw.reference,
    currency: raw.currency,
    amount: raw.amount,
    orders: raw.orders,
    lines: raw.lines,
    sales: raw.sales,
    fees: raw.fees,
    refunds: raw.refunds,
    other: raw.other,
    notTraced: raw.amount - traced,
    receivedOn: raw.receivedOn,
    received: raw.received,
    receivedAccount: raw.receivedAccount,
    // Kept back on the way to the bank (a transfer fee …): what the receipts took of the payout less what arrived.
    kept: raw.taken - raw.received,
    inTransit: raw.amount - raw.taken,
  };
}

async function run(tx: Tx, scope: ReportScope, filters: ReportFilters): Promise<ReportResult> {
  const raw = await payoutRows(tx, scope, filters, null);
  const rows = raw.map(rowOf);
  const currencies = new Set(raw.map((row) => row.currency));
  const totals: ReportRow = {};
  if (currencies.size <= 1) {
    for (const key of SUMMED) totals[key] = rows.reduce((sum, row) => sum + (row[key] as bigint), 0n);
    if (currencies.size === 1) totals.currency = raw[0]!.currency;
  } else {
    totals.orders = rows.reduce((sum, row) => sum + (row.orders as bigint), 0n);
    totals.lines = rows.reduce((sum, row) => sum + (row.lines as bigint), 0n);
  }
  const inTransit = rows.filter((row) => (row.inTransit as bigint) !== 0n).length;
  return {
    columns: COLUMNS,
    rows,
    totals,
    drill: raw.map((row) => ({ payout: `${row.side === "SETTLEMENT" ? "S" : "B"}:${row.id}` })),
    notes: [{ key: "reports.payouts.notes.sources" }, ...(inTransit > 0 ? [{ key: "reports.payouts.notes.inTransit", values: { count: inTransit } }] : [])],
  };
}

const DETAIL_COLUMNS: ReportColumn[] = [
  { key: "kind", label: label("kind"), type: "text", codes: "reports.payouts.kinds" },
  { key: "day", label: label("day"), type: "date" },
  { key: "reference", label: label("reference"), type: "text" },
  { key: "store", label: label("store"), type: "text" },
  { key: "type", label: label("type"), type: "text", codes: "reports.payouts.types" },
  { key: "memo", label: label("memo"), type: "text" },
  money("amount"),
  money("sales"),
  money("fees"),
  money("refunds"),
  money("other"),
  money("received"),
  { key: "account", label: label("receivedAccount"), type: "text" },
];

// One payout's base rows, followed in the ledger from the rollup's row: its bank receipts, the lines
// it swept, the orders it paid, the adjustments of its order → bank groups. $1 org, $2 refund words,
// $3 fee words, $4 side, $5 id; $6 limit, $7 offset.
const DETAIL_CTE = `
  WITH payout AS (
    SELECT r.side, r."payoutId" AS id, r.day, r."amountMinor" AS amount, r.reference, r."accountId" AS own_account, r.direct
      FROM "ReportPayout" r WHERE r."orgId" = $1 AND r.side = $4::"MatchSide" AND r."payoutId" = $5::bigint
  ),
  ${PAYOUT_FOLLOW_CTE},
  detail AS (
    SELECT 1 AS rank, 'receipt' AS kind, pb.day, pb.reference, NULL::uuid AS store, NULL::text AS type, NULL::text AS memo,
           pb.received AS amount, NULL::bigint AS sales, NULL::bigint AS fees, NULL::bigint AS refunds, NULL::bigint AS other,
           pb.received, pb.account_name AS account, pb.gid::text AS tie
      FROM pb
    UNION ALL
    SELECT 1, 'receipt', p.day, p.reference, NULL, NULL, NULL, p.amount, NULL, NULL, NULL, NULL, p.amount,
           (SELECT f.name FROM "FundAccount" f WHERE f."orgId" = $1 AND f.id = p.own_account), p.id::text
      FROM payout p WHERE p.direct
    UNION ALL
    SELECT 2, 'line', pl.day, pl.reference, pl.store, COALESCE(pl.type, upper(pl.kind)), pl.memo, pl.flow,
           CASE WHEN pl.kind = 'sales' THEN pl.flow END, CASE WHEN pl.kind = 'fees' THEN -pl.flow END,
           CASE WHEN pl.kind = 'refunds' THEN -pl.flow END, CASE WHEN pl.kind = 'other' THEN pl.flow END, NULL, NULL, pl."rowId"::text
      FROM pl
    UNION ALL
    SELECT 3, 'order', po.day, po."orderNo", po.store, NULL, NULL, po.paid, po.paid, NULL, NULL, NULL, NULL, NULL, po."orderNo"
      FROM po
    UNION ALL
    SELECT 4, 'adjustment', NULL, NULL, NULL, pa.type, pa.note, -pa."amountMinor",
           NULL, CASE WHEN pa.kind = 'fees' THEN pa."amountMinor" END, CASE WHEN pa.kind = 'refunds' THEN pa."amountMinor" END,
           CASE WHEN pa.kind = 'other' THEN -pa."amountMinor" END, NULL, NULL, pa.id::text
      FROM pa
  )`;

const DETAIL_ROWS_SQL = `${DETAIL_CTE}
  SELECT d.kind, to_char(d.day, 'YYYY-MM-DD') AS day, d.reference, s.name AS store, d.type, d.memo, d.amount::bigint AS amount,
         d.sales::bigint AS sales, d.fees::bigint AS fees, d.refunds::bigint AS refunds, d.other::bigint AS other, d.received::bigint AS received, d.account
    FROM detail d LEFT JOIN "Store" s ON s."orgId" = $1 AND s.id = d.store
   ORDER BY d.rank, d.day NULLS LAST, d.reference NULLS LAST, d.tie
   LIMIT $6 OFFSET $7`;

async function drill(tx: Tx, scope: ReportScope, filters: ReportFilters, key: DrillKey, page: DrillPage): Promise<DrillResult> {
  const match = Object.keys(key).length === 1 ? /^([SB]):(\d{1,18})$/.exec(key.payout ?? "") : null;
  if (!match) throw new AppError("INVALID", { messageKey: "reportDrillRefused" });
  const only = { side: match[1] === "S" ? "SETTLEMENT" : "BANK", id: match[2]! };
  // The payout must be a row of this report under these filters (and so this company's).
  const [payout] = await payoutRows(tx, scope, filters, only);
  if (!payout) throw new AppError("NOT_FOUND");
  const words = await walletWords(tx, scope.orgId);
  const params = [scope.orgId, words.refund, words.fee, only.side, only.id] as const;
  const raw = await tx.$queryRawUnsafe<Record<string, string | bigint | null>[]>(DETAIL_ROWS_SQL, ...params, page.limit, page.offset);
  const rows = raw.map((row): ReportRow => ({ ...row, currency: payout.currency }));
  // The 合计 is the payout's row: the rollup summed the same rows (and counted them) when it was rebuilt.
  const { lines, orders, sales, fees, refunds, other, received, currency } = payout;
  return { columns: DETAIL_COLUMNS, rows, totals: { lines, orders, sales, fees, refunds, other, received, currency }, count: Number(payout.detailRows) };
}

export const payouts: StandardReport = { filters: ["store", "platform", "account"], readsReceivables: true, run, drill };
