// 资金账户余额调节 (account roll-forward): per bank account or platform wallet (and currency) over the
// period, opening + money in − money out = computed closing, set beside the closing the statement
// itself prints, with every row whose printed balance does not follow from the one before (a
// break: a row missing, doubled or changed). The chain and its order: account-chain-sql.ts; it is
// walked once per ledger change by the receivables rebuild into ReportBankRow and summed per day
// into ReportBankDay (rollups/bank-chain-rollup.ts, decision 0011): the report sums the period's
// days, its drill-down pages the period's rows by position. As fresh as the receivables (the page
// says).
//
// Opening is read from the period's first row that prints a balance (its balance less the movements
// up to it), so a break on the period's very first row is counted but not in the difference: the
// difference is printed closing − computed closing, the sum of the breaks after the first row. An
// account whose statements print no balance in the period gets empty balance cells and a note: a
// balance is never made up.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ReportFilters } from "./report-filters";
import type { DrillKey, DrillPage, DrillResult, ReportColumn, ReportNote, ReportResult, ReportRow } from "./report-result";
import type { ReportScope, StandardReport } from "./standard-report";

const label = (key: string) => `reports.rollforward.columns.${key}`;

const COLUMNS: ReportColumn[] = [
  { key: "account", label: label("account"), type: "text" },
  { key: "type", label: label("type"), type: "text", codes: "accountTypes" },
  { key: "currency", label: label("currency"), type: "text" },
  { key: "opening", label: label("opening"), type: "money", currencyKey: "currency" },
  { key: "in", label: label("in"), type: "money", currencyKey: "currency" },
  { key: "out", label: label("out"), type: "money", currencyKey: "currency" },
  { key: "computedClosing", label: label("computedClosing"), type: "money", currencyKey: "currency" },
  { key: "printedClosing", label: label("printedClosing"), type: "money", currencyKey: "currency" },
  { key: "difference", label: label("difference"), type: "money", currencyKey: "currency" },
  { key: "rows", label: label("rows"), type: "integer" },
  { key: "breaks", label: label("breaks"), type: "integer" },
];

type SummaryRaw = {
  fundAccountId: string;
  currency: string;
  name: string;
  type: string;
  rows: bigint;
  inMinor: bigint;
  outMinor: bigint;
  breaks: bigint;
  opening: bigint | null;
  printedClosing: bigint | null;
};

// $1 org, $2 account or null, $3 from, $4 to. The period's days summed (ReportBankDay), with the
// positions of its first and last row (and printed row): those four rows, read by key, give the
// opening (the running sum before the first row, plus the offset — printed balance − running sum —
// of the first printed row) and the printed closing (the last row's running sum plus the last
// printed offset).
const SUMMARY_SQL = `
  WITH per AS (
    SELECT d."fundAccountId", d.currency, sum(d.rows)::bigint AS rows, sum(d."inMinor")::bigint AS "inMinor", sum(d."outMinor")::bigint AS "outMinor",
           sum(d.breaks)::bigint AS breaks, min(d."firstPosition") AS first_n, max(d."lastPosition") AS last_n,
           min(d."firstPrintedPosition") AS first_printed, max(d."lastPrintedPosition") AS last_printed
      FROM "ReportBankDay" d
     WHERE d."orgId" = $1 AND ($2::uuid IS NULL OR d."fundAccountId" = $2::uuid) AND d.day BETWEEN $3::date AND $4::date
     GROUP BY d."fundAccountId", d.currency
  )
  SELECT per."fundAccountId", per.currency, f.name, f.type::text AS type, per.rows, per."inMinor", per."outMinor", per.breaks,
         (fp."balanceMinor" - fp."runMinor" + fr."runMinor" - fr."amountMinor")::bigint AS opening,
         (lp."balanceMinor" - lp."runMinor" + lr."runMinor")::bigint AS "printedClosing"
    FROM per
    JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = per."fundAccountId"
    JOIN "ReportBankRow" fr ON fr."orgId" = $1 AND fr."fundAccountId" = per."fundAccountId" AND fr.currency = per.currency AND fr.position = per.first_n
    JOIN "ReportBankRow" lr ON lr."orgId" = $1 AND lr."fundAccountId" = per."fundAccountId" AND lr.currency = per.currency AND lr.position = per.last_n
    LEFT JOIN "ReportBankRow" fp ON fp."orgId" = $1 AND fp."fundAccountId" = per."fundAccountId" AND fp.currency = per.currency AND fp.position = per.first_printed
    LEFT JOIN "ReportBankRow" lp ON lp."orgId" = $1 AND lp."fundAccountId" = per."fundAccountId" AND lp.currency = per.currency AND lp.position = per.last_printed
   ORDER BY f.name, per.currency`;

