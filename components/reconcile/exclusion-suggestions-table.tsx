"use client";
// The 建议排除 view: open rows that clearly look not for reconciliation, each with the reason it
// would get and why it is suggested. Nothing is marked until a person picks rows and accepts.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptExclusionSuggestionsAction } from "@/lib/actions/reconcile/exclusions";
import type { ExclusionSuggestion } from "@/lib/match-review/exclusion-lists";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import { callAction } from "./call-action";

const keyOf = (row: { side: string; id: string }) => `${row.side}:${row.id}`;

export function ExclusionSuggestionsTable({ rows, preference, canAccept }: { rows: ExclusionSuggestion[]; preference: TablePreference; canAccept: boolean }) {
  const t = useTranslations("exclusions");
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const [pending, startTransition] = useTransition();

  const columns: DataColumn<ExclusionSuggestion>[] = [
    { id: "day", header: t("columns.day"), type: "date", value: (row) => row.day, size: 84 },
    { id: "side", header: t("columns.side"), type: "text", value: (row) => t(`sides.${row.side}`), size: 64 },
    { id: "ref", header: t("columns.ref"), type: "text", value: (row) => row.ref ?? row.detail ?? "", hideable: false, size: 150, cell: (row) => <span className="font-mono text-slate-800">{row.ref ?? row.detail}</span> },
    { id: "amount", header: t("columns.amount"), type: "money", value: (row) => row.amountMinor, size: 100 },
    { id: "reason", header: t("columns.reason"), type: "text", value: (row) => t(`reasons.${row.reason}`), hideable: false, size: 130 },
    { id: "why", header: t("columns.why"), type: "text", value: (row) => t(`why.${row.why.kind}`, row.why), size: 220 },
    { id: "owner", header: t("columns.owner"), type: "text", value: (row) => row.owner, size: 110 },
    { id: "detail", header: t("columns.detail"), type: "text", value: (row) => row.detail ?? "", size: 160 },
  ];

  const accept = () =>
    startTransition(async () => {
      const chosen = rows.filter((row) => selected.has(keyOf(row))).map(({ side, id, reason }) => ({ side, id, reason }));
      const state = await callAction(acceptExclusionSuggestionsAction, { payload: JSON.stringify(chosen) });
      if (state.status === "ok") {
        setSelected(new Set());
        setMessage({ tone: "success", text: t("accepted", { count: state.data.marked }) });
        router.refresh();
      } else if (state.status === "error") setMessage({ tone: "error", text: state.message });
    });

  return (
    <div className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <DataTable
        tableKey="unmatched.suggested"
        testId="suggested"
        paramPrefix="s"
        columns={columns}
        rows={rows}
        rowId={keyOf}
        paging={{ page: 1, pages: 1, total: rows.length, pageSize: Math.max(rows.length, 50) }}
        preference={preference}
        totals={{ label: t("totalRow", { count: rows.length }), values: {} }}
        emptyText={t("noSuggestions")}
        selection={canAccept ? { selected, onChange: setSelected, label: (row) => row.ref ?? row.detail ?? row.id } : undefined}
        rowAttributes={(row) => ({ "data-row-ref": row.ref ?? "" })}
        toolbar={
          canAccept ? (
            <Button className="py-1 text-xs" disabled={selected.size === 0 || pending} onClick={accept}>
              {t("accept")}
              {selected.size > 0 ? ` (${selected.size})` : ""}
            </Button>
          ) : null
        }
      />
    </div>
  );
}
