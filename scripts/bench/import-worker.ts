// One end-to-end import in its own process, so its peak RSS is the import's alone.
// argv: <databaseUrl> <orgId> <storeId> <file>; prints { ms, maxRssBytes, inserted, rows, errors }.
import fs from "node:fs";
import path from "node:path";
import { createDbClient } from "../../lib/db/client";
import { closePgPool, getPgPool } from "../../lib/db/pg-pool";
import { importFile } from "../../lib/import-batches/import-file";

const [url, orgId, storeId, file] = process.argv.slice(2) as [string, string, string, string];
process.env.DATABASE_URL = url;
process.env.IMPORT_MAX_BYTES = String(4 * 1024 ** 3);
const db = createDbClient(url);
const started = performance.now();
const result = await importFile(db, getPgPool(url), { orgId, userId: null, userEmail: "bench" }, {
  fileName: path.basename(file),
  source: fs.createReadStream(file, { highWaterMark: 1 << 20 }),
  storeId,
});
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
