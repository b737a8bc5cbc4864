"use client";
// The company's aging buckets: two lists of day bounds, a live preview of the buckets they make
// (the same agingBuckets() the 回款管理 page ages with), save, and back to the defaults.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { resetAgingBucketsAction, saveAgingBucketsAction } from "@/lib/actions/receivables/settings";
import { agingBuckets, bucketBoundsSchema, type AgingBucket } from "@/lib/receivables/aging-buckets";
import type { BucketBounds } from "@/lib/receivables/receivable-settings-service";
import { formatDayList, parseDayList } from "@/lib/shared/day-list";
import { agingBucketLabel } from "./aging-bucket-label";

/** The bounds typed so far, or null while they would be refused. */
function readBounds(text: string): number[] | null {
  const days = parseDayList(text);
  return days !== null && bucketBoundsSchema.safeParse(days).success ? days : null;
}

function PreviewRow({ title, buckets, kind, testId }: { title: string; buckets: AgingBucket[] | null; kind: "due" | "over"; testId: string }) {
  const t = useTranslations("receivableSettings");
  const tBucket = useTranslations("receivableSettings.bucket");
  return (
    <div className="flex items-start gap-2" data-testid={testId}>
      <span className="w-20 shrink-0 pt-0.5 text-xs font-medium text-slate-500">{title}</span>
      {buckets === null ? (
        <span className="pt-0.5 text-xs text-red-600">{t("buckets.previewInvalid")}</span>
      ) : (
        <div className="flex min-w-0 flex-wrap gap-1.5">
          {buckets.map((bucket) => (
            <span
              key={bucket.key}
              className={`rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap tabular-nums ring-1 ring-inset ${kind === "due" ? "bg-slate-50 text-slate-700 ring-slate-200" : "bg-amber-50 text-amber-900 ring-amber-200"}`}
            >
              {agingBucketLabel(bucket, tBucket)}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

export function AgingBucketsForm({ initial, defaults, own, canEdit }: { initial: BucketBounds; defaults: BucketBounds; own: boolean; canEdit: boolean }) {
  const t = useTranslations("receivableSettings.buckets");
  const tCommon = useTranslations("common");
  const [notDue, setNotDue] = useState(formatDayList(initial.notDueBucketDays));
  const [overdue, setOverdue] = useState(formatDayList(initial.overdueBucketDays));
  const [last, setLast] = useState<"save" | "reset">("save");
  const [saveState, saveAction, saving] = useActionState(saveAgingBucketsAction, IDLE);
  const [resetState, resetAction, resetting] = useActionState(async (previous: ActionState<BucketBounds>, formData: FormData) => {
    const state = await resetAgingBucketsAction(previous, formData);
    if (state.status === "ok") {
      setNotDue(formatDayList(state.data.notDueBucketDays));
      setOverdue(formatDayList(state.data.overdueBucketDays));
    }
    return state;
  }, IDLE);
  const state = last === "save" ? saveState : resetState;
  const error = (name: string) => (saveState.status === "error" && last === "save" ? saveState.fieldErrors[name] : undefined);

  const notDueDays = readBounds(notDue);
  const overdueDays = readBounds(overdue);
  const buckets = agingBuckets(notDueDays ?? [], overdueDays ?? []);
  const isDefault = formatDayList(defaults.notDueBucketDays) === notDue.trim() && formatDayList(defaults.overdueBucketDays) === overdue.trim();

  return (
    <div className="space-y-4" data-testid="aging-buckets">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "ok" ? <Alert tone="success">{last === "save" ? t("saved") : t("resetDone")}</Alert> : null}
      <form
        action={saveAction}
        noValidate
        className="space-y-4"
        onSubmit={(event) => setLast((event.nativeEvent as SubmitEvent).submitter?.dataset.action === "reset" ? "reset" : "save")}
      >
        <fieldset disabled={!canEdit || saving || resetting} className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("notDue")}
            name="notDueBucketDays"
            value={notDue}
            onChange={(event) => setNotDue(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            error={error("notDueBucketDays")}
            hint={t("notDueHint")}
          />
          <TextField
            label={t("overdue")}
            name="overdueBucketDays"
            value={overdue}
            onChange={(event) => setOverdue(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            error={error("overdueBucketDays")}
            hint={t("overdueHint")}
          />
        </fieldset>
        <div className="space-y-2 rounded-md bg-slate-50/60 px-3 py-3 ring-1 ring-slate-200 ring-inset" aria-live="polite">
          <p className="flex flex-wrap items-center gap-2 text-xs font-semibold text-slate-600">
            {t("preview")}
            <Badge tone={own ? "brand" : "muted"}>{own ? t("ownBuckets") : t("usingDefaults")}</Badge>
          </p>
          <PreviewRow title={t("previewNotDue")} kind="due" testId="preview-not-due" buckets={notDueDays ? buckets.filter((bucket) => bucket.kind === "due") : null} />
          <PreviewRow title={t("previewOverdue")} kind="over" testId="preview-overdue" buckets={overdueDays ? buckets.filter((bucket) => bucket.kind === "over") : null} />
        </div>
        {canEdit ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={saving || resetting}>
              {saving ? tCommon("saving") : t("save")}
            </Button>
            <Button type="submit" variant="secondary" data-action="reset" formAction={resetAction} disabled={saving || resetting || (!own && isDefault)}>
              {t("reset")}
            </Button>
          </div>
        ) : null}
      </form>
    </div>
  );
}
