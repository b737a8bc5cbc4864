// Long import steps run as jobs (lib/jobs), reporting progress on the
// batch row that the page polls. A failure is recorded on the batch, never lost in a log only.
import type { Db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { batchErrorsJson } from "./batch-errors";

export async function recordFailure(db: Db, batchId: string, error: unknown): Promise<void> {
  // A refused commit (e.g. the file changed) has already put the batch back to PREVIEW.
  if (isAppError(error)) return;
  console.error(`Import ${batchId} failed`, error);
  const reason = error instanceof Error ? error.message.slice(0, 300) : String(error);
  await db.importBatch
    .updateMany({
      where: { id: batchId, status: { in: ["PARSING", "COMMITTING"] } },
      data: {
        status: "FAILED",
        errors: batchErrorsJson([{ row: null, column: null, code: "CORRUPT_SPREADSHEET", params: { reason }, severity: "error" }]),
      },
    })
    .catch(() => {});
}
