// The worker's sweep frees the bytes of exports past their retention (export-retention.ts), a few
// files per statement so no sweep runs long. The line stays, shown as expired.
import type { Db } from "@/lib/db/client";

export async function expireExports(db: Db, { maxFiles = 20 } = {}): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "ExportFileChunk" c USING (
      SELECT "orgId", id FROM "ExportFile" WHERE "expiresAt" <= now() AND status = 'DONE'
        AND EXISTS (SELECT 1 FROM "ExportFileChunk" k WHERE k."orgId" = "ExportFile"."orgId" AND k."exportId" = "ExportFile".id)
      LIMIT ${maxFiles}::int) e
    WHERE c."orgId" = e."orgId" AND c."exportId" = e.id`;
}
