// UNMATCHED_PLATFORM_RECEIPT: money from a platform in the bank that nothing explains after `days`.
// A platform receipt is a credit in a bank account (not a wallet) whose counterparty is a platform's
// or wallet's paying entity — the matching rules' payers (支付宝（中国）网络技术有限公司, 上海寻梦…,
// 北京京东世纪贸易…, 北京空间变换…), as the engine's PayerDirectory recognises them; the company's
// other business (salary, rent, a customer's transfer) has other counterparties and is never one. It
// is unexplained while no counting group took anything of it (lib/ledger/row-remaining.ts: its
// remaining is still its whole amount), and old when more than `days` passed from its day to asOf.
// A receipt groups explain in part is being reconciled: a platform paying straight to the bank (JD,
// Douyin) pays orders of several weeks in one transfer, and the matching explains the orders it
// knows and leaves the rest open (RECEIPT_PARTLY_EXPLAINED) — in every generated month, with orders
// from before the first imported month — so its open rest is the workspace's, not an alert.
// Rows a person marked 不参与对账 are not open (lib/ledger/excluded-rows.ts).
//
// Only money the company's records could explain is looked at: a receipt dated before the payer's
// ledger begins — before the first withdrawal from a wallet or store it pays out, and before the
// first order of its platforms falls due (ReceivableCube.expectedOn) — pays for sales made before
// the first imported month (a platform paying straight to the bank, JD or Douyin, pays orders the
// company never imported); nothing in the ledger can ever match it, and it is not raised. A payer
// with no ledger at all has nothing to match either.
//
// And only money nothing open could be: while something of the payer's ledgers is still open — a
// withdrawal from its wallet or store not yet received (ReportPayout), or, for a platform that pays
// the bank itself, an order due by the receipt's day and not yet paid (ReceivableCube) — the receipt
// has something to be matched with, and what is left is the matching's (the workspace lists both):
// a Douyin payout from which a refund after settlement was deducted arrives short of its orders, and
// the engine, finding no exact cut, leaves receipt and orders open for a person. A receipt is raised
// when it came before anything of its payer was open: money no withdrawal or order can explain.
// A receipt that is the copy of another file's row (alike in day, amount, counterparty and memo, as
// DUPLICATE_ROW compares them) is that duplicate, raised there, not new money.
//
// One alert per receipt; causeKey `BANK:<row id>`. Money at stake: what is open of it.
import { notExcludedSql } from "@/lib/ledger/excluded-rows";
import { rowRemainingSql, takenOfRowSql } from "@/lib/ledger/row-remaining";
import type { AlertDetector } from "../alert-detector";
import type { AlertFinding } from "../alert-finding";
import { BANK_ACCOUNT_ROWS_FROM, bankAccountIds, bankAccountRowsWhere } from "./bank-account-rows-sql";
import { comparableTextSql, FOLD_PARAMS, payerLedgers } from "./ledger-text-sql";
import { severityOfAmount } from "./money-at-stake";

type Raw = { id: bigint; accountId: string; day: string; amount: bigint; remaining: bigint; currency: string; ref: string | null; counterparty: string | null; fileName: string; sourceRow: number; age: number; accountName: string };

