"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/action-state";
import { IDLE } from "@/lib/actions/action-state";

type ArchiveAction = (previous: ActionState<{ archived: boolean }>, formData: FormData) => Promise<ActionState<{ archived: boolean }>>;

/** Archive or restore one record; the server decides, the button only asks. */
export function ArchiveButton({ id, archived, action }: { id: string; archived: boolean; action: ArchiveAction }) {
  const t = useTranslations("common");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <Button type="submit" variant={archived ? "secondary" : "danger"} disabled={pending}>
        {archived ? t("restore") : t("archive")}
      </Button>
      {state.status === "error" ? (
        <span role="alert" className="text-sm text-red-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