async function run(tx: Tx, scope: ReportScope, filters: ReportFilters): Promise<ReportResult> {
  const raw = await tx.$queryRawUnsafe<SummaryRaw[]>(SUMMARY_SQL, scope.orgId, filters.account ?? null, filters.from, filters.to);
  const rows: ReportRow[] = raw.map((row) => {
    const computed = row.opening === null ? null : row.opening + row.inMinor - row.outMinor;
    return {
      account: row.name,
      type: row.type,
      currency: row.currency,
      opening: row.opening,
      in: row.inMinor,
      out: row.outMinor,
      computedClosing: computed,
      printedClosing: row.printedClosing,
      difference: computed === null || row.printedClosing === null ? null : row.printedClosing - computed,
      rows: row.rows,
      breaks: row.breaks,
    };
  });
  const notes: ReportNote[] = [{ key: "reports.rollforward.notes.order" }];
  const unprinted = raw.filter((row) => row.opening === null).map((row) => row.name);
  if (unprinted.length > 0) notes.push({ key: "reports.rollforward.notes.noBalance", values: { accounts: unprinted.join("、"), count: unprinted.length } });
  const breaks = raw.reduce((sum, row) => sum + row.breaks, 0n);
  if (breaks > 0n) notes.push({ key: "reports.rollforward.notes.breaks", values: { count: Number(breaks) } });
  return { columns: COLUMNS, rows, totals: totalsOf(rows), drill: raw.map((row) => ({ account: row.fundAccountId, currency: row.currency })), notes };
}

/** In, out, rows and breaks add up; balances only when every row has one, all in one currency. */
function totalsOf(rows: ReportRow[]): ReportRow {
  const sum = (key: string) => rows.reduce((total, row) => total + ((row[key] as bigint | null) ?? 0n), 0n);
  const totals: ReportRow = { rows: sum("rows"), breaks: sum("breaks") };
  const currencies = new Set(rows.map((row) => row.currency));
  if (currencies.size > 1) return totals;
  Object.assign(totals, { in: sum("in"), out: sum("out") });
  if (currencies.size === 1) totals.currency = rows[0]!.currency as string;
  if (rows.length > 0 && rows.every((row) => row.opening !== null && row.printedClosing !== null)) {
    for (const key of ["opening", "computedClosing", "printedClosing", "difference"]) totals[key] = sum(key);
  }
  return totals;
}

const ROW_COLUMNS: ReportColumn[] = [
  { key: "day", label: label("day"), type: "date" },
  { key: "time", label: label("time"), type: "text" },
  { key: "in", label: label("in"), type: "money", currencyKey: "currency" },
  { key: "out", label: label("out"), type: "money", currencyKey: "currency" },
  { key: "printedBalance", label: label("printedBalance"), type: "money", currencyKey: "currency" },
  { key: "computedBalance", label: label("computedBalance"), type: "money", currencyKey: "currency" },
  { key: "difference", label: label("breakDifference"), type: "money", currencyKey: "currency" },
  { key: "counterparty", label: label("counterparty"), type: "text" },
  { key: "memo", label: label("memo"), type: "text" },
  { key: "file", label: label("file"), type: "text" },
  { key: "sourceRow", label: label("sourceRow"), type: "integer" },
];

const BREAK_COLUMNS: ReportColumn[] = [
  { key: "break", label: label("breakNo"), type: "integer" },
  { key: "role", label: label("role"), type: "text", codes: "reports.rollforward.roles" },
  ...ROW_COLUMNS.filter((column) => column.key !== "computedBalance"),
  { key: "expectedBalance", label: label("expectedBalance"), type: "money", currencyKey: "currency" },
];

