// Thrown out of a job's own progress report once someone asked to cancel it: the work stops at its
// next report, inside whatever transaction it holds, so a cancelled commit stores nothing.
export const JOB_CANCELLED = "CANCELLED";

export class JobCancelledError extends Error {
  constructor() {
    // The message is what a reconciliation run records as its error (RUN_CANCELLED).
    super(JOB_CANCELLED);
    this.name = "JobCancelledError";
  }
}
