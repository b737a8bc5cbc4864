"use client";
// The files of the upload just made, with one button that commits them all once every preview is
// clean; until then it says which file still needs a look.
import Link from "next/link";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { BatchStatusBadge } from "@/components/import/batch-status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { commitAllImportsAction } from "@/lib/actions/import/commit-all";
import { IDLE } from "@/lib/actions/action-state";
import { isCleanPreview, readyToCommitAll, type GroupBatch } from "@/lib/import-batches/upload-group";

export function UploadGroupPanel({ batches }: { batches: GroupBatch[] }) {
  const t = useTranslations("imports.uploadGroup");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(commitAllImportsAction, IDLE);
  useEffect(() => {
    if (state.status === "ok") router.refresh();
  }, [state, router]);
  const ready = readyToCommitAll(batches);
  const needsLook = batches.filter((batch) => batch.status === "PREVIEW" && !isCleanPreview(batch)).length;
  const reading = batches.some((batch) => batch.status === "PARSING");
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="upload-group">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-sm font-semibold text-slate-800">{t("title", { count: batches.length })}</h2>
        <form action={formAction}>
          <input type="hidden" name="ids" value={batches.map((batch) => batch.id).join(",")} />
          <Button type="submit" disabled={!ready || pending || state.status === "ok"}>
            {t("commitAll")}
          </Button>
        </form>
      </div>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {!ready && reading ? <p className="text-xs text-slate-500">{t("waitReading")}</p> : null}
      {!ready && needsLook > 0 ? <p className="text-xs text-amber-700">{t("needsLook", { count: needsLook })}</p> : null}
      <ul className="divide-y divide-slate-100 text-sm">
        {batches.map((batch) => (
          <li key={batch.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link href={`/import/${batch.id}`} className="min-w-0 truncate font-medium text-brand-700 hover:underline" title={batch.fileName}>
              {batch.fileName}
            </Link>
            <span className="flex items-center gap-2">
              {batch.status === "PREVIEW" && batch.invalidCount > 0 ? <span className="text-xs text-red-700">{t("invalidRows", { count: batch.invalidCount })}</span> : null}
              {batch.status === "PREVIEW" && batch.invalidCount === 0 && !isCleanPreview(batch) ? <span className="text-xs text-amber-700">{t("chooseTarget")}</span> : null}
              <BatchStatusBadge status={batch.status} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