type ChainRowRaw = {
  n: bigint;
  day: string;
  time: string | null;
  amountMinor: bigint;
  balanceMinor: bigint | null;
  run: bigint;
  diff: bigint | null;
  counterparty: string | null;
  memo: string | null;
  fileName: string;
  sourceRow: number;
  currency: string;
};

// A rollup row's cells, and its text from the bank row itself (joined by id, for the page's rows only).
const CHAIN_ROW_COLUMNS = `c.position AS n, to_char(c.day, 'YYYY-MM-DD') AS day, to_char(t."occurredAt", 'HH24:MI:SS') AS time,
  c."amountMinor", c."balanceMinor", c."runMinor" AS run, c."breakMinor" AS diff, t.counterparty, t.memo, ib."fileName", t."sourceRow", c.currency`;
const CHAIN_ROW_TEXT = `JOIN "BankTransaction" t ON t."orgId" = $1 AND t.id = c."bankTransactionId" LEFT JOIN "ImportBatch" ib ON ib."orgId" = $1 AND ib.id = t."batchId"`;
const ACCOUNT_ROWS = `"ReportBankRow" c WHERE c."orgId" = $1 AND c."fundAccountId" = $2::uuid AND c.currency = $5 AND c.day BETWEEN $3::date AND $4::date`;

// $1 org, $2 account, $3 from, $4 to, $5 currency, $6 limit, $7 offset.
const ROWS_SQL = `
  WITH page AS (SELECT * FROM ${ACCOUNT_ROWS} ORDER BY c.position LIMIT $6 OFFSET $7)
  SELECT ${CHAIN_ROW_COLUMNS} FROM page c ${CHAIN_ROW_TEXT} ORDER BY c.position`;

// The account's days of the period: $1 org, $2 account, $3 from, $4 to, $5 currency.
const ACCOUNT_DAYS = `"ReportBankDay" d WHERE d."orgId" = $1 AND d."fundAccountId" = $2::uuid AND d.currency = $5 AND d.day BETWEEN $3::date AND $4::date`;

// The period's figures of one account (as the report row) from its days, for the drill-down's 合计;
// its opening as the summary works it out, from the first row and the first printed row.
const ROWS_TOTALS_SQL = `
  WITH per AS (
    SELECT COALESCE(sum(d.rows), 0)::bigint AS rows, COALESCE(sum(d."inMinor"), 0)::bigint AS "inMinor", COALESCE(sum(d."outMinor"), 0)::bigint AS "outMinor",
           COALESCE(sum(d.breaks), 0)::bigint AS breaks, COALESCE(sum(d."breakSumMinor"), 0)::bigint AS "diffMinor",
           min(d."firstPosition") AS first_n, min(d."firstPrintedPosition") AS first_printed
      FROM ${ACCOUNT_DAYS}
  )
  SELECT per.rows, per."inMinor", per."outMinor", per.breaks, per."diffMinor",
         (fr."runMinor" - fr."amountMinor")::bigint AS before_first, (fp."balanceMinor" - fp."runMinor")::bigint AS first_off
    FROM per
    LEFT JOIN "ReportBankRow" fr ON fr."orgId" = $1 AND fr."fundAccountId" = $2::uuid AND fr.currency = $5 AND fr.position = per.first_n
    LEFT JOIN "ReportBankRow" fp ON fp."orgId" = $1 AND fp."fundAccountId" = $2::uuid AND fp.currency = $5 AND fp.position = per.first_printed`;

// Each break of the period with the rows before and after it in chain order (those may lie
// outside the period). The breaks are looked for only within the positions of the days that have
// some. $6 limit and $7 offset count breaks.
const BREAKS_SQL = `
  WITH days AS (SELECT d."firstPosition", d."lastPosition" FROM ${ACCOUNT_DAYS} AND d.breaks > 0),
  found AS (
    SELECT DISTINCT c.position AS n
      FROM days d
      JOIN "ReportBankRow" c ON c."orgId" = $1 AND c."fundAccountId" = $2::uuid AND c.currency = $5 AND c.position BETWEEN d."firstPosition" AND d."lastPosition"
     WHERE c.day BETWEEN $3::date AND $4::date AND c."breakMinor" <> 0
  ),
  breaks AS (SELECT n, row_number() OVER (ORDER BY n) AS k FROM found ORDER BY n LIMIT $6 OFFSET $7)
  SELECT b.k AS "breakNo", c.position - b.n AS "offsetFromBreak", ${CHAIN_ROW_COLUMNS}
    FROM breaks b
    JOIN "ReportBankRow" c ON c."orgId" = $1 AND c."fundAccountId" = $2::uuid AND c.currency = $5 AND c.position BETWEEN b.n - 1 AND b.n + 1
    ${CHAIN_ROW_TEXT}
   ORDER BY b.k, c.position`;

