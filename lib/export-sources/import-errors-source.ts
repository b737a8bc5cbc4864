// One import batch's kept errors and warnings, one per row, as its page lists them (row, column,
// the offending value when the check recorded it, the message in the reader's language). Another
// company's batch, or an id that is none, is "not found", as the batch page says.
//
// Params: { batch: <batch id> }.
import type { Tx } from "@/lib/db/client";
import type { ExportColumn, ExportRow } from "@/lib/export";
import { batchErrors } from "@/lib/import-batches/batch-errors";
import { getImportBatchOrThrow } from "@/lib/import-batches/batch-queries";
import { formatImportError } from "@/lib/import/error-messages";
import { formatLocalDateTime } from "@/lib/shared/local-time";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";

export const importErrorsSource: ExportSource = { permission: "org.read", describe: describeImportErrors };

async function describeImportErrors(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const { t } = ctx;
  const batch = await getImportBatchOrThrow(tx, ctx.orgId, params.batch?.trim() ?? "");
  const errors = batchErrors(batch);
  const columns: ExportColumn[] = [
    { key: "row", label: t("imports.errorRow"), type: "integer" },
    { key: "column", label: t("imports.errorColumn"), type: "text" },
    { key: "value", label: t("exportSources.importErrors.value"), type: "text" },
    { key: "severity", label: t("exportSources.importErrors.severity"), type: "text" },
    { key: "message", label: t("imports.errorMessage"), type: "text" },
  ];
  const rows: ExportRow[] = errors.map((error) => ({
    row: error.row,
    column: error.column,
    value: error.params.value === undefined ? null : String(error.params.value),
    severity: t(`exportSources.importErrors.${error.severity}`),
    message: formatImportError(error, ctx.locale),
  }));
  const total = Math.max(batch.invalidCount + batch.warningCount, errors.length);
  return {
    rowCount: rows.length,
    table: {
      title: `${t("imports.errorsTitle")} · ${batch.fileName}`,
      company: ctx.orgName,
      filters: [
        { label: t("imports.file"), value: batch.fileName },
        { label: t("imports.time"), value: formatLocalDateTime(batch.createdAt, ctx.timeZone) },
        { label: t("imports.status"), value: t(`imports.statuses.${batch.status}`) },
        // The batch keeps its first errors only: the file says how many there were.
        ...(total > errors.length ? [{ label: t("imports.errorsTitle"), value: t("imports.moreErrors", { shown: errors.length, total }) }] : []),
      ],
      generatedBy: ctx.requestedBy,
      generatedAt: ctx.requestedAt,
      timeZone: ctx.timeZone,
      columns,
      rows,
    },
  };
}
