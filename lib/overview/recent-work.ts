// The home page's 最近导入 and 最近对账: the company's last few imports (as the import page lists
// them: a cancelled upload is not one) and its last few reconciliation runs, with who did each, so
// an accountant sees at a glance whether the month's files are in and when the engine last ran.
import type { Tx } from "@/lib/db/client";
import type { ImportKind, ImportStatus, RunStatus } from "@/lib/db/generated/enums";
import { IMPORT_BATCH_LIST_ORDER, importBatchListWhere } from "@/lib/import-batches/batch-queries";
import { RUN_CANCELLED } from "@/lib/match-runs/interrupted-runs";
import { runResults } from "@/lib/match-runs/run-record";
import { peopleNames } from "@/lib/match-review/workspace-summary";

export const RECENT_IMPORTS = 5;
export const RECENT_RUNS = 3;

export type RecentImport = {
  id: string;
  fileName: string;
  kind: ImportKind | null;
  /** The store or fund account the file went to. */
  target: string | null;
  rows: number;
  /** Rows stored (committed and undone batches), else null. */
  inserted: number | null;
  invalid: number;
  status: ImportStatus;
  at: Date;
  by: string | null;
};

export type RecentRun = {
  id: string;
  /** FAILED runs people cancelled read CANCELLED, as on the runs page. */
  status: RunStatus | "CANCELLED";
  startedAt: Date;
  durationMs: number | null;
  autoConfirmed: number | null;
  proposed: number | null;
  /** Orders, bill lines and bank rows the run left unmatched; null until it finished. */
  unmatched: number | null;
  by: string | null;
};

export async function recentImports(tx: Tx, orgId: string, take = RECENT_IMPORTS): Promise<RecentImport[]> {
  const batches = await tx.importBatch.findMany({
    where: importBatchListWhere(orgId),
    orderBy: IMPORT_BATCH_LIST_ORDER,
    take,
    select: {
      id: true, fileName: true, kind: true, rowCount: true, insertedCount: true, invalidCount: true, status: true, createdAt: true, createdById: true,
      store: { select: { name: true } }, fundAccount: { select: { name: true } },
    },
  });
  const names = await peopleNames(tx, batches.map((batch) => batch.createdById));
  return batches.map((batch) => ({
    id: batch.id,
    fileName: batch.fileName,
    kind: batch.kind,
    target: batch.store?.name ?? batch.fundAccount?.name ?? null,
    rows: batch.rowCount,
    inserted: batch.status === "COMMITTED" || batch.status === "UNDONE" ? batch.insertedCount : null,
    invalid: batch.invalidCount,
    status: batch.status,
    at: batch.createdAt,
    by: batch.createdById ? (names[batch.createdById] ?? null) : null,
  }));
}

export async function recentRuns(tx: Tx, orgId: string, take = RECENT_RUNS): Promise<RecentRun[]> {
  const runs = await tx.reconciliationRun.findMany({
    where: { orgId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, status: true, error: true, startedAt: true, durationMs: true, results: true, startedById: true },
  });
  const names = await peopleNames(tx, runs.map((run) => run.startedById));
  return runs.map((run) => {
    const results = runResults(run);
    const unmatched = results.unmatched ? results.unmatched.orders + results.unmatched.settlement + results.unmatched.bank : null;
    return {
      id: run.id,
      status: run.status === "FAILED" && run.error === RUN_CANCELLED ? "CANCELLED" : run.status,
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      autoConfirmed: results.autoConfirmed ?? null,
      proposed: results.proposed ?? null,
      unmatched,
      by: run.startedById ? (names[run.startedById] ?? null) : null,
    };
  });
}