// $1 org, $2/$3 fold strings, $4/$5 platform payers and their platforms, $6/$7 wallet payers and
// their wallet types, $8 bank accounts, $9 as-of day, $10 days. Each payer's ledger start and first
// open day from the small rollups (ReceivableCube, ReportPayout), then its receipts between the two
// that no group took anything of.
const UNMATCHED_SQL = `
  WITH platform_payer AS (SELECT * FROM unnest($4::text[], $5::text[]) AS x(name, platform)),
  wallet_payer AS (SELECT * FROM unnest($6::text[], $7::text[]) AS x(name, type)),
  ledger_start AS (
    SELECT pp.name, min(c."expectedOn") AS start
      FROM platform_payer pp JOIN "ReceivableCube" c ON c."orgId" = $1 AND c.platform::text = pp.platform GROUP BY pp.name
    UNION ALL
    SELECT pp.name, min(p.day)
      FROM platform_payer pp
      JOIN "Store" s ON s."orgId" = $1 AND s.platform::text = pp.platform
      JOIN "ReportPayout" p ON p."orgId" = $1 AND NOT p.direct AND s.id = ANY(p."storeIds")
     GROUP BY pp.name
    UNION ALL
    SELECT wp.name, min(p.day)
      FROM wallet_payer wp
      JOIN "FundAccount" f ON f."orgId" = $1 AND f.type::text = wp.type
      JOIN "ReportPayout" p ON p."orgId" = $1 AND NOT p.direct AND p."accountId" = f.id
     GROUP BY wp.name
  ),
  direct_store AS (SELECT DISTINCT unnest(p."storeIds") AS id FROM "ReportPayout" p WHERE p."orgId" = $1 AND p.direct),
  open_since AS (
    SELECT pp.name, min(c."expectedOn") AS day
      FROM platform_payer pp JOIN "ReceivableCube" c ON c."orgId" = $1 AND c.platform::text = pp.platform
     WHERE c."outstandingMinor" > 0 AND c."storeId" IN (SELECT id FROM direct_store)
     GROUP BY pp.name
    UNION ALL
    SELECT pp.name, min(p.day)
      FROM platform_payer pp
      JOIN "Store" s ON s."orgId" = $1 AND s.platform::text = pp.platform
      JOIN "ReportPayout" p ON p."orgId" = $1 AND NOT p.direct AND p."amountMinor" > p."takenMinor" AND s.id = ANY(p."storeIds")
     GROUP BY pp.name
    UNION ALL
    SELECT wp.name, min(p.day)
      FROM wallet_payer wp
      JOIN "FundAccount" f ON f."orgId" = $1 AND f.type::text = wp.type
      JOIN "ReportPayout" p ON p."orgId" = $1 AND NOT p.direct AND p."amountMinor" > p."takenMinor" AND p."accountId" = f.id
     GROUP BY wp.name
  ),
  payer AS (
    SELECT l.name, l.start, o.day AS open_since
      FROM (SELECT name, min(start) AS start FROM ledger_start WHERE start IS NOT NULL GROUP BY name) l
      LEFT JOIN (SELECT name, min(day) AS day FROM open_since GROUP BY name) o ON o.name = l.name
  )
  SELECT x.id, x."accountId", to_char(x."occurredOn", 'YYYY-MM-DD') AS day, x.amount, x.remaining, x.currency, x.ref, x.counterparty,
         b."fileName", x."sourceRow", ($9::date - x."occurredOn")::int AS age, f.name AS "accountName"
    FROM (
      SELECT t.id, t."fundAccountId"::text AS "accountId", t."occurredOn", t."amountMinor" AS amount, t.currency, t.counterparty, t."batchId", t."sourceRow",
             COALESCE(t.reference, t.memo) AS ref,
             ${rowRemainingSql('t."amountMinor"', takenOfRowSql("t", "BANK", "'UP'"))} AS remaining
        FROM ${BANK_ACCOUNT_ROWS_FROM}
        JOIN payer ON payer.name = ${comparableTextSql("t.counterparty", "$2", "$3")}
       WHERE ${bankAccountRowsWhere("$8")} AND t."amountMinor" > 0 AND t."occurredOn" < $9::date - $10::int AND t."occurredOn" >= payer.start
         AND (payer.open_since IS NULL OR t."occurredOn" < payer.open_since)
         AND ${notExcludedSql("BANK", "t")}
         AND NOT EXISTS (SELECT 1 FROM "BankTransaction" c
                          WHERE c."orgId" = $1 AND c."occurredOn" = t."occurredOn" AND c."fundAccountId" = t."fundAccountId" AND c."amountMinor" = t."amountMinor"
                            AND c."batchId" <> t."batchId"
                            AND ${comparableTextSql("c.counterparty", "$2", "$3")} = ${comparableTextSql("t.counterparty", "$2", "$3")}
                            AND ${comparableTextSql("c.memo", "$2", "$3")} = ${comparableTextSql("t.memo", "$2", "$3")})
    ) x
    JOIN "ImportBatch" b ON b."orgId" = $1 AND b.id = x."batchId"
    JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = x."accountId"::uuid
   WHERE x.remaining = x.amount
   ORDER BY x."occurredOn", x.id`;

export const unmatchedPlatformReceiptDetector: AlertDetector<"UNMATCHED_PLATFORM_RECEIPT"> = {
  type: "UNMATCHED_PLATFORM_RECEIPT",
  async detect(tx, { orgId, asOf, thresholds }) {
    const [payers, accounts] = await Promise.all([payerLedgers(tx, orgId), bankAccountIds(tx, orgId)]);
    if (accounts.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<Raw[]>(
      UNMATCHED_SQL,
      orgId,
      ...FOLD_PARAMS,
      payers.platformNames,
      payers.platforms,
      payers.walletNames,
      payers.walletTypes,
      accounts,
      asOf,
      thresholds.days,
    );
    return rows.map(
      (row): AlertFinding => ({
        type: "UNMATCHED_PLATFORM_RECEIPT",
        causeKey: `BANK:${row.id}`,
        severity: severityOfAmount(row.remaining),
        amountMinor: row.remaining,
        currency: row.currency,
        storeId: null,
        fundAccountId: row.accountId,
        day: row.day,
        refs: [{ side: "BANK", rowId: row.id.toString(), ref: row.ref, file: row.fileName, sourceRow: row.sourceRow }],
        facts: {
          account: row.accountName,
          rows: 1,
          day: row.day,
          days: row.age,
          payer: row.counterparty ?? "",
          file: row.fileName,
          row: row.sourceRow,
          amountMinor: row.amount.toString(),
          remainingMinor: row.remaining.toString(),
        },
      }),
    );
  },
};
