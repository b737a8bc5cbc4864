// A month's close report: its status and who submitted and locked it when, its rows and what is
// open of them by list (now), the open items as they were kept at the last submission or lock
// (close-snapshot-facts.ts), and the rows marked not for reconciliation (live: once the month is
// locked nobody can mark or restore them).
import type { Tx } from "@/lib/db/client";
import type { PeriodStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { monthBounds, orderBusinessDaySql } from "@/lib/ledger/business-day";
import { monthChecklist, type MonthChecklist, type OpenList } from "./close-checklist";
import { closeSnapshotFacts } from "./close-snapshot-facts";
import { MONTH_PATTERN } from "./periods";
import { peopleNames } from "./workspace-summary";

/** `excludedMinor` is the marked rows' amount, added up as `amountMinor` is (magnitudes for lines and bank rows). */
export type ReportSummaryRow = { list: OpenList; rows: number; amountMinor: bigint; openRows: number; openMinor: bigint; excludedRows: number; excludedMinor: bigint };

export type CloseReport = {
  month: string;
  status: PeriodStatus;
  submitted: { at: Date; by: string } | null;
  locked: { at: Date; by: string } | null;
  reopened: { at: Date; by: string; reason: string } | null;
  summary: ReportSummaryRow[];
  /** The last snapshot (lock, else submission) and what it kept. */
  snapshot: { step: "SUBMIT" | "LOCK"; at: Date; by: string; confirmedOpenItems: boolean; facts: MonthChecklist } | null;
};

export async function loadCloseReport(tx: Tx, orgId: string, month: string): Promise<CloseReport> {
  if (!MONTH_PATTERN.test(month)) throw new AppError("NOT_FOUND");
  const { first: from, next: until } = monthBounds(month);
  const [period, snapshot, totals, now] = await Promise.all([
    tx.period.findUnique({ where: { orgId_month: { orgId, month } } }),
    tx.periodCloseSnapshot.findFirst({ where: { orgId, month }, orderBy: { takenAt: "desc" } }),
    tx.$queryRawUnsafe<{ list: OpenList; rows: bigint; amount: bigint; excluded: bigint; excluded_amount: bigint }[]>(
      `SELECT 'orders' AS list, count(*)::bigint AS rows, COALESCE(SUM(t."paidAmountMinor"), 0)::bigint AS amount, count(x."rowId")::bigint AS excluded,
              COALESCE(SUM(t."paidAmountMinor") FILTER (WHERE x."rowId" IS NOT NULL), 0)::bigint AS excluded_amount
         FROM "Order" t LEFT JOIN "ExcludedRow" x ON x."orgId" = t."orgId" AND x.side = 'ORDER' AND x."rowId" = t.id
        WHERE t."orgId" = $1::uuid AND ${orderBusinessDaySql("t")} >= $2::timestamp AND ${orderBusinessDaySql("t")} < $3::timestamp
       UNION ALL
       SELECT 'lines', count(*), COALESCE(SUM(ABS(t."amountMinor")), 0)::bigint, count(x."rowId"), COALESCE(SUM(ABS(t."amountMinor")) FILTER (WHERE x."rowId" IS NOT NULL), 0)::bigint FROM "SettlementLine" t LEFT JOIN "ExcludedRow" x ON x."orgId" = t."orgId" AND x.side = 'SETTLEMENT' AND x."rowId" = t.id
        WHERE t."orgId" = $1::uuid AND t."occurredOn" >= $2::date AND t."occurredOn" < $3::date
       UNION ALL
       SELECT CASE WHEN a.type = 'BANK' THEN 'bank' ELSE 'lines' END, count(*), COALESCE(SUM(ABS(t."amountMinor")), 0)::bigint, count(x."rowId"),
              COALESCE(SUM(ABS(t."amountMinor")) FILTER (WHERE x."rowId" IS NOT NULL), 0)::bigint
         FROM "BankTransaction" t JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId" LEFT JOIN "ExcludedRow" x ON x."orgId" = t."orgId" AND x.side = 'BANK' AND x."rowId" = t.id
        WHERE t."orgId" = $1::uuid AND t."occurredOn" >= $2::date AND t."occurredOn" < $3::date GROUP BY a.type = 'BANK'`,
      orgId,
      from,
      until,
    ),
    monthChecklist(tx, orgId, month),
  ]);
  const people = await peopleNames(tx, [period?.submittedById ?? null, period?.lockedById ?? null, period?.reopenedById ?? null, snapshot?.takenById ?? null]);
  const name = (id: string | null | undefined) => (id ? (people[id] ?? "") : "");
  const summary = (["orders", "lines", "bank"] as const).map((list): ReportSummaryRow => {
    const of = totals.filter((row) => row.list === list);
    const open = now.groups.filter((group) => group.list === list);
    return {
      list,
      rows: of.reduce((sum, row) => sum + Number(row.rows), 0),
      amountMinor: of.reduce((sum, row) => sum + row.amount, 0n),
      openRows: open.reduce((sum, group) => sum + group.count, 0),
      openMinor: open.reduce((sum, group) => sum + group.remainingMinor, 0n),
      excludedRows: of.reduce((sum, row) => sum + Number(row.excluded), 0),
      excludedMinor: of.reduce((sum, row) => sum + row.excluded_amount, 0n),
    };
  });
  return {
    month,
    status: period?.status ?? "OPEN",
    submitted: period?.submittedAt ? { at: period.submittedAt, by: name(period.submittedById) } : null,
    locked: period?.lockedAt && period.status === "LOCKED" ? { at: period.lockedAt, by: name(period.lockedById) } : null,
    reopened: period?.reopenedAt ? { at: period.reopenedAt, by: name(period.reopenedById), reason: period.reopenReason ?? "" } : null,
    summary,
    snapshot: snapshot ? { step: snapshot.step, at: snapshot.takenAt, by: name(snapshot.takenById), confirmedOpenItems: snapshot.confirmedOpenItems, facts: closeSnapshotFacts(snapshot) } : null,
  };
}
