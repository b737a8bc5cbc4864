import type pg from "pg";
import type { Db } from "@/lib/db/client";

/** What a job's handler gets: the databases, and one way to report progress (which is also where a cancel stops it). */
export type JobContext = {
  db: Db;
  pool: pg.Pool;
  jobId: string;
  /**
   * fraction 0..1 and a message key (jobs.phase.*) for the page. Synchronous, so lib code can call
   * it from inside a loop; it throws JobCancelledError once the job was asked to stop.
   */
  progress: (fraction: number, phase?: string) => void;
};
