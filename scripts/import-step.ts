// One step of an import started from the web app, in a process of its own (see
// lib/import-batches/run-import-step-in-child.ts):  tsx scripts/import-step.ts '<request as JSON>'
// The step records its outcome on the batch, and so does a failure; the exit code says whether the
// step ended normally.
import { getDb } from "../lib/db/client";
import { closePgPool, getPgPool } from "../lib/db/pg-pool";
import { importStepSchema, runImportStep } from "../lib/import-batches/import-step";
import { recordFailure } from "../lib/import-batches/run-in-background";

const request = importStepSchema.parse(JSON.parse(process.argv[2] ?? "null"));
const db = getDb();
let code = 0;
try {
  await runImportStep(db, getPgPool(), request);
} catch (error) {
  console.error(`Import step ${request.step} of ${request.batchId} failed`, error);
  await recordFailure(db, request.batchId, error);
  code = 1;
} finally {
  await closePgPool();
  await db.$disconnect();
}
process.exit(code);
