// DUPLICATE_PAYMENT: money for one thing arrived twice.
// - A payout received twice: two receipts in a bank account from a platform's or wallet's paying
//   entity (the matching rules' payers, as the engine's PayerDirectory knows them) quoting the same
//   withdrawal / settlement number in the memo — the engine reads the ids from a bank memo as runs of
//   ≥ 6 letters, digits, "-" and "_" holding a digit (match-engine/engine/keys.ts memoTokens); the
//   same tokens here. causeKey `PAYOUT:<account>:<id>`.
// - An order paid twice: two sale lines for one order — a store's bill (SettlementLine SALE) or a
//   wallet's income rows (a credit naming the order: Alipay 交易收入, 商户订单号) — e.g. the same
//   交易收入 twice under different 流水号. causeKey `ORDER:<store or wallet>:<order number>`.
// The same row imported twice from two files is DUPLICATE_ROW's, not a second payment: copies alike
// in day, amount and texts from different batches count once (rows alike within one file count
// apart, as two real payments).
// Money at stake: what arrived beyond the first payment; severity by that (money-at-stake.ts).
import type { AlertDetector } from "../alert-detector";
import type { AlertFinding } from "../alert-finding";
import { MAX_ALERT_REFS, type AlertRef } from "../alert-refs";
import { BANK_ACCOUNT_ROWS_FROM, bankAccountIds, bankAccountRowsWhere } from "./bank-account-rows-sql";
import { comparableTextSql, FOLD_PARAMS, platformPayerNames } from "./ledger-text-sql";
import { severityOfAmount } from "./money-at-stake";

type Raw = {
  kind: "PAYOUT" | "ORDER";
  side: "BANK" | "SETTLEMENT";
  owner: string;
  key: string;
  id: bigint;
  day: string;
  amount: bigint;
  currency: string;
  ref: string | null;
  fileName: string;
  sourceRow: number;
  copy: boolean;
  ownerName: string;
};

