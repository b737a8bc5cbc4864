"use client";
// Before a month is submitted or locked: what is still open in it (未达账项 by list and store or
// account, open proposals, matches awaiting approval, rows not for reconciliation). With nothing
// open it says so; with open items the person must tick that they go on with them, and the server
// refuses without that tick too. The open items are then kept in the month's close report.
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { monthChecklistAction } from "@/lib/actions/reconcile/exclusions";
import { callAction } from "./call-action";
import { useMoney } from "./use-money";

type Checklist = { openRows: number; openProposals: number; pendingApprovals: number; excludedRows: number; groups: { list: "orders" | "lines" | "bank"; owner: string; count: number; remainingMinor: string }[] };

export function CloseChecklistDialog({ month, step, pending, error, onClose, onConfirm }: { month: string; step: "submit" | "lock"; pending: boolean; error?: string; onClose: () => void; onConfirm: (confirmOpenItems: boolean) => void }) {
  const t = useTranslations("closeChecklist");
  const { money } = useMoney();
  const [checklist, setChecklist] = useState<Checklist>();
  const [loadError, setLoadError] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    let live = true;
    void callAction(monthChecklistAction, { month }).then((state) => {
      if (!live) return;
      if (state.status === "ok") setChecklist(state.data);
      else if (state.status === "error") setLoadError(state.message);
    });
    return () => {
      live = false;
    };
  }, [month]);

  const open = checklist ? checklist.openRows > 0 || checklist.openProposals > 0 || checklist.pendingApprovals > 0 : false;
  const blocked = (checklist?.pendingApprovals ?? 0) > 0;

  return (
    <Modal title={step === "submit" ? t("titleSubmit", { month }) : t("titleLock", { month })} onClose={onClose} wide>
      <div className="space-y-3 text-sm" data-testid="close-checklist">
        {!checklist && !loadError ? <p className="text-slate-500">{t("loading")}</p> : null}
        {loadError ? (
          <p role="alert" className="text-red-600">
            {loadError}
          </p>
        ) : null}
        {checklist && !open ? (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-800" data-testid="checklist-clear">
            {t("nothingOpen", { month })}
          </p>
        ) : null}
        {checklist ? (
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-slate-700" data-testid="checklist-counts">
            <li className={checklist.openRows > 0 ? "font-semibold text-amber-800" : ""}>{t("openRows", { count: checklist.openRows })}</li>
            <li className={checklist.openProposals > 0 ? "font-semibold text-amber-800" : ""}>{t("openProposals", { count: checklist.openProposals })}</li>
            {checklist.pendingApprovals > 0 ? <li className="font-semibold text-red-700">{t("pendingApprovals", { count: checklist.pendingApprovals })}</li> : null}
            <li>{t("excludedRows", { count: checklist.excludedRows })}</li>
          </ul>
        ) : null}
        {checklist && checklist.groups.length > 0 ? (
          <div className="max-h-72 overflow-auto rounded-md ring-1 ring-slate-200">
            <table className="num w-full text-xs">
              <thead className="sticky top-0 bg-slate-50 text-slate-600">
                <tr>
                  <th className="px-2 py-1 text-left font-medium">{t("columns.list")}</th>
                  <th className="px-2 py-1 text-left font-medium">{t("columns.owner")}</th>
                  <th className="px-2 py-1 text-right font-medium">{t("columns.count")}</th>
                  <th className="px-2 py-1 text-right font-medium">{t("columns.amount")}</th>
                </tr>
              </thead>
              <tbody data-testid="checklist-groups">
                {checklist.groups.map((group) => (
                  <tr key={`${group.list}:${group.owner}`} className="border-t border-slate-100">
                    <td className="px-2 py-0.5">{t(`lists.${group.list}`)}</td>
                    <td className="px-2 py-0.5">{group.owner}</td>
                    <td className="px-2 py-0.5 text-right">{group.count}</td>
                    <td className="px-2 py-0.5 text-right">{money(BigInt(group.remainingMinor))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {checklist && open && !blocked ? (
          <label className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-amber-900">
            <input type="checkbox" className="mt-0.5" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
            <span>
              <span className="font-medium">{t("confirm")}</span>
              <span className="block text-xs">{t("confirmHint")}</span>
            </span>
          </label>
        ) : null}
        {error ? (
          <p role="alert" className="text-red-600">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center justify-end gap-2">
          <Link href={`/reconcile/periods/${month}`} className="mr-auto text-xs text-brand-700 hover:underline">
            {t("report")}
          </Link>
          <Button type="button" variant="ghost" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="button" disabled={!checklist || pending || blocked || (open && !confirmed)} onClick={() => onConfirm(open)}>
            {step === "submit" ? t("submit") : t("lock")}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
