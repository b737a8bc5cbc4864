"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateThresholdsAction } from "@/lib/actions/reconcile/workspace";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE, submittedValue } from "@/lib/actions/action-state";

/** The maker–checker thresholds, in yuan and percent; OWNER and ADMIN edit them (checked on the server too). */
export function ThresholdForm({ writeOff, writeOffPercent, manualMatch }: { writeOff: string; writeOffPercent: string; manualMatch: string }) {
  const t = useTranslations("workspace");
  const [state, formAction, pending] = useActionState(updateThresholdsAction, IDLE);
  const error = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-4" noValidate>
      <div className="w-48">
        <TextField label={t("writeOffThreshold")} name="writeOff" inputMode="decimal" defaultValue={submittedValue(state, "writeOff", writeOff)} error={error("writeOff")} />
      </div>
      <div className="w-48">
        <TextField label={t("writeOffPercentThreshold")} name="writeOffPercent" inputMode="decimal" defaultValue={submittedValue(state, "writeOffPercent", writeOffPercent)} error={error("writeOffPercent")} />
      </div>
      <div className="w-48">
        <TextField label={t("manualMatchThreshold")} name="manualMatch" inputMode="decimal" defaultValue={submittedValue(state, "manualMatch", manualMatch)} error={error("manualMatch")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("saveThresholds")}
      </Button>
      {state.status === "ok" ? <Alert tone="success">{t("thresholdsSaved")}</Alert> : null}
    </form>
  );
}
