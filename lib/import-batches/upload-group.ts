// The files of one multi-file upload, named by their ids in the list page's address, and whether
// they can all be committed at once: only when every preview is clean — read (PREVIEW), no invalid
// row, and a store or account chosen — so "import all" never commits a file nobody looked at twice.
import type { Tx } from "@/lib/db/client";
import type { ImportStatus } from "@/lib/db/generated/enums";
import { isUuid } from "@/lib/shared/uuid";

/** More ids than one upload would hold are ignored rather than queried. */
export const MAX_UPLOAD_GROUP = 50;

export type GroupBatch = {
  id: string;
  fileName: string;
  status: ImportStatus;
  invalidCount: number;
  storeId: string | null;
  fundAccountId: string | null;
};

export function uploadGroupIds(text: string | undefined | null): string[] {
  if (!text) return [];
  return [...new Set(text.split(",").filter(isUuid))].slice(0, MAX_UPLOAD_GROUP);
}

export function isCleanPreview(batch: GroupBatch): boolean {
  return batch.status === "PREVIEW" && batch.invalidCount === 0 && (batch.storeId !== null || batch.fundAccountId !== null);
}

/** Ready when at least one file is waiting and every file still waiting has a clean preview. */
export function readyToCommitAll(batches: readonly GroupBatch[]): boolean {
  const waiting = batches.filter((batch) => batch.status !== "COMMITTED" && batch.status !== "CANCELLED");
  return waiting.length > 0 && waiting.every(isCleanPreview);
}

/** The organization's own batches among the ids; another company's id is simply not there. */
export function loadUploadGroup(db: Tx, orgId: string, ids: readonly string[]): Promise<GroupBatch[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.importBatch.findMany({
    where: { orgId, id: { in: [...ids] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, status: true, invalidCount: true, storeId: true, fundAccountId: true },
  });
}
