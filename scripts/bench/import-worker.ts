// One end-to-end import in its own process, so its peak RSS is the import's alone. It runs the job
// the CLI runs (lib/jobs: job row, heartbeat, progress), so the benchmark includes what the queue costs.
// argv: <databaseUrl> <orgId> <storeId> <file>; prints { ms, maxRssBytes, inserted, rows, errors }.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createDbClient } from "../../lib/db/client";
import { closePgPool, getPgPool } from "../../lib/db/pg-pool";
import type { ImportFileResult } from "../../lib/import-batches/import-file";
import { jobTimingsFromEnv } from "../../lib/jobs/job-timings";
import { runJobInline } from "../../lib/jobs/run-job-inline";

const [url, orgId, storeId, file] = process.argv.slice(2) as [string, string, string, string];
process.env.DATABASE_URL = url;
process.env.IMPORT_MAX_BYTES = String(4 * 1024 ** 3);
const db = createDbClient(url);
const started = performance.now();
const payload = { orgId, userId: null, userEmail: "bench", batchId: randomUUID(), filePath: path.resolve(file), fileName: path.basename(file), storeId };
const result = (await runJobInline({ db, pool: getPgPool(url) }, "import-file", payload, jobTimingsFromEnv())) as ImportFileResult;
const ms = performance.now() - started;
await db.$disconnect();
await closePgPool();
console.log(
  JSON.stringify({
    ms,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rows: result.rows,
    inserted: result.inserted,
    status: result.status,
    errors: result.errors.length,
  }),
);
process.exit(0);
