"use client";
// The 已排除 view: rows marked not for reconciliation, with why, who and when, in the shared dense
// table; chosen rows can be restored to reconciliation (the server refuses rows of a locked month).
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { restoreRowsAction } from "@/lib/actions/reconcile/exclusions";
import type { ExcludedPage, ExcludedRowView } from "@/lib/match-review/exclusion-lists";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import { callAction } from "./call-action";

const keyOf = (row: { side: string; id: string }) => `${row.side}:${row.id}`;

export function excludedColumns(t: ReturnType<typeof useTranslations<"exclusions">>, when: (date: Date) => string): DataColumn<ExcludedRowView>[] {
  return [
    { id: "day", header: t("columns.day"), type: "date", value: (row) => row.day, size: 84 },
    { id: "side", header: t("columns.side"), type: "text", value: (row) => t(`sides.${row.side}`), size: 64 },
    { id: "ref", header: t("columns.ref"), type: "text", value: (row) => row.ref ?? row.detail ?? "", hideable: false, size: 150, cell: (row) => <span className="font-mono text-slate-800">{row.ref ?? row.detail}</span> },
    { id: "amount", header: t("columns.amount"), type: "money", value: (row) => row.amountMinor, size: 100 },
    { id: "reason", header: t("columns.reason"), type: "text", value: (row) => t(`reasons.${row.reason}`), hideable: false, size: 130 },
    { id: "note", header: t("columns.note"), type: "text", value: (row) => row.note ?? "", size: 140 },
    { id: "owner", header: t("columns.owner"), type: "text", value: (row) => row.owner, size: 110 },
    { id: "detail", header: t("columns.detail"), type: "text", value: (row) => row.detail ?? "", size: 160 },
    { id: "by", header: t("columns.by"), type: "text", value: (row) => row.createdBy, size: 80 },
    { id: "at", header: t("columns.at"), type: "text", value: (row) => when(row.createdAt), size: 120 },
  ];
}

export function ExcludedRowsTable({ data, preference, canRestore }: { data: ExcludedPage; preference: TablePreference; canRestore: boolean }) {
  const t = useTranslations("exclusions");
  const format = useFormatter();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const [pending, startTransition] = useTransition();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "short" });

  const restore = () =>
    startTransition(async () => {
      const rows = data.rows.filter((row) => selected.has(keyOf(row))).map(({ side, id }) => ({ side, id }));
      const state = await callAction(restoreRowsAction, { payload: JSON.stringify(rows) });
      if (state.status === "ok") {
        setSelected(new Set());
        setMessage({ tone: "success", text: t("restored", { count: state.data.restored }) });
        router.refresh();
      } else if (state.status === "error") setMessage({ tone: "error", text: state.message });
    });

  return (
    <div className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <DataTable
        tableKey="unmatched.excluded"
        testId="excluded"
        paramPrefix="x"
        columns={excludedColumns(t, when)}
        rows={data.rows}
        rowId={keyOf}
        paging={{ page: data.page, pages: data.pages, total: data.total, pageSize: data.pageSize }}
        preference={preference}
        totals={{ label: t("totalRow", { count: data.total }), values: { amount: data.amountMinor } }}
        emptyText={t("noExcluded")}
        selection={canRestore ? { selected, onChange: setSelected, label: (row) => row.ref ?? row.detail ?? row.id } : undefined}
        rowAttributes={(row) => ({ "data-row-ref": row.ref ?? "" })}
        toolbar={
          canRestore ? (
            <Button className="py-1 text-xs" disabled={selected.size === 0 || pending} onClick={restore}>
              {t("restore")}
              {selected.size > 0 ? ` (${selected.size})` : ""}
            </Button>
          ) : null
        }
      />
    </div>
  );
}
