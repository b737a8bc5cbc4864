"use client";
// The audit log in the shared dense table: one line per entry (time, who, kind, what), paged by the
// server, the person's e-mail on hover, the field-by-field before/after and the raw record in the
// row's detail.
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { DataTable, type TablePaging } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import { AUDIT_TABLE_KEY, type AuditRowView } from "@/lib/audit/audit-rows";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";

function AuditDetail({ row }: { row: AuditRowView }) {
  const t = useTranslations("audit");
  return (
    <div className="space-y-2 text-xs" data-testid="audit-detail">
      <p className="text-sm text-slate-800">{row.sentence}</p>
      {row.changes.length > 0 ? (
        <table className="w-full max-w-4xl table-fixed">
          <thead>
            <tr className="text-left text-slate-500">
              <th className="w-1/4 py-0.5 pr-2 font-medium">{t("changes")}</th>
              <th className="py-0.5 pr-2 font-medium">{t("before")}</th>
              <th className="py-0.5 font-medium">{t("after")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {row.changes.map((change) => (
              <tr key={change.field}>
                <td className="py-0.5 pr-2 text-slate-600">{change.label}</td>
                <td className="py-0.5 pr-2 break-all text-red-700">{change.before}</td>
                <td className="py-0.5 break-all text-emerald-700">{change.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-slate-500">{t("noFieldChanges")}</p>
      )}
      <details>
        <summary className="cursor-pointer text-slate-500 hover:text-slate-800">{t("raw")}</summary>
        <pre className="mt-1 max-h-64 max-w-4xl overflow-auto rounded bg-white p-2 font-mono text-[11px] text-slate-700 ring-1 ring-slate-200">{row.raw}</pre>
      </details>
    </div>
  );
}

export function AuditTable({ rows, paging, preference, emptyText }: { rows: AuditRowView[]; paging: TablePaging; preference: TablePreference; emptyText: string }) {
  const t = useTranslations("audit");
  const columns = useMemo<DataColumn<AuditRowView>[]>(
    () => [
      // What comes right after who, so on a phone the sentence starts on the first screen; the kind,
      // which the sentence already says, comes last.
      { id: "time", header: t("time"), type: "date", size: 140, hideable: false, value: (row) => row.time },
      {
        id: "actor",
        header: t("actor"),
        type: "text",
        size: 110,
        value: (row) => row.actorName,
        title: (row) => (row.actorEmail ? `${row.actorName} <${row.actorEmail}>` : row.actorName),
        cell: (row) => <span data-email={row.actorEmail ?? undefined}>{row.actorName}</span>,
      },
      { id: "sentence", header: t("sentence"), type: "text", size: 640, hideable: false, value: (row) => row.sentence },
      { id: "kind", header: t("kind"), type: "text", size: 150, value: (row) => row.kind },
    ],
    [t],
  );
  return (
    <DataTable
      tableKey={AUDIT_TABLE_KEY}
      testId="audit"
      columns={columns}
      rows={rows}
      rowId={(row) => row.id}
      paging={paging}
      preference={preference}
      emptyText={emptyText}
      renderExpanded={(row) => <AuditDetail row={row} />}
      rowAttributes={(row) => ({ "data-action": row.action })}
      maxHeight="calc(100vh - 16rem)"
    />
  );
}
