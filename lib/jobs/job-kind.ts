// The shape every kind of job has. Its own file, so that the kinds (in lib/import-batches and
// lib/match-runs) depend on the shape only, and the registry (job-kinds.ts) on the kinds: no circle.
import type { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { JobContext } from "./job-context";

export type JobKind<P> = {
  payload: z.ZodType<P>;
  /** The batch or run the job works on: the page shows it, the sweep repairs it. */
  subjectOf: (payload: P) => string;
  /** The table of that batch or run, for the audit row of a cancel. */
  subjectType: "ImportBatch" | "ReconciliationRun" | "ExportFile" | "OrderReceivable" | "Alert";
  run: (ctx: JobContext, payload: P) => Promise<unknown>;
  /** The job threw: leave the subject failed with a reason (the lib function often did already). */
  failed: (db: Db, payload: P, error: unknown) => Promise<void>;
  /** Its worker died: the subject becomes FAILED as interrupted (nothing of the job was stored). */
  interrupted: (db: Db, orgId: string, subjectId: string) => Promise<void>;
  /** Someone cancelled it: inside the cancel's transaction when it was still queued. */
  cancelled: (db: Tx, orgId: string, subjectId: string) => Promise<void>;
};
