// An export as a job (lib/jobs): the worker writes the file the export centre then serves.
import { z } from "zod";
import type { JobKind } from "../job-kind";
import { isAppError } from "@/lib/errors";
import { endUnfinishedExport, runExport, type ExportOutcome } from "@/lib/export-files/run-export";

const exportPayload = z.object({ orgId: z.uuid(), exportId: z.uuid() });

export const exportFileJob: JobKind<z.infer<typeof exportPayload>> = {
  payload: exportPayload,
  subjectOf: (payload) => payload.exportId,
  subjectType: "ExportFile",
  run: (ctx, { orgId, exportId }): Promise<ExportOutcome> => runExport(ctx, orgId, exportId),
  // A refusal the user can act on (PDF row limit, a filter, totals that moved) keeps its words.
  failed: (db, { orgId, exportId }, error) =>
    isAppError(error) ? endUnfinishedExport(db, orgId, exportId, "FAILED", `errors.${error.messageKey}`, error.params) : endUnfinishedExport(db, orgId, exportId, "FAILED", "jobs.failed"),
  interrupted: (db, orgId, exportId) => endUnfinishedExport(db, orgId, exportId, "FAILED", "jobs.interrupted"),
  cancelled: (db, orgId, exportId) => endUnfinishedExport(db, orgId, exportId, "CANCELLED", "jobs.cancelled"),
};
