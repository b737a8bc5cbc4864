"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startReconciliationAction } from "@/lib/actions/reconcile/runs";
import { Button } from "@/components/ui/button";
import { IDLE } from "@/lib/actions/action-state";

export function StartRunButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations("reconcile");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(startReconciliationAction, IDLE);
  useEffect(() => {
    if (state.status === "ok") router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="flex items-center gap-3">
      <Button type="submit" disabled={disabled || pending}>
        {pending ? t("starting") : t("start")}
      </Button>
      {state.status === "error" ? (
        <span role="alert" className="text-sm text-red-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