const text = (expression: string) => comparableTextSql(expression, "$2", "$3");
// Candidate rows, each with the key of what it pays for; of the keys two or more rows name, the rows
// that are not copies (a copy: alike in day, amount and texts to a row of another, earlier batch).
// Window counts over one scan each (no lookup per row). $1 org, $2/$3 fold strings, $4 payer
// names, $5 bank accounts.
const PAID_TWICE_SQL = `
  WITH candidate AS (
    SELECT DISTINCT 'PAYOUT' AS kind, 'BANK' AS side, t."fundAccountId" AS owner, upper(regexp_replace(m[1], '[-_]+$', '')) AS key, t.id, t."batchId",
           t."sourceRow", t."occurredOn", t."amountMinor", t.currency, t.memo, ${text("t.counterparty")} AS extra
      FROM ${BANK_ACCOUNT_ROWS_FROM}
     CROSS JOIN LATERAL regexp_matches(translate(COALESCE(t.memo, ''), $2, $3), '([0-9A-Za-z][0-9A-Za-z_-]*)', 'g') AS m
     WHERE ${bankAccountRowsWhere("$5")} AND t."amountMinor" > 0 AND ${text("t.counterparty")} = ANY($4::text[])
    UNION ALL
    SELECT 'ORDER', 'SETTLEMENT', l."storeId", btrim(l."orderNo"), l.id, l."batchId", l."sourceRow", l."occurredOn", l."amountMinor", l.currency, l.memo, l."lineType"::text
      FROM "SettlementLine" l
     WHERE l."orgId" = $1 AND l."lineType" = 'SALE' AND l."orderNo" IS NOT NULL AND l."amountMinor" > 0
    UNION ALL
    SELECT 'ORDER', 'BANK', t."fundAccountId", btrim(t."merchantOrderNo"), t.id, t."batchId", t."sourceRow", t."occurredOn", t."amountMinor", t.currency, t.memo, ''
      FROM "BankTransaction" t
     WHERE t."orgId" = $1 AND t."merchantOrderNo" IS NOT NULL AND t."amountMinor" > 0 AND NOT (t."fundAccountId" = ANY($5::uuid[]))
  ),
  counted AS (
    SELECT c.*, count(*) OVER (PARTITION BY c.kind, c.owner, c.key) AS n
      FROM candidate c
     WHERE c.kind = 'ORDER' OR (length(c.key) >= 6 AND c.key ~ '[0-9]')
  ),
  contented AS (
    SELECT x.*, md5(concat_ws(chr(31), x."occurredOn"::text, x."amountMinor"::text, x.extra, ${text("x.memo")})) AS content FROM counted x WHERE x.n > 1
  ),
  keyed AS (
    SELECT x.*, first_value(x."batchId") OVER (PARTITION BY x.kind, x.owner, x.key, x.content ORDER BY x.id) <> x."batchId" AS copy FROM contented x
  ),
  paid AS (
    SELECT k.*, count(*) FILTER (WHERE NOT k.copy) OVER (PARTITION BY k.kind, k.owner, k.key) AS payments FROM keyed k
  )
  SELECT k.kind, k.side, k.owner::text AS owner, k.key, k.id, to_char(k."occurredOn", 'YYYY-MM-DD') AS day, k."amountMinor" AS amount, k.currency,
         k.key AS ref, b."fileName", k."sourceRow", k.copy, COALESCE(f.name, s.name) AS "ownerName"
    FROM paid k
    JOIN "ImportBatch" b ON b."orgId" = $1 AND b.id = k."batchId"
    LEFT JOIN "FundAccount" f ON k.side = 'BANK' AND f."orgId" = $1 AND f.id = k.owner
    LEFT JOIN "Store" s ON k.side = 'SETTLEMENT' AND s."orgId" = $1 AND s.id = k.owner
   WHERE k.payments > 1
   ORDER BY k.kind, k.owner, k.key, k."occurredOn", k.id`;

export const duplicatePaymentDetector: AlertDetector<"DUPLICATE_PAYMENT"> = {
  type: "DUPLICATE_PAYMENT",
  async detect(tx, { orgId }) {
    const [payers, accounts] = await Promise.all([platformPayerNames(tx, orgId), bankAccountIds(tx, orgId)]);
    const rows = await tx.$queryRawUnsafe<Raw[]>(PAID_TWICE_SQL, orgId, ...FOLD_PARAMS, payers, accounts);
    const groups = new Map<string, Raw[]>();
    for (const row of rows) {
      const key = `${row.kind}:${row.owner}:${row.key}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const findings: AlertFinding[] = [];
    for (const [causeKey, group] of groups) {
      const payments = group.filter((row) => !row.copy);
      const first = payments[0]!;
      const amountMinor = payments.slice(1).reduce((sum, row) => sum + row.amount, 0n);
      const refs: AlertRef[] = group.slice(0, MAX_ALERT_REFS).map((row) => ({ side: row.side, rowId: row.id.toString(), ref: row.ref, file: row.fileName, sourceRow: row.sourceRow }));
      findings.push({
        type: "DUPLICATE_PAYMENT",
        causeKey,
        severity: severityOfAmount(amountMinor),
        amountMinor,
        currency: first.currency,
        storeId: first.kind === "ORDER" && first.side === "SETTLEMENT" ? first.owner : null,
        fundAccountId: first.side === "BANK" ? first.owner : null,
        day: payments[payments.length - 1]!.day,
        refs,
        facts: {
          owner: first.ownerName,
          kind: first.kind === "PAYOUT" ? "payout" : "order",
          reference: first.key,
          payments: payments.length,
          rows: group.length,
          amountMinor: amountMinor.toString(),
          firstDay: first.day,
          lastDay: payments[payments.length - 1]!.day,
        },
      });
    }
    return findings;
  },
};
