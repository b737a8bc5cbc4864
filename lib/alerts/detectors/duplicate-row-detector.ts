// DUPLICATE_ROW: the same bank row or bill line in the ledger twice, from two different files. A
// re-import of the same file (or of an overlapping export in the same layout) adds nothing: natural
// keys dedupe it (lib/import). What slips through is the same movement exported in another layout
// or with other reference columns — a CMB statement and a 企业网银 CSV of the same account, a second
// statement whose rows carry other serials. Such rows are alike in everything the money is: same
// account (or store), day, signed amount and currency, same counterparty and memo text (compared
// folded and without blanks, ledger-text-sql.ts), same order / payout / 业务流水号 where the row has
// one, and for bill lines the same line type — while they came from different import batches.
// (Two layouts that print different texts for one movement are not caught: the texts are what tells
// two real movements of one day and amount apart.)
// Rows alike inside one file are two real movements (two ¥12 coffees) and are never a duplicate.
// The reference (bank serial, 账务流水号) is not compared: it is what differs between the files.
//
// One alert per set of alike rows. Its causeKey is the side and the md5 of what makes the rows
// alike (ids of the account or store, day, amount, texts), not the rows' ids: undoing the second
// file clears the alert, and importing it again brings back the same cause (reopened, not a second
// alert) although the re-imported rows have new ids. Money at stake: the
// amount once per copy beyond the first; severity by that (money-at-stake.ts). One set-based query.
import type { AlertDetector } from "../alert-detector";
import type { AlertFinding } from "../alert-finding";
import { MAX_ALERT_REFS, type AlertRef } from "../alert-refs";
import { comparableTextSql, FOLD_PARAMS } from "./ledger-text-sql";
import { severityOfAmount } from "./money-at-stake";

type Raw = {
  side: "BANK" | "SETTLEMENT";
  key: string;
  id: bigint;
  owner: string;
  day: string;
  amount: bigint;
  currency: string;
  ref: string | null;
  fileName: string;
  sourceRow: number;
  batchId: string;
  ownerName: string;
};

const text = (expression: string) => comparableTextSql(expression, "$2", "$3");

// $1 org, $2/$3 the fold strings. First the cheap columns alone (account or store, day, amount:
// one hash aggregate, no text folded) keep the few (owner, day, amount) found in two batches; only
// their rows are read again (by day) and compared on the folded texts.
const DUPLICATE_ROWS_SQL = `
  WITH cheap AS MATERIALIZED (
    SELECT 'BANK' AS side, t."fundAccountId" AS owner, t."occurredOn" AS day, t."amountMinor" AS amount
      FROM "BankTransaction" t WHERE t."orgId" = $1
     GROUP BY 2, 3, 4 HAVING min(t."batchId"::text) <> max(t."batchId"::text)
    UNION ALL
    SELECT 'SETTLEMENT', l."storeId", l."occurredOn", l."amountMinor"
      FROM "SettlementLine" l WHERE l."orgId" = $1
     GROUP BY 2, 3, 4 HAVING min(l."batchId"::text) <> max(l."batchId"::text)
  ),
  alike AS MATERIALIZED (
    SELECT 'BANK' AS side, t.id, t."fundAccountId" AS owner, t."batchId", t."sourceRow", t."occurredOn" AS day, t."amountMinor" AS amount, t.currency,
           COALESCE(t."merchantOrderNo", t."secondaryReference", t.reference) AS ref,
           md5(concat_ws(chr(31), t."fundAccountId"::text, t."occurredOn"::text, t."amountMinor"::text, t.currency,
                         COALESCE(t."merchantOrderNo", ''), COALESCE(t."secondaryReference", ''), ${text("t.counterparty")}, ${text("t.memo")})) AS key
      FROM cheap c JOIN "BankTransaction" t ON t."orgId" = $1 AND t."occurredOn" = c.day AND t."fundAccountId" = c.owner AND t."amountMinor" = c.amount
     WHERE c.side = 'BANK'
    UNION ALL
    SELECT 'SETTLEMENT', l.id, l."storeId", l."batchId", l."sourceRow", l."occurredOn", l."amountMinor", l.currency,
           COALESCE(l."orderNo", l."payoutId", l.reference),
           md5(concat_ws(chr(31), l."storeId"::text, l."occurredOn"::text, l."amountMinor"::text, l.currency, l."lineType"::text,
                         COALESCE(l."orderNo", ''), COALESCE(l."payoutId", ''), ${text("l.memo")}))
      FROM cheap c JOIN "SettlementLine" l ON l."orgId" = $1 AND l."occurredOn" = c.day AND l."storeId" = c.owner AND l."amountMinor" = c.amount
     WHERE c.side = 'SETTLEMENT'
  ),
  twice AS (
    SELECT side, key FROM alike GROUP BY side, key HAVING count(DISTINCT "batchId") > 1
  )
  SELECT a.side, a.key, a.id, a.owner::text AS owner, to_char(a.day, 'YYYY-MM-DD') AS day, a.amount, a.currency, a.ref,
         b."fileName", a."sourceRow", a."batchId"::text AS "batchId", COALESCE(f.name, s.name) AS "ownerName"
    FROM alike a
    JOIN twice w ON w.side = a.side AND w.key = a.key
    JOIN "ImportBatch" b ON b."orgId" = $1 AND b.id = a."batchId"
    LEFT JOIN "FundAccount" f ON a.side = 'BANK' AND f."orgId" = $1 AND f.id = a.owner
    LEFT JOIN "Store" s ON a.side = 'SETTLEMENT' AND s."orgId" = $1 AND s.id = a.owner
   ORDER BY a.side, a.key, a.id`;

