"use client";
// The matching-rules form. Field names are the rules' paths; the server parses and validates them
// with the rules schema and answers with per-field errors, the submitted values kept.
import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { restoreDefaultRulesAction, saveRulesAction } from "@/lib/actions/settings/matching-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { IDLE, submittedValue, type ActionState } from "@/lib/actions/action-state";
import { isLocale } from "@/lib/i18n/locales";
import { ADJUSTMENT_LABELS, ADJUSTMENT_TYPES, PASS_NUMBER, type PassKind } from "@/lib/match-engine";
import { OPTIONAL_PASSES, PAYER_PLATFORMS, type RulesFormValues } from "@/lib/match-rules/rules-form";
import type { SaveRulesResult } from "@/lib/match-rules/rules-service";

type PassRow = { kind: PassKind; enabled: boolean };

/**
 * OTHER is an unexplained difference: the engine never books it automatically, so it is not offered.
 * CARRIED_IN_BALANCE is read off the statement's printed balances, not a difference to allow: not offered either.
 */
const AUTO_TYPES = ADJUSTMENT_TYPES.filter((type) => type !== "OTHER" && type !== "CARRIED_IN_BALANCE");

function PassOrder({ initial, error, readOnly }: { initial: PassRow[]; error?: string; readOnly: boolean }) {
  const t = useTranslations("matchingRules");
  const [rows, setRows] = useState(initial);
  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  const toggle = (kind: PassKind) => setRows((current) => current.map((row) => (row.kind === kind ? { ...row, enabled: !row.enabled } : row)));
  const enabled = rows.filter((row) => row.enabled).map((row) => row.kind);

  return (
    <div>
      <input type="hidden" name="passes" value={enabled.join(",")} />
      <ol className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" data-testid="pass-order">
        {rows.map((row, index) => {
          const optional = OPTIONAL_PASSES.includes(row.kind);
          const position = row.enabled ? enabled.indexOf(row.kind) + 1 : null;
          return (
            <li key={row.kind} className={`flex items-center gap-3 px-3 py-2.5 ${row.enabled ? "" : "bg-slate-50 text-slate-400"}`}>
              <span className="w-6 text-center text-sm font-semibold tabular-nums text-slate-500">{position ?? "–"}</span>
              <div className="min-w-0 flex-1">
                <p className={`text-sm font-medium ${row.enabled ? "text-slate-900" : "text-slate-500"}`}>
                  {t(`passes.${row.kind}.name`, { number: PASS_NUMBER[row.kind] })}
                </p>
                <p className="text-xs text-slate-500">{t(`passes.${row.kind}.text`)}</p>
              </div>
              {optional ? (
                <label className="flex items-center gap-1.5 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300 text-brand-600"
                    checked={row.enabled}
                    onChange={() => toggle(row.kind)}
                    aria-label={t("passEnabled", { name: t(`passes.${row.kind}.name`, { number: PASS_NUMBER[row.kind] }) })}
                  />
                  {t("enabled")}
                </label>
              ) : (
                <span className="text-xs text-slate-400">{t("alwaysOn")}</span>
              )}
              <div className={`flex gap-1 ${readOnly ? "hidden" : ""}`}>
                <Button
                  type="button"
                  variant="ghost"
                  className="px-2 py-1"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={t("moveUp", { name: t(`passes.${row.kind}.name`, { number: PASS_NUMBER[row.kind] }) })}
                >
                  ↑
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  className="px-2 py-1"
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t("moveDown", { name: t(`passes.${row.kind}.name`, { number: PASS_NUMBER[row.kind] }) })}
                >
                  ↓
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {error ? (
        <p id="passes-error" className="mt-1.5 text-sm text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ResultAlert({ state }: { state: ActionState<SaveRulesResult> }) {
  const t = useTranslations("matchingRules");
  if (state.status === "error") return <Alert tone="error">{state.message}</Alert>;
  if (state.status !== "ok") return null;
  if (state.data.outcome === "stale") return <Alert tone="warning">{t("stale", { version: state.data.version })}</Alert>;
  return <Alert tone="success">{t("saved", { version: state.data.version })}</Alert>;
}

export function MatchingRulesForm({
  version,
  canEdit,
  initial,
  passOrder,
  defaults,
}: {
  version: number;
  canEdit: boolean;
  initial: RulesFormValues;
  passOrder: PassRow[];
  defaults: RulesFormValues;
}) {
  const t = useTranslations("matchingRules");
  const tCommon = useTranslations("common");
  const tPlatforms = useTranslations("platforms");
  const locale = useLocale();
  const labelLocale = isLocale(locale) ? locale : "zh-CN";
  const [saveState, saveAction, saving] = useActionState(saveRulesAction, IDLE);
  const [restoreState, restoreAction, restoring] = useActionState(restoreDefaultRulesAction, IDLE);
  // Whichever action answered last decides what the form shows.
  const [lastAction, setLastAction] = useState<"save" | "restore">("save");
  const state = lastAction === "save" ? saveState : restoreState;
  const pending = saving || restoring;

  const error = (name: string) => (saveState.status === "error" && lastAction === "save" ? saveState.fieldErrors[name] : undefined);
  const value = (name: string) => submittedValue(state, name, initial[name] ?? "");
  const checked = (name: string) => (state.status === "error" ? state.values[name] === "on" : initial[name] === "on");
  const defaultHint = (name: string, unit: "days" | "yuan" | "percent" | "plain") =>
    unit === "days" ? t("default.days", { value: Number(defaults[name]) }) : t(`default.${unit}`, { value: defaults[name] ?? "" });

  return (
    <form
      action={saveAction}
      data-testid="matching-rules-form"
      className="max-w-4xl space-y-6"
      noValidate
      onSubmit={(event) => setLastAction((event.nativeEvent as SubmitEvent).submitter?.dataset.action === "restore" ? "restore" : "save")}
    >
      <ResultAlert state={state} />
      <input type="hidden" name="version" value={version} />
      {/* A new version remounts the fields, so they show what was saved. */}
      <fieldset key={version} disabled={!canEdit || pending} className="space-y-6">
        <Card title={t("sections.window")}>
          <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
            <TextField
              label={t("fields.dateWindowDays")}
              name="dateWindowDays"
              inputMode="numeric"
              defaultValue={value("dateWindowDays")}
              error={error("dateWindowDays")}
              hint={defaultHint("dateWindowDays", "days")}
            />
            <TextField
              label={t("fields.bookingLagDays")}
              name="bookingLagDays"
              inputMode="numeric"
              defaultValue={value("bookingLagDays")}
              error={error("bookingLagDays")}
              hint={defaultHint("bookingLagDays", "days")}
            />
            <TextField
              label={t("fields.toleranceMinor")}
              name="toleranceMinor"
              inputMode="decimal"
              defaultValue={value("toleranceMinor")}
              error={error("toleranceMinor")}
              hint={defaultHint("toleranceMinor", "yuan")}
            />
            <TextField
              label={t("fields.tolerancePercentBps")}
              name="tolerancePercentBps"
              inputMode="decimal"
              defaultValue={value("tolerancePercentBps")}
              error={error("tolerancePercentBps")}
              hint={defaultHint("tolerancePercentBps", "percent")}
            />
          </div>
          <p className="mt-4 text-xs text-slate-500">{t("windowHelp")}</p>
        </Card>

        <Card title={t("sections.autoConfirm")}>
          <div className="space-y-5">
            <CheckboxField
              label={t("fields.autoConfirmEnabled")}
              hint={t("autoConfirmHelp")}
              name="autoConfirm.enabled"
              defaultChecked={checked("autoConfirm.enabled")}
            />
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">{t("fields.autoConfirmTypes")}</legend>
              <p className="mt-0.5 text-xs text-slate-500">{t("typesHelp")}</p>
              <div className="mt-2 grid gap-2 sm:grid-cols-4" data-testid="auto-confirm-types">
                {AUTO_TYPES.map((type) => (
                  <CheckboxField
                    key={type}
                    label={<span className="inline-block first-letter:uppercase">{ADJUSTMENT_LABELS[type][labelLocale]}</span>}
                    name={`autoConfirm.types.${type}`}
                    defaultChecked={checked(`autoConfirm.types.${type}`)}
                  />
                ))}
              </div>
              {error("autoConfirm.types") ? (
                <p className="mt-1.5 text-sm text-red-600" role="alert">
                  {error("autoConfirm.types")}
                </p>
              ) : null}
            </fieldset>
            <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
              <TextField
                label={t("fields.maxRoundingMinor")}
                name="autoConfirm.maxRoundingMinor"
                inputMode="decimal"
                defaultValue={value("autoConfirm.maxRoundingMinor")}
                error={error("autoConfirm.maxRoundingMinor")}
                hint={defaultHint("autoConfirm.maxRoundingMinor", "yuan")}
              />
              <TextField
                label={t("fields.maxTransferFeeMinor")}
                name="autoConfirm.maxTransferFeeMinor"
                inputMode="decimal"
                defaultValue={value("autoConfirm.maxTransferFeeMinor")}
                error={error("autoConfirm.maxTransferFeeMinor")}
                hint={defaultHint("autoConfirm.maxTransferFeeMinor", "yuan")}
              />
              <TextField
                label={t("fields.maxServiceFeeBps")}
                name="autoConfirm.maxServiceFeeBps"
                inputMode="decimal"
                defaultValue={value("autoConfirm.maxServiceFeeBps")}
                error={error("autoConfirm.maxServiceFeeBps")}
                hint={defaultHint("autoConfirm.maxServiceFeeBps", "percent")}
              />
              <TextField
                label={t("fields.maxPromotionBps")}
                name="autoConfirm.maxPromotionBps"
                inputMode="decimal"
                defaultValue={value("autoConfirm.maxPromotionBps")}
                error={error("autoConfirm.maxPromotionBps")}
                hint={defaultHint("autoConfirm.maxPromotionBps", "percent")}
              />
            </div>
            <CheckboxField
              label={t("fields.commissionWithinContract")}
              hint={t("commissionHelp")}
              name="autoConfirm.commissionWithinContract"
              defaultChecked={checked("autoConfirm.commissionWithinContract")}
            />
            <CheckboxField
              label={t("fields.settlementDateGroups")}
              hint={t("settlementDateGroupsHelp")}
              name="autoConfirm.settlementDateGroups"
              defaultChecked={checked("autoConfirm.settlementDateGroups")}
            />
          </div>
        </Card>

        <Card title={t("sections.passes")}>
          <p className="mb-3 text-xs text-slate-500">{t("passesHelp")}</p>
          <PassOrder initial={passOrder} error={error("passes")} readOnly={!canEdit} />
          <div className="mt-5 max-w-xs">
            <TextField
              label={t("fields.subsetSumMaxCandidates")}
              name="subsetSum.maxCandidates"
              inputMode="numeric"
              defaultValue={value("subsetSum.maxCandidates")}
              error={error("subsetSum.maxCandidates")}
              hint={defaultHint("subsetSum.maxCandidates", "plain")}
            />
          </div>
        </Card>

        <Card title={t("sections.payers")}>
          <p className="mb-4 text-xs text-slate-500">{t("payersHelp")}</p>
          <div className="grid gap-5 sm:grid-cols-2">
            {PAYER_PLATFORMS.map((platform) => (
              <TextAreaField
                key={platform}
                label={tPlatforms(platform)}
                name={`platformPayers.${platform}`}
                rows={2}
                defaultValue={value(`platformPayers.${platform}`)}
                error={error(`platformPayers.${platform}`)}
              />
            ))}
          </div>
        </Card>
      </fieldset>

      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {saving ? tCommon("saving") : t("save")}
          </Button>
          <Button
            type="submit"
            variant="secondary"
            disabled={pending}
            formAction={restoreAction}
            data-action="restore"
            onClick={(event) => {
              if (!window.confirm(t("restoreConfirm"))) event.preventDefault();
            }}
          >
            {t("restoreDefaults")}
          </Button>
          <span className="text-xs text-slate-500">{t("saveHelp")}</span>
        </div>
      ) : null}
    </form>
  );
}
