"use client";
// 无法收回: write the order's unsettled rest off as bad debt. The write-off waits in 待审批 for a
// reviewer who is not its maker, as every write-off does; the reason is required and kept on it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/reconcile/call-action";
import { Button } from "@/components/ui/button";
import { writeOffOrderAction } from "@/lib/actions/receivables/write-off";

export function WriteOffForm({ storeId, orderNo, amount }: { storeId: string; orderNo: string; amount: string }) {
  const t = useTranslations("receivables.writeOff");
  const router = useRouter();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      const answer = await callAction(writeOffOrderAction, { storeId, orderNo, note });
      if (answer.status === "ok") {
        setDone(true);
        setError(undefined);
        router.refresh();
      } else if (answer.status === "error") setError(answer.message);
    });
  if (done) {
    return (
      <p className="text-sm text-slate-700" role="status" data-testid="write-off-done">
        {t("submitted")}{" "}
        <Link href="/reconcile/approvals" className="text-brand-700 underline">
          {t("toApprovals")}
        </Link>
      </p>
    );
  }
  return (
    <div className="space-y-2" data-testid="write-off-form">
      <p className="text-sm text-slate-600">{t("intro", { amount })}</p>
      <label className="block text-sm">
        <span className="mb-1 block text-xs text-slate-500">{t("note")}</span>
        <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={500} className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </label>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="button" variant="secondary" disabled={pending || note.trim().length === 0} onClick={submit}>
        {t("submit")}
      </Button>
    </div>
  );
}
