"use client";
// The saved custom reports a person sees: their own and the company's shared ones. Open any;
// duplicate any (a private copy); share, keep private or delete the ones they may change.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/reconcile/call-action";
import type { ActionState } from "@/lib/actions/action-state";
import type { SavedReportItem } from "@/lib/reports/custom/custom-report-view";
import { deleteSavedReportAction, duplicateSavedReportAction, shareSavedReportAction } from "@/lib/actions/reports/custom-reports";


export function SavedReportsList({ reports, canSave }: { reports: SavedReportItem[]; canSave: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  /** Runs an action; `open`: go to the report it answers with (a new copy), else reload the list. */
  const act = async <T,>(work: () => Promise<ActionState<T>>, open?: (data: T) => string) => {
    setError(undefined);
    const state = await work();
    if (state.status === "error") setError(state.message);
    else if (state.status === "ok" && open) router.push(open(state.data));
    else startTransition(() => router.refresh());
  };

  if (!reports.length) return <p className="text-sm text-slate-500">{t("reports.custom.saved.empty")}</p>;
  return (
    <div className="space-y-2" aria-busy={pending}>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-slate-100 text-sm" data-testid="saved-reports">
        {reports.map((report) => (
          <li key={report.id} className="flex flex-wrap items-center gap-2 py-2">
            <Link href={`/reports/custom/${report.id}`} className="font-medium text-brand-700 hover:underline">
              {report.name}
            </Link>
            <Badge tone={report.shared ? "brand" : "muted"}>{report.shared ? t("reports.custom.saved.shared") : t("reports.custom.saved.private")}</Badge>
            {!report.own && report.ownerName ? <span className="text-xs text-slate-500">{t("reports.custom.saved.by", { name: report.ownerName })}</span> : null}
            <span className="text-xs text-slate-400">{report.updatedAt}</span>
            <span className="ml-auto flex gap-1">
              {canSave ? (
                <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => act(() => callAction(duplicateSavedReportAction, { id: report.id }), (copy) => `/reports/custom/${copy.id}`)}>
                  {t("reports.custom.saved.duplicate")}
                </Button>
              ) : null}
              {report.editable ? (
                <>
                  <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => act(() => callAction(shareSavedReportAction, { id: report.id, shared: report.shared ? "" : "on" }))}>
                    {report.shared ? t("reports.custom.saved.makePrivate") : t("reports.custom.saved.share")}
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    className="px-2 py-1 text-red-700"
                    onClick={() => {
                      if (window.confirm(t("reports.custom.saved.confirmDelete", { name: report.name }))) void act(() => callAction(deleteSavedReportAction, { id: report.id }));
                    }}
                  >
                    {t("reports.custom.saved.delete")}
                  </Button>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
