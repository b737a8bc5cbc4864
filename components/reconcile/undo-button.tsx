"use client";
// "Undo last action" (also the U key): first says in words what it will take back (which action,
// when, how many groups and rows, how much money) and asks; only a confirmation undoes, and only
// that very action (its id goes with the request). Afterwards it says what was undone.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { previewUndoAction, undoAction } from "@/lib/actions/reconcile/workspace";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { callAction } from "./call-action";
import { useListKeys } from "./use-list-keys";
import { useMoney } from "./use-money";

type Preview = { actionId: string; kind: "MATCH" | "CONFIRM" | "REJECT" | "APPROVE" | "UNMATCH"; at: string; groups: number; rows: number; amountMinor: string };

export function UndoButton() {
  const t = useTranslations("workspace");
  const tu = useTranslations("workspace.undoConfirm");
  const { locale, money } = useMoney();
  const router = useRouter();
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [dialogError, setDialogError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const facts = (fact: { kind: Preview["kind"]; groups: number; rows: number; amountMinor: string }) => ({
    action: tu(`kinds.${fact.kind}`),
    groups: fact.groups,
    rows: fact.rows,
    amount: money(BigInt(fact.amountMinor)),
  });

  const ask = () =>
    startTransition(async () => {
      setMessage(undefined);
      const state = await callAction(previewUndoAction, {});
      if (state.status === "ok") {
        if (state.data) {
          setDialogError(undefined);
          setPreview(state.data);
        } else setMessage({ error: false, text: t("nothingToUndo") });
      } else if (state.status === "error") setMessage({ error: true, text: state.message });
    });

  const undo = (shown: Preview) =>
    startTransition(async () => {
      const state = await callAction(undoAction, { actionId: shown.actionId });
      if (state.status === "ok") {
        setPreview(null);
        const done = state.data;
        setMessage({ error: false, text: done.undone && done.kind ? tu("done", facts({ kind: done.kind, groups: done.groups ?? 0, rows: done.rows ?? 0, amountMinor: done.amountMinor ?? "0" })) : t("nothingToUndo") });
        router.refresh();
      } else if (state.status === "error") setDialogError(state.message);
    });

  useListKeys({ u: ask });
  return (
    <span className="flex flex-wrap items-center justify-end gap-2">
      {message ? (
        <span role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-600" : "text-slate-600"}`}>
          {message.text}
        </span>
      ) : null}
      <Button variant="secondary" disabled={pending} onClick={ask} title="U">
        {t("undo")}
      </Button>
      {preview ? (
        <Modal title={tu("title")} onClose={() => setPreview(null)}>
          <p className="text-sm text-slate-800" data-testid="undo-summary">
            {tu("body", { ...facts(preview), time: when(preview.at) })}
          </p>
          <p className="mt-2 text-sm text-slate-600">{tu(`effects.${preview.kind}`)}</p>
          {dialogError ? (
            <p role="alert" className="mt-3 text-sm text-red-600">
              {dialogError}
            </p>
          ) : null}
          <div className="mt-4 flex justify-end gap-2">
            <Button variant="ghost" data-autofocus onClick={() => setPreview(null)}>
              {tu("keep")}
            </Button>
            <Button variant="danger" disabled={pending} onClick={() => undo(preview)}>
              {tu("confirm")}
            </Button>
          </div>
        </Modal>
      ) : null}
    </span>
  );
}
