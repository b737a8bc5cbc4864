// 数据导入: every batch the import page lists, newest first, one row each — file, kind, format,
// store or account, status, what was read, stored, skipped and refused, who uploaded it and when —
// with the errors and warnings the batch kept, in the reader's language as the batch page shows
// them. `import-errors` (import-errors-source.ts) lists one batch's errors one per row.
//
// Params: none (the page has no filters).
import type { Tx } from "@/lib/db/client";
import type { ExportColumn, ExportRow } from "@/lib/export";
import { batchErrors } from "@/lib/import-batches/batch-errors";
import { IMPORT_BATCH_LIST_ORDER, importBatchListWhere } from "@/lib/import-batches/batch-queries";
import { describeFormat } from "@/lib/import-batches/column-mappings";
import { KIND_FROM_DB } from "@/lib/import-batches/import-kinds";
import { formatImportError } from "@/lib/import/error-messages";
import { peopleNames } from "@/lib/match-review/workspace-summary";
import { formatLocalDateTime } from "@/lib/shared/local-time";
import type { ExportContext, ExportSource } from "./export-source";
import { keysetBatches, type OlderThan } from "./keyset-batches";

/** Batches per query: each carries its kept errors (a few hundred at most), so fewer than a list's rows. */
const BATCH_ROWS = 500;

export const importsSource: ExportSource = { permission: "org.read", describe: describeImports };

/** Only a stored batch has stored and skipped rows; before (or without) a commit they are not known. */
const COMMITTED = new Set(["COMMITTED", "UNDONE"]);

async function describeImports(tx: Tx, ctx: ExportContext) {
  const { t } = ctx;
  const where = importBatchListWhere(ctx.orgId);
  const count = await tx.importBatch.count({ where });
  const formats = new Map<string | null, string>();
  const formatLabel = async (id: string | null) => {
    if (!formats.has(id)) formats.set(id, (await describeFormat(tx, ctx.orgId, id, ctx.locale)) ?? "");
    return formats.get(id)!;
  };
  const columns: ExportColumn[] = [
    { key: "time", label: t("imports.time"), type: "date", withTime: true },
    { key: "file", label: t("imports.file"), type: "text" },
    { key: "kind", label: t("imports.kind"), type: "text" },
    { key: "format", label: t("imports.format"), type: "text" },
    { key: "target", label: t("imports.target"), type: "text" },
    { key: "status", label: t("imports.status"), type: "text" },
    // Adding these up over the batches is meaningful (rows read, stored … in all the files).
    { key: "rows", label: t("imports.rows"), type: "integer", total: true },
    { key: "inserted", label: t("imports.new"), type: "integer", total: true },
    { key: "duplicates", label: t("imports.duplicates"), type: "integer", total: true },
    { key: "invalid", label: t("imports.invalid"), type: "integer", total: true },
    { key: "warnings", label: t("imports.warnings"), type: "integer", total: true },
    { key: "by", label: t("exportSources.imports.by"), type: "text" },
    { key: "errors", label: t("imports.errorsTitle"), type: "text" },
  ];
  async function* rows(): AsyncGenerator<ExportRow> {
    const pages = keysetBatches(
      (after: OlderThan<string>, take: number) =>
        tx.importBatch.findMany({
          where: { AND: [where, after] },
          orderBy: IMPORT_BATCH_LIST_ORDER,
          take,
          include: { store: { select: { name: true } }, fundAccount: { select: { name: true } } },
        }),
      BATCH_ROWS,
    );
    for await (const batch of pages) {
      const people = await peopleNames(tx, batch.map((row) => row.createdById));
      for (const row of batch) {
        const committed = COMMITTED.has(row.status);
        const errors = batchErrors(row);
        const kept = errors.map((error) => formatImportError(error, ctx.locale)).join("；");
        const total = Math.max(row.invalidCount + row.warningCount, errors.length);
        yield {
          time: formatLocalDateTime(row.createdAt, ctx.timeZone),
          file: row.fileName,
          kind: row.kind ? t(`imports.kinds.${KIND_FROM_DB[row.kind]}`) : "",
          format: await formatLabel(row.format),
          target: row.store?.name ?? row.fundAccount?.name ?? "",
          status: t(`imports.statuses.${row.status}`),
          rows: row.rowCount,
          inserted: committed ? row.insertedCount : null,
          duplicates: committed ? row.duplicateCount : null,
          invalid: row.invalidCount,
          warnings: row.warningCount,
          by: row.createdById ? (people[row.createdById] ?? "") : "",
          // The batch keeps its first errors only; say so, as its page does.
          errors: total > errors.length ? `${kept}；${t("imports.moreErrors", { shown: errors.length, total })}` : kept,
        };
      }
    }
  }
  return {
    rowCount: count,
    table: {
      title: t("imports.batches"),
      company: ctx.orgName,
      filters: [],
      generatedBy: ctx.requestedBy,
      generatedAt: ctx.requestedAt,
      timeZone: ctx.timeZone,
      columns,
      rows: rows(),
    },
  };
}
