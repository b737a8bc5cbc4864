// The months of a company that are closing or closed — submitted and waiting for a reviewer, or
// locked — with who did it and when: what every workspace page warns about before anyone starts a
// form (a locked month refuses matches, unmatches and undo: periods.ts). Months still open have no
// row or an OPEN one and are not listed. The Period table holds a row per closed month: a few dozen
// rows a company, read by its key.
import type { Tx } from "@/lib/db/client";
import { peopleNames } from "./workspace-summary";

export type ClosingMonth = {
  month: string;
  status: "SUBMITTED" | "LOCKED";
  submittedBy: string | null;
  submittedAt: Date | null;
  lockedBy: string | null;
  lockedAt: Date | null;
};

/** Submitted and locked months, latest first. */
export async function closingMonths(tx: Tx, orgId: string): Promise<ClosingMonth[]> {
  const periods = await tx.period.findMany({
    where: { orgId, status: { in: ["SUBMITTED", "LOCKED"] } },
    select: { month: true, status: true, submittedAt: true, submittedById: true, lockedAt: true, lockedById: true },
    orderBy: { month: "desc" },
  });
  const names = await peopleNames(tx, periods.flatMap((period) => [period.submittedById, period.lockedById]));
  return periods.map((period) => ({
    month: period.month,
    status: period.status as ClosingMonth["status"],
    submittedBy: period.submittedById ? (names[period.submittedById] ?? null) : null,
    submittedAt: period.submittedAt,
    lockedBy: period.lockedById ? (names[period.lockedById] ?? null) : null,
    lockedAt: period.lockedAt,
  }));
}
