// An import step that ended without finishing: its worker died (the sweep in lib/jobs finds it within
// a minute), or someone cancelled it. Nothing of the step was stored.
import type { Db } from "@/lib/db/client";

/** FAILED without errors: the page explains it as interrupted (imports.interrupted); nothing was stored. */
export async function markImportInterrupted(db: Db, orgId: string, batchId: string): Promise<void> {
  await db.importBatch.updateMany({
    where: { id: batchId, orgId, status: { in: ["PARSING", "COMMITTING"] } },
    data: { status: "FAILED", errors: [], progress: 0 },
  });
}
