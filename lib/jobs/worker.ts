// A worker: takes queued jobs one at a time (the work is CPU-bound and the machine small; more
// throughput means more worker processes, `npm run worker`, on this or other machines), wakes on
// the queue's notification or every pollMs, and sweeps dead jobs every sweepMs.
import os from "node:os";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { claimNextJob } from "./claim-job";
import { JOBS_CHANNEL } from "./enqueue-job";
import type { JobTimings } from "./job-timings";
import { runClaimedJob, type JobOutcome } from "./run-job";
import { sweepJobs } from "./sweep-jobs";
import { queueReceivablesRefresh } from "./queue-receivables-refresh";
import { queueAlertComputations } from "./queue-alert-computations";

let workerCount = 0;

export function newWorkerId(label = "worker"): string {
  return `${label}:${os.hostname()}:${process.pid}:${++workerCount}`;
}

export type Worker = { id: string; stop: () => Promise<void> };

export async function startWorker(options: {
  db: Db;
  pool: pg.Pool;
  connectionString: string;
  timings: JobTimings;
  onJobEnd?: (jobId: string, outcome: JobOutcome) => void;
}): Promise<Worker> {
  const { db, pool, timings } = options;
  const id = newWorkerId();
  let stopping = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => ((wake = undefined), resolve()), ms);
      wake = () => (clearTimeout(timer), (wake = undefined), resolve());
    });

  const listener = new pg.Client({ connectionString: options.connectionString });
  listener.on("error", (error) => console.warn(`Job notifications lost (${error.message}); polling every ${timings.pollMs} ms.`));
  await listener.connect();
  await listener.query(`LISTEN ${JOBS_CHANNEL}`);
  listener.on("notification", () => wake?.());

  const followLedger = async () => {
    try {
      await queueReceivablesRefresh(db);
    } catch (error) {
      console.error("Could not queue receivables rebuilds", error);
    }
  };
  const followAlerts = async () => {
    try {
      await queueAlertComputations(db);
    } catch (error) {
      console.error("Could not queue alert computations", error);
    }
  };
  const sweep = async () => {
    try {
      await sweepJobs(db, timings);
    } catch (error) {
      console.error("Job sweep failed", error);
    }
    await followLedger();
    await followAlerts();
  };
  await sweep();
  const sweeper = setInterval(() => void sweep(), timings.sweepMs);

  const loop = (async () => {
    while (!stopping) {
      let job;
      try {
        job = await claimNextJob(db, id);
      } catch (error) {
        console.error("Could not claim a job", error);
      }
      if (!job) {
        await sleep(timings.pollMs);
        continue;
      }
      try {
        // Not inside `onJobEnd?.(…)`: an optional call skips evaluating its arguments when absent.
        const outcome = await runClaimedJob({ db, pool }, job, id, timings);
        options.onJobEnd?.(job.id, outcome);
        if (job.kind !== "receivables-refresh") await followLedger();
        // After a rebuild its alerts follow at once; after anything else they wait for the rebuild.
        await followAlerts();
      } catch (error) {
        // Its end could not be written (database gone): the sweep will end it as interrupted.
        console.error(`Job ${job.id} could not be ended`, error);
      }
    }
  })();

  return {
    id,
    async stop() {
      stopping = true;
      clearInterval(sweeper);
      wake?.();
      // The job in hand finishes first: stopping never leaves work half done on purpose.
      await loop;
      await listener.end().catch(() => {});
    },
  };
}
