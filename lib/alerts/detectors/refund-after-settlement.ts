// REFUND_AFTER_SETTLEMENT (结算后大额退款): money the platform took back after it had settled the sale.
//   - a refund line of at least `minAmountMinor` whose order's sale was settled on or before its day:
//     a bill line of type REFUND after a SALE line of the same store and order, or a wallet row whose
//     memo has a refund word (the matching rules' wallet words, as the payout report reads them)
//     after a positive row of the same trade (支付宝 业务流水号: secondaryReference);
//   - a chargeback (拒付) line or wallet row, whatever its amount;
//   - a payout or withdrawal whose lines sum below zero (ReportPayout amount < 0: the platform took
//     money from the seller instead of paying), whatever its amount.
// Each is its own cause (`LINE:<side>:<rowId>`, `PAYOUT:<side>:<payoutId>`): a refund is settled once.
//
// The default (¥3,000) sits above what ordinary after-sales refunds reach in the generated months
// (an order there is at most ¥2,999 and a refund never exceeds its order); a shop with larger
// orders raises it on the settings page.
//
// Severity: HIGH from ¥20,000; MEDIUM for a chargeback or negative payout, or from ¥3,000; LOW below.
import type { AlertSeverity } from "../alert-types";
import type { AlertDetector } from "../alert-detector";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { payoutWordsOf } from "@/lib/reports/payouts-sql";
import { refJsonSql, refsOf } from "./ref-sql";

export const CHARGEBACK_WORDS = ["%拒付%", "%chargeback%"];

export type RefundKind = "REFUND" | "CHARGEBACK" | "NEGATIVE_PAYOUT";

export function refundSeverity(kind: RefundKind, amountMinor: bigint): AlertSeverity {
  if (amountMinor >= 2_000_000n) return "HIGH";
  if (kind !== "REFUND" || amountMinor >= 300_000n) return "MEDIUM";
  return "LOW";
}

type Row = {
  cause: string;
  kind: RefundKind;
  storeId: string | null;
  accountId: string | null;
  place: string | null;
  ref: string | null;
  amount: bigint;
  currency: string;
  day: string;
  refJson: unknown;
};

const WALLET_ORDER_NO = `substring(w.memo from '\\[([^\\]\\[]+)\\][^\\[]*$')`;

