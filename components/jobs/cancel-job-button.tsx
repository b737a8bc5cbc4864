"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import type { CancelOutcome } from "@/lib/jobs/cancel-job";

type CancelState = ActionState<{ outcome: CancelOutcome }>;
type CancelAction = (previous: CancelState, formData: FormData) => Promise<CancelState>;

/** Stops the job behind a progress bar; the page then shows what the cancel left. `compact`: a link-sized button, for a table row. */
export function CancelJobButton({ jobId, action, compact = false }: { jobId: string; action: CancelAction; compact?: boolean }) {
  const t = useTranslations("jobs");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, IDLE);
  useEffect(() => {
    if (state.status === "ok") router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="flex shrink-0 items-center gap-3">
      <input type="hidden" name="jobId" value={jobId} />
      {state.status === "error" ? (
        <span role="alert" className="text-sm text-red-600">
          {state.message}
        </span>
      ) : null}
      <Button type="submit" variant="secondary" className={compact ? "px-2 py-0.5 text-xs" : ""} disabled={pending || state.status === "ok"}>
        {t("cancel")}
      </Button>
    </form>
  );
}