export const duplicateRowDetector: AlertDetector<"DUPLICATE_ROW"> = {
  type: "DUPLICATE_ROW",
  async detect(tx, { orgId }) {
    const rows = await tx.$queryRawUnsafe<Raw[]>(DUPLICATE_ROWS_SQL, orgId, ...FOLD_PARAMS);
    const sets = new Map<string, Raw[]>();
    for (const row of rows) {
      const set = sets.get(`${row.side}:${row.key}`) ?? [];
      set.push(row);
      sets.set(`${row.side}:${row.key}`, set);
    }
    const findings: AlertFinding[] = [];
    for (const set of sets.values()) {
      const first = set[0]!;
      // Copies beyond the first file's: what would be counted twice.
      const perBatch = new Map<string, number>();
      for (const row of set) perBatch.set(row.batchId, (perBatch.get(row.batchId) ?? 0) + 1);
      const kept = Math.max(...perBatch.values());
      const magnitude = first.amount < 0n ? -first.amount : first.amount;
      const amountMinor = magnitude * BigInt(set.length - kept);
      const refs: AlertRef[] = set.slice(0, MAX_ALERT_REFS).map((row) => ({ side: row.side, rowId: row.id.toString(), ref: row.ref, file: row.fileName, sourceRow: row.sourceRow }));
      findings.push({
        type: "DUPLICATE_ROW",
        causeKey: `${first.side}:${first.key}`,
        severity: severityOfAmount(amountMinor),
        amountMinor,
        currency: first.currency,
        storeId: first.side === "SETTLEMENT" ? first.owner : null,
        fundAccountId: first.side === "BANK" ? first.owner : null,
        day: first.day,
        refs,
        facts: {
          owner: first.ownerName,
          rows: set.length,
          files: perBatch.size,
          amountMinor: first.amount.toString(),
          day: first.day,
          fileA: set[0]!.fileName,
          rowA: set[0]!.sourceRow,
          fileB: set.find((row) => row.batchId !== first.batchId)!.fileName,
          rowB: set.find((row) => row.batchId !== first.batchId)!.sourceRow,
        },
      });
    }
    return findings;
  },
};
