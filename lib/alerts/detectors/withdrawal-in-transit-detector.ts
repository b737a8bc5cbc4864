// WITHDRAWAL_IN_TRANSIT: money that left a wallet or platform balance for the bank and has not
// arrived after `days`. The payouts (结算明细) rollup already holds every withdrawal of the company —
// a bill's 提现 line (PDD), a wallet row taking money out whose memo says 提现 (Alipay) — with what
// its bank receipts' PAYOUT_BANK groups took of it (ReportPayout, payouts-sql.ts: "what no
// PAYOUT_BANK group took yet is in transit"). Payouts a platform paid straight into the bank (JD,
// Douyin: `direct`) are their own receipt and never in transit. A withdrawal is late when more than
// `days` passed from its day to asOf: at the month's end a withdrawal is booked by the bank the same
// or the next day, so the default 3 days lets month-end withdrawals land before they count.
// Rows a person marked 不参与对账 are left out (lib/ledger/excluded-rows.ts), and so are withdrawals
// whose number a bank receipt quotes (as the engine reads ids in a memo): that money arrived, and
// when the matching could not take it (a receipt imported twice names it twice: DUPLICATE_ROW), it
// is the workspace's or another alert's, not money on its way.
//
// One alert per withdrawal; causeKey `<SETTLEMENT|BANK>:<row id>`. Money at stake: what has not
// arrived; severity by that (money-at-stake.ts).
import type { AlertDetector } from "../alert-detector";
import type { AlertFinding } from "../alert-finding";
import { BANK_ACCOUNT_ROWS_FROM, bankAccountIds, bankAccountRowsWhere } from "./bank-account-rows-sql";
import { severityOfAmount } from "./money-at-stake";

type Raw = {
  side: "SETTLEMENT" | "BANK";
  id: bigint;
  day: string;
  reference: string | null;
  currency: string;
  amount: bigint;
  missing: bigint;
  storeId: string | null;
  accountId: string | null;
  fileName: string;
  sourceRow: number;
  age: number;
  ownerName: string;
};

// $1 org, $2 as-of day, $3 days, $4 bank accounts. Payouts by their day (the rollup's (orgId, day)
// index); for the few late ones, the bank accounts' receipts since their day (by the chain's key).
const IN_TRANSIT_SQL = `
  SELECT p.side::text AS side, p."payoutId" AS id, to_char(p.day, 'YYYY-MM-DD') AS day, p.reference, p.currency, p."amountMinor" AS amount,
         (p."amountMinor" - p."takenMinor")::bigint AS missing,
         COALESCE(l."storeId"::text, CASE WHEN cardinality(p."storeIds") = 1 THEN p."storeIds"[1]::text END) AS "storeId",
         COALESCE(t."fundAccountId"::text, p."accountId"::text) AS "accountId",
         b."fileName", COALESCE(l."sourceRow", t."sourceRow") AS "sourceRow", ($2::date - p.day)::int AS age,
         COALESCE(s.name, f.name) AS "ownerName"
    FROM "ReportPayout" p
    LEFT JOIN "SettlementLine" l ON p.side = 'SETTLEMENT' AND l."orgId" = $1 AND l.id = p."payoutId"
    LEFT JOIN "BankTransaction" t ON p.side = 'BANK' AND t."orgId" = $1 AND t.id = p."payoutId"
    JOIN "ImportBatch" b ON b."orgId" = $1 AND b.id = COALESCE(l."batchId", t."batchId")
    LEFT JOIN "Store" s ON s."orgId" = $1 AND s.id = l."storeId"
    LEFT JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = t."fundAccountId"
   WHERE p."orgId" = $1 AND p.day < $2::date - $3::int AND NOT p.direct AND p."amountMinor" > p."takenMinor"
     AND NOT EXISTS (SELECT 1 FROM "ExcludedRow" x WHERE x."orgId" = $1 AND x.side = p.side AND x."rowId" = p."payoutId")
     AND NOT (length(COALESCE(p.reference, '')) >= 6 AND EXISTS (
           SELECT 1 FROM ${BANK_ACCOUNT_ROWS_FROM}
            WHERE ${bankAccountRowsWhere("$4")} AND t."amountMinor" > 0 AND t."occurredOn" >= p.day
              AND (t.reference = p.reference OR strpos(t.memo, p.reference) > 0)))
   ORDER BY p.day, p.side, p."payoutId"`;

export const withdrawalInTransitDetector: AlertDetector<"WITHDRAWAL_IN_TRANSIT"> = {
  type: "WITHDRAWAL_IN_TRANSIT",
  async detect(tx, { orgId, asOf, thresholds }) {
    const rows = await tx.$queryRawUnsafe<Raw[]>(IN_TRANSIT_SQL, orgId, asOf, thresholds.days, await bankAccountIds(tx, orgId));
    return rows.map(
      (row): AlertFinding => ({
        type: "WITHDRAWAL_IN_TRANSIT",
        causeKey: `${row.side}:${row.id}`,
        severity: severityOfAmount(row.missing),
        amountMinor: row.missing,
        currency: row.currency,
        storeId: row.storeId,
        fundAccountId: row.side === "BANK" ? row.accountId : null,
        day: row.day,
        refs: [{ side: row.side, rowId: row.id.toString(), ref: row.reference, file: row.fileName, sourceRow: row.sourceRow }],
        facts: {
          owner: row.ownerName,
          rows: 1,
          day: row.day,
          days: row.age,
          reference: row.reference ?? "",
          file: row.fileName,
          row: row.sourceRow,
          amountMinor: row.amount.toString(),
          missingMinor: row.missing.toString(),
        },
      }),
    );
  },
};
