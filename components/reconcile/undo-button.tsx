"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { undoAction } from "@/lib/actions/reconcile/workspace";
import { Button } from "@/components/ui/button";
import { callAction } from "./call-action";
import { useListKeys } from "./use-list-keys";

/** "Undo last action" (also the U key): takes back the person's own last workspace action. */
export function UndoButton() {
  const t = useTranslations("workspace");
  const router = useRouter();
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const undo = () =>
    startTransition(async () => {
      const state = await callAction(undoAction, {});
      if (state.status === "ok") {
        setMessage({ error: false, text: state.data.undone ? t("undone") : t("nothingToUndo") });
        router.refresh();
      } else if (state.status === "error") setMessage({ error: true, text: state.message });
    });
  useListKeys({ u: undo });
  return (
    <span className="flex items-center gap-2">
      {message ? (
        <span role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-600" : "text-slate-600"}`}>
          {message.text}
        </span>
      ) : null}
      <Button variant="secondary" disabled={pending} onClick={undo} title="U">
        {t("undo")}
      </Button>
    </span>
  );
}