const ROLES = ["previous", "break", "next"] as const;

async function drill(tx: Tx, scope: ReportScope, filters: ReportFilters, key: DrillKey, page: DrillPage): Promise<DrillResult> {
  const keys = Object.keys(key).sort().join(",");
  if ((keys !== "account,currency" && keys !== "account,breaks,currency") || (key.breaks !== undefined && key.breaks !== "1") || !/^[A-Z]{3}$/.test(key.currency ?? "")) {
    throw new AppError("INVALID", { messageKey: "reportDrillRefused" });
  }
  if (!/^[0-9a-f-]{36}$/i.test(key.account!) || !(await tx.fundAccount.findFirst({ where: { orgId: scope.orgId, id: key.account }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", { messageKey: "fundAccountNotFound" });
  }
  if (filters.account && filters.account !== key.account) throw new AppError("INVALID", { messageKey: "reportDrillRefused" });
  const params = [scope.orgId, key.account, filters.from, filters.to, key.currency] as const;
  const [summary] = await tx.$queryRawUnsafe<{ rows: bigint; inMinor: bigint; outMinor: bigint; breaks: bigint; diffMinor: bigint; before_first: bigint | null; first_off: bigint | null }[]>(
    ROWS_TOTALS_SQL,
    ...params,
  );
  const opening = summary!.first_off === null || summary!.before_first === null ? null : summary!.first_off + summary!.before_first;
  const currency = key.currency!;
  if (key.breaks === "1") {
    const raw = await tx.$queryRawUnsafe<(ChainRowRaw & { breakNo: bigint; offsetFromBreak: bigint })[]>(BREAKS_SQL, ...params, page.limit, page.offset);
    const rows = raw.map((row): ReportRow => {
      const role = ROLES[Number(row.offsetFromBreak) + 1]!;
      return {
        break: row.breakNo,
        role,
        ...cellsOf(row),
        difference: role === "break" ? row.diff : null,
        expectedBalance: role === "break" && row.balanceMinor !== null && row.diff !== null ? row.balanceMinor - row.diff : null,
      };
    });
    return { columns: BREAK_COLUMNS, rows, totals: { currency, difference: summary!.diffMinor, break: summary!.breaks }, count: Number(summary!.breaks) };
  }
  const raw = await tx.$queryRawUnsafe<ChainRowRaw[]>(ROWS_SQL, ...params, page.limit, page.offset);
  const [first] = raw;
  // The running balance the movements give from the opening: opening + (run − run before the first period row).
  const rows = raw.map((row): ReportRow => ({
    ...cellsOf(row),
    computedBalance: opening === null || !first ? null : opening + row.run - summary!.before_first!,
    difference: row.diff !== null && row.diff !== 0n ? row.diff : null,
  }));
  return {
    columns: ROW_COLUMNS,
    rows,
    totals: { currency, in: summary!.inMinor, out: summary!.outMinor, difference: summary!.diffMinor },
    count: Number(summary!.rows),
    ...(opening === null ? { notes: [{ key: "reports.rollforward.notes.noBalanceRows" }] } : {}),
  };
}

function cellsOf(row: ChainRowRaw): ReportRow {
  return {
    day: row.day,
    time: row.time,
    currency: row.currency,
    in: row.amountMinor > 0n ? row.amountMinor : null,
    out: row.amountMinor < 0n ? -row.amountMinor : null,
    printedBalance: row.balanceMinor,
    counterparty: row.counterparty,
    memo: row.memo,
    file: row.fileName,
    sourceRow: BigInt(row.sourceRow),
  };
}

export const accountRollforward: StandardReport = { filters: ["account"], readsReceivables: true, run, drill };