export const refundAfterSettlementDetector: AlertDetector<"REFUND_AFTER_SETTLEMENT"> = {
  type: "REFUND_AFTER_SETTLEMENT",
  async detect(tx, { orgId, thresholds }) {
    const words = payoutWordsOf(await getOrgRules(tx, orgId));
    const rows = await tx.$queryRawUnsafe<Row[]>(
      `WITH line AS (
         SELECT t.id, t."storeId", t."orderNo", t."amountMinor", t.currency, t."occurredOn", t."batchId", t."sourceRow",
                COALESCE(t.memo ILIKE ANY ($3::text[]), false) AS chargeback
           FROM "SettlementLine" t
          WHERE t."orgId" = $1::uuid AND t."amountMinor" < 0
            AND ((t."lineType" = 'REFUND' AND -t."amountMinor" >= $2::bigint) OR t.memo ILIKE ANY ($3::text[]))
       ), wallet AS (
         SELECT w.id, w."fundAccountId", w."secondaryReference", ${WALLET_ORDER_NO} AS "orderNo", w."amountMinor", w.currency, w."occurredOn",
                w."batchId", w."sourceRow", COALESCE(w.memo ILIKE ANY ($3::text[]), false) AS chargeback
           FROM "BankTransaction" w JOIN "FundAccount" f ON f."orgId" = $1::uuid AND f.id = w."fundAccountId" AND f.type <> 'BANK'
          WHERE w."orgId" = $1::uuid AND w."amountMinor" < 0
            AND ((-w."amountMinor" >= $2::bigint AND w.memo LIKE ANY ($4::text[])) OR w.memo ILIKE ANY ($3::text[]))
       )
       SELECT 'LINE:SETTLEMENT:' || t.id AS cause, CASE WHEN t.chargeback THEN 'CHARGEBACK' ELSE 'REFUND' END AS kind,
              t."storeId"::text AS "storeId", NULL::text AS "accountId", s.name AS place, t."orderNo" AS ref,
              (-t."amountMinor")::bigint AS amount, t.currency, to_char(t."occurredOn", 'YYYY-MM-DD') AS day,
              ${refJsonSql("SETTLEMENT", "t", "b", `t."orderNo"`)} AS "refJson"
         FROM line t
         JOIN "Store" s ON s."orgId" = $1::uuid AND s.id = t."storeId"
         LEFT JOIN "ImportBatch" b ON b."orgId" = $1::uuid AND b.id = t."batchId"
        WHERE t.chargeback OR EXISTS (SELECT 1 FROM "SettlementLine" x
                                       WHERE x."orgId" = $1::uuid AND x."orderNo" = t."orderNo" AND x."storeId" = t."storeId"
                                         AND x."lineType" = 'SALE' AND x."occurredOn" <= t."occurredOn")
       UNION ALL
       SELECT 'LINE:BANK:' || w.id, CASE WHEN w.chargeback THEN 'CHARGEBACK' ELSE 'REFUND' END,
              (SELECT o."storeId"::text FROM "Order" o WHERE o."orgId" = $1::uuid AND o."orderNo" = w."orderNo" LIMIT 1),
              w."fundAccountId"::text, f.name, COALESCE(w."orderNo", w."secondaryReference"),
              (-w."amountMinor")::bigint, w.currency, to_char(w."occurredOn", 'YYYY-MM-DD'),
              ${refJsonSql("BANK", "w", "b", `COALESCE(w."orderNo", w."secondaryReference")`)}
         FROM wallet w
         JOIN "FundAccount" f ON f."orgId" = $1::uuid AND f.id = w."fundAccountId"
         LEFT JOIN "ImportBatch" b ON b."orgId" = $1::uuid AND b.id = w."batchId"
        WHERE w.chargeback OR EXISTS (SELECT 1 FROM "BankTransaction" x
                                       WHERE x."orgId" = $1::uuid AND x."fundAccountId" = w."fundAccountId" AND x."secondaryReference" = w."secondaryReference"
                                         AND x."amountMinor" > 0 AND x."occurredOn" <= w."occurredOn")
       UNION ALL
       SELECT 'PAYOUT:' || p.side::text || ':' || p."payoutId", 'NEGATIVE_PAYOUT',
              CASE WHEN cardinality(p."storeIds") = 1 THEN p."storeIds"[1]::text END, p."accountId"::text,
              COALESCE(f.name, s.name), p.reference, (-p."amountMinor")::bigint, p.currency, to_char(p.day, 'YYYY-MM-DD'),
              CASE WHEN p.side = 'SETTLEMENT' THEN ${refJsonSql("SETTLEMENT", "l", "lb", "p.reference")}
                   ELSE ${refJsonSql("BANK", "k", "kb", "p.reference")} END
         FROM "ReportPayout" p
         LEFT JOIN "FundAccount" f ON f."orgId" = $1::uuid AND f.id = p."accountId"
         LEFT JOIN "Store" s ON s."orgId" = $1::uuid AND s.id = p."storeIds"[1]
         LEFT JOIN "SettlementLine" l ON p.side = 'SETTLEMENT' AND l."orgId" = $1::uuid AND l.id = p."payoutId"
         LEFT JOIN "ImportBatch" lb ON lb."orgId" = $1::uuid AND lb.id = l."batchId"
         LEFT JOIN "BankTransaction" k ON p.side = 'BANK' AND k."orgId" = $1::uuid AND k.id = p."payoutId"
         LEFT JOIN "ImportBatch" kb ON kb."orgId" = $1::uuid AND kb.id = k."batchId"
        WHERE p."orgId" = $1::uuid AND p."amountMinor" < 0`,
      orgId,
      thresholds.minAmountMinor,
      CHARGEBACK_WORDS,
      words.refund,
    );
    return rows.map((row) => {
      const refs = row.refJson && (row.refJson as { rowId?: unknown }).rowId != null ? refsOf([row.refJson]) : [];
      return {
        type: "REFUND_AFTER_SETTLEMENT" as const,
        causeKey: row.cause,
        severity: refundSeverity(row.kind, row.amount),
        amountMinor: row.amount,
        currency: row.currency,
        storeId: row.storeId,
        fundAccountId: row.accountId,
        day: row.day,
        refs,
        facts: {
          kind: row.kind,
          place: row.place ?? "",
          ref: row.ref ?? "",
          day: row.day,
          amountMinor: row.amount.toString(),
          minAmountMinor: String(thresholds.minAmountMinor),
          rows: refs.length,
          file: refs[0]?.file ?? "",
          row: refs[0]?.sourceRow ?? 0,
        },
      };
    });
  },
};
