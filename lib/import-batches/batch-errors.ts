// A batch keeps its first errors and warnings (row, column as the user sees them, code, params,
// severity) for the preview and the failure page. This module writes that JSON column and reads it back.
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import type { ImportError, ImportErrorCode } from "@/lib/import/types";
import { readJsonColumn } from "@/lib/shared/json-column";
import { toJsonValue } from "@/lib/shared/json-safe";

const importErrorSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  // Codes live in a TypeScript union only; a code a later version no longer knows still reads, and
  // the page shows its key rather than failing on a batch kept for years.
  code: z.custom<ImportErrorCode>((value) => typeof value === "string" && value.length > 0),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  severity: z.enum(["error", "warning"]),
});

const batchErrorsSchema = z.array(importErrorSchema);

export function batchErrorsJson(errors: readonly ImportError[]): Prisma.InputJsonValue {
  return toJsonValue(errors);
}

export function batchErrors(batch: { id: string; errors: unknown }): ImportError[] {
  return readJsonColumn(batchErrorsSchema, batch.errors, "ImportBatch.errors", batch.id);
}
