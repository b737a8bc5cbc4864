// BALANCE_BREAK: a statement row whose printed balance is not the previous printed balance plus the
// movements since — a row missing, edited or added — by more than `toleranceMinor`. The roll-forward
// report (资金账户余额调节) already walks each account's chain once per ledger change into
// ReportBankRow (account-chain-sql.ts: statement order across files, newest-first files read
// backwards, `breakMinor` = printed − expected); this reads its breaks, finding the days that have
// any through ReportBankDay and the rows by the rollup's key, and names the row where the chain
// breaks and the printed row before it.
//
// Where the chain passes from one file to the next, a difference is only a break when the files
// follow each other. A file whose days overlap another file of the account (a second export of some
// of the same days, whose rows slipped past the natural keys) prints balances of a time the chain has
// already passed: the difference there is that overlap (DUPLICATE_ROW says which rows came twice),
// not a lost row, and is not raised. Two files overlap when the days of their rows cross by more than
// a shared edge day, or one lies within the other.
//
// One alert per break; causeKey `BANK:<row id>`. Money at stake: the difference; severity by that.
import type { AlertDetector } from "../alert-detector";
import type { AlertFinding } from "../alert-finding";
import { BANK_ACCOUNT_ROWS_FROM, bankAccountRowsWhere } from "./bank-account-rows-sql";
import { severityOfAmount } from "./money-at-stake";

type Raw = {
  accountId: string;
  currency: string;
  id: bigint;
  day: string;
  printed: bigint;
  breakMinor: bigint;
  batchId: string;
  fileName: string;
  sourceRow: number;
  prevId: bigint;
  prevPrinted: bigint;
  prevBatchId: string;
  prevFileName: string;
  prevSourceRow: number;
  accountName: string;
};

type Span = { batchId: string; accountId: string; first: string | null; last: string | null };

// $1 org, $2 tolerance. The days with breaks, their break rows, each with the printed row before it.
const BREAKS_SQL = `
  SELECT r."fundAccountId"::text AS "accountId", r.currency, r."bankTransactionId" AS id, to_char(r.day, 'YYYY-MM-DD') AS day, r."balanceMinor" AS printed,
         r."breakMinor", t."batchId"::text AS "batchId", b."fileName", t."sourceRow",
         p."bankTransactionId" AS "prevId", p."balanceMinor" AS "prevPrinted", pt."batchId"::text AS "prevBatchId", pb."fileName" AS "prevFileName", pt."sourceRow" AS "prevSourceRow", f.name AS "accountName"
    FROM "ReportBankDay" d
    JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = d."fundAccountId"
    JOIN "ReportBankRow" r ON r."orgId" = $1 AND r."fundAccountId" = d."fundAccountId" AND r.currency = d.currency
                          AND r.position BETWEEN d."firstPosition" AND d."lastPosition" AND r.day = d.day
    CROSS JOIN LATERAL (
      SELECT q."bankTransactionId", q."balanceMinor" FROM "ReportBankRow" q
       WHERE q."orgId" = $1 AND q."fundAccountId" = r."fundAccountId" AND q.currency = r.currency AND q.position < r.position AND q."balanceMinor" IS NOT NULL
       ORDER BY q.position DESC LIMIT 1
    ) p
    JOIN "BankTransaction" t ON t."orgId" = $1 AND t.id = r."bankTransactionId"
    JOIN "ImportBatch" b ON b."orgId" = $1 AND b.id = t."batchId"
    JOIN "BankTransaction" pt ON pt."orgId" = $1 AND pt.id = p."bankTransactionId"
    JOIN "ImportBatch" pb ON pb."orgId" = $1 AND pb.id = pt."batchId"
   WHERE d."orgId" = $1 AND d.breaks > 0 AND r."breakMinor" IS NOT NULL AND abs(r."breakMinor") > $2::bigint
   ORDER BY r."fundAccountId", r.position`;

// $1 org, $2 accounts: the files of those accounts and the days of their rows (through the rollup's
// key; read only for accounts where the chain passes a file boundary with a difference).
const SPANS_SQL = `
  SELECT t."batchId"::text AS "batchId", chain."fundAccountId"::text AS "accountId",
         to_char(min(chain.day), 'YYYY-MM-DD') AS first, to_char(max(chain.day), 'YYYY-MM-DD') AS last
    FROM ${BANK_ACCOUNT_ROWS_FROM}
   WHERE ${bankAccountRowsWhere("$2")}
   GROUP BY 1, 2`;

function overlap(a: Span, b: Span): boolean {
  if (!a.first || !a.last || !b.first || !b.last) return false;
  const crossed = a.first < b.last && b.first < a.last;
  const within = (a.first >= b.first && a.last <= b.last) || (b.first >= a.first && b.last <= a.last);
  return crossed || within;
}

export const balanceBreakDetector: AlertDetector<"BALANCE_BREAK"> = {
  type: "BALANCE_BREAK",
  async detect(tx, { orgId, thresholds }) {
    const breaks = await tx.$queryRawUnsafe<Raw[]>(BREAKS_SQL, orgId, BigInt(thresholds.toleranceMinor));
    const boundaryAccounts = [...new Set(breaks.filter((row) => row.batchId !== row.prevBatchId).map((row) => row.accountId))];
    const spans = boundaryAccounts.length ? await tx.$queryRawUnsafe<Span[]>(SPANS_SQL, orgId, boundaryAccounts) : [];
    const overlapsAnother = (batchId: string) => {
      const span = spans.find((candidate) => candidate.batchId === batchId);
      return span !== undefined && spans.some((other) => other.batchId !== batchId && other.accountId === span.accountId && overlap(span, other));
    };
    const findings: AlertFinding[] = [];
    for (const row of breaks) {
      if (row.batchId !== row.prevBatchId && (overlapsAnother(row.batchId) || overlapsAnother(row.prevBatchId))) continue;
      const amountMinor = row.breakMinor < 0n ? -row.breakMinor : row.breakMinor;
      findings.push({
        type: "BALANCE_BREAK",
        causeKey: `BANK:${row.id}`,
        severity: severityOfAmount(amountMinor),
        amountMinor,
        currency: row.currency,
        storeId: null,
        fundAccountId: row.accountId,
        day: row.day,
        refs: [
          { side: "BANK", rowId: row.prevId.toString(), ref: null, file: row.prevFileName, sourceRow: row.prevSourceRow },
          { side: "BANK", rowId: row.id.toString(), ref: null, file: row.fileName, sourceRow: row.sourceRow },
        ],
        facts: {
          account: row.accountName,
          rows: 2,
          day: row.day,
          file: row.fileName,
          row: row.sourceRow,
          previousRow: row.prevSourceRow,
          expectedMinor: (row.printed - row.breakMinor).toString(),
          printedMinor: row.printed.toString(),
          differenceMinor: row.breakMinor.toString(),
        },
      });
    }
    return findings;
  },
};
