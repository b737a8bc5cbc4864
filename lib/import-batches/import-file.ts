// The whole import in one call, for the CLI and tests: stage → preview → commit. The web page does
// the same steps one by one, with the user confirming the preview.
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/load-org-context";
import type { ImportError, ImportKind } from "@/lib/import/types";
import { commitBatch } from "./commit-batch";
import { KIND_FROM_DB } from "./import-kinds";
import { previewBatch } from "./preview-batch";
import { stageUpload } from "./stage-upload";

export type ImportFileInput = {
  fileName: string;
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  format?: string;
  kind?: ImportKind;
  storeId?: string | null;
  fundAccountId?: string | null;
  skipInvalid?: boolean;
};

export type ImportFileResult = {
  batchId: string;
  format: string | null;
  kind: ImportKind | null;
  status: string;
  rows: number;
  inserted: number;
  duplicates: number;
  invalid: number;
  errors: ImportError[];
};

export async function importFile(db: Db, pool: pg.Pool, actor: Actor, input: ImportFileInput): Promise<ImportFileResult> {
  const staged = await stageUpload(db, actor, input);
  const { batch: previewed } = await previewBatch(db, actor, staged.id, { format: input.format, kind: input.kind });
  const canCommit = previewed.status === "PREVIEW" && (previewed.invalidCount === 0 || input.skipInvalid);
  const batch = canCommit
    ? await commitBatch(db, pool, actor, previewed.id, {
        skipInvalid: input.skipInvalid,
        storeId: input.storeId,
        fundAccountId: input.fundAccountId,
      })
    : previewed;
  return {
    batchId: batch.id,
    format: batch.format,
    kind: batch.kind ? KIND_FROM_DB[batch.kind] : null,
    status: batch.status,
    rows: batch.rowCount,
    inserted: batch.insertedCount,
    duplicates: batch.duplicateCount,
    invalid: batch.invalidCount,
    errors: batch.errors as unknown as ImportError[],
  };
}
