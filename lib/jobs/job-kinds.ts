// Every kind of long work the worker runs, by name. A kind says what its payload must look like, how
// to do the work (a thin call into the lib function the CLI and tests also use), and what its batch
// or run must become when the job fails, dies with its worker, or is cancelled — so the page, which
// reads the batch or run, never shows work that nobody is doing.
import { z } from "zod";
import { importCommitJob, importFileJob, importPreviewJob } from "./kinds/import-jobs";
import { reconcileRunJob } from "./kinds/reconcile-run-job";
import { exportFileJob } from "./kinds/export-file-job";
import { receivablesRefreshJob } from "./kinds/receivables-refresh-job";
import { alertsComputeJob } from "./kinds/alerts-compute-job";
import type { JobKind } from "./job-kind";

export type { JobKind };

// The kind's payload type is checked where each kind is written (import-jobs.ts, reconcile-run-job.ts, export-file-job.ts, receivables-refresh-job.ts, alerts-compute-job.ts).
export const JOB_KINDS = {
  "import-preview": importPreviewJob,
  "import-commit": importCommitJob,
  "import-file": importFileJob,
  "reconcile-run": reconcileRunJob,
  "export-file": exportFileJob,
  "receivables-refresh": receivablesRefreshJob,
  "alerts-compute": alertsComputeJob,
} as const;

export type JobKindName = keyof typeof JOB_KINDS;
export type JobPayload<K extends JobKindName> = z.input<(typeof JOB_KINDS)[K]["payload"]>;

export function jobKind(name: string): JobKind<unknown> | undefined {
  return Object.hasOwn(JOB_KINDS, name) ? (JOB_KINDS[name as JobKindName] as unknown as JobKind<unknown>) : undefined;
}

export const jobKindNames = z.enum(Object.keys(JOB_KINDS) as [JobKindName, ...JobKindName[]]);
