"use client";
// Deleting one export from the export centre, after saying what goes (the file) and what stays
// (the audit log's record of it).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deleteExportAction } from "@/lib/actions/export/exports";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { callAction } from "@/components/reconcile/call-action";

export function DeleteExportButton({ id, fileName }: { id: string; fileName: string }) {
  const t = useTranslations("exportCentre");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const state = await callAction(deleteExportAction, { id });
      if (state.status === "error") return setError(state.message);
      setOpen(false);
      router.refresh();
    });
  return (
    <>
      <button type="button" className="text-red-700 hover:underline" onClick={() => setOpen(true)}>
        {t("delete")}
      </button>
      {open ? (
        <Modal title={t("deleteTitle")} onClose={() => setOpen(false)}>
          <p className="text-sm text-slate-700">{t("deleteBody", { file: fileName })}</p>
          {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
          <div className="mt-4 flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="button" variant="danger" disabled={pending} onClick={remove}>
              {t("delete")}
            </Button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
