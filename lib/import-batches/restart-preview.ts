// Reading a file again (another format, or a new column mapping) starts from a batch that is
// waiting for the user (PREVIEW) or could not be read (FAILED). A committed, cancelled or undone
// batch, or one being read or committed right now, must not be sent back to PARSING: its preview
// would be rewritten under rows already stored, and it could then be committed a second time.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getImportBatchOrThrow } from "./batch-queries";

const REREADABLE = ["PREVIEW", "FAILED"] as const;

export async function restartPreview(db: Tx, orgId: string, batchId: string): Promise<void> {
  await getImportBatchOrThrow(db, orgId, batchId); // another company's id answers "not found"
  // Checked and written in one statement, so two clicks cannot both start a reading.
  const { count } = await db.importBatch.updateMany({
    where: { id: batchId, orgId, status: { in: [...REREADABLE] } },
    data: { status: "PARSING", progress: 0 },
  });
  if (count === 0) throw new AppError("CONFLICT", { messageKey: "batchNotRereadable" });
}
