// An import step that ended without finishing: its worker died (the sweep in lib/jobs finds it within
// a minute), or someone cancelled it. Nothing of the step was stored.
import type { Tx } from "@/lib/db/client";
import { batchErrorsJson } from "./batch-errors";

/** FAILED without errors: the page explains it as interrupted (imports.interrupted); nothing was stored. */
export async function markImportInterrupted(db: Tx, orgId: string, batchId: string): Promise<void> {
  await db.importBatch.updateMany({
    where: { id: batchId, orgId, status: { in: ["PARSING", "COMMITTING"] } },
    data: { status: "FAILED", errors: batchErrorsJson([]), progress: 0 },
  });
}

/** A commit that stored nothing gives its claim back: the batch waits in PREVIEW to be committed again or discarded. */
export async function releaseCommitClaim(db: Tx, orgId: string, batchId: string): Promise<void> {
  await db.importBatch.updateMany({ where: { id: batchId, orgId, status: "COMMITTING" }, data: { status: "PREVIEW", progress: 0 } });
}
