"use client";
// The company's follow-up levels (like Odoo's): from N days overdue, the level's name and what to
// do. A company without levels of its own sees the defaults and may copy them to start editing;
// adding, editing and deleting happen in a dialog, the server refusing what it must (same days).
import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/reconcile/call-action";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { Table, Td, Th } from "@/components/ui/table";
import { IDLE, submittedValue } from "@/lib/actions/action-state";
import { adoptDefaultLevelsAction, createFollowUpLevelAction, deleteFollowUpLevelAction, updateFollowUpLevelAction } from "@/lib/actions/receivables/settings";

export type LevelRow = { id: string | null; days: number; name: string; action: string; isDefault: boolean };

type Dialog = { kind: "add" } | { kind: "edit"; level: LevelRow } | { kind: "delete"; level: LevelRow } | null;

function LevelForm({ level, onDone, onCancel }: { level: LevelRow | null; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("receivableSettings.levels");
  const tCommon = useTranslations("common");
  const [state, formAction, pending] = useActionState(async (...args: Parameters<typeof createFollowUpLevelAction>) => {
    const answer = await (level ? updateFollowUpLevelAction : createFollowUpLevelAction)(...args);
    if (answer.status === "ok") onDone();
    return answer;
  }, IDLE);
  const error = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  const value = (name: string, fallback: string) => submittedValue(state, name, fallback);
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="level-form">
      {state.status === "error" && Object.keys(state.fieldErrors).length === 0 ? <Alert tone="error">{state.message}</Alert> : null}
      {level?.id ? <input type="hidden" name="id" value={level.id} /> : null}
      <TextField
        label={t("fieldDays")}
        name="days"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={value("days", level ? String(level.days) : "")}
        error={error("days")}
        hint={t("fieldDaysHint")}
      />
      <TextField label={t("fieldName")} name="name" maxLength={30} defaultValue={value("name", level?.name ?? "")} placeholder={t("fieldNamePlaceholder")} error={error("name")} />
      <TextAreaField
        label={t("fieldAction")}
        name="action"
        rows={3}
        maxLength={200}
        defaultValue={value("action", level?.action ?? "")}
        placeholder={t("fieldActionPlaceholder")}
        error={error("action")}
      />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tCommon("cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? tCommon("saving") : tCommon("save")}
        </Button>
      </div>
    </form>
  );
}

function DeleteLevel({ level, last, onDone, onCancel }: { level: LevelRow; last: boolean; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("receivableSettings.levels");
  const tCommon = useTranslations("common");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const state = await callAction(deleteFollowUpLevelAction, { id: level.id ?? "" });
      if (state.status === "error") return setError(state.message);
      onDone();
    });
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p>{t("deleteConfirm", { name: level.name, days: level.days })}</p>
      {last ? <Alert tone="warning">{t("deleteLastNote")}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tCommon("cancel")}
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={remove}>
          {t("delete")}
        </Button>
      </div>
    </div>
  );
}

/** "逾期 8–30 天": a level lasts until the day before the next one starts. */
function rangeOf(levels: readonly LevelRow[], index: number, t: ReturnType<typeof useTranslations<"receivableSettings.levels">>): string {
  const low = levels[index]!.days;
  const next = levels[index + 1];
  if (!next) return t("rangeOpen", { low });
  return next.days - 1 === low ? t("rangeSingle", { low }) : t("rangeClosed", { low, high: next.days - 1 });
}

export function FollowUpLevels({ levels, own, canEdit, openLevelId }: { levels: LevelRow[]; own: boolean; canEdit: boolean; openLevelId: string | null }) {
  const t = useTranslations("receivableSettings.levels");
  const router = useRouter();
  const opened = own && openLevelId ? levels.find((level) => level.id === openLevelId) : undefined;
  const [dialog, setDialog] = useState<Dialog>(canEdit && opened ? { kind: "edit", level: opened } : null);
  // A key, not words: the notice follows a change of language.
  const [notice, setNotice] = useState<"saved" | "deleted" | "adopted">();
  const [adoptError, setAdoptError] = useState<string>();
  const [adopting, startAdopt] = useTransition();

  const done = (message: "saved" | "deleted") => {
    setDialog(null);
    setNotice(message);
    router.refresh();
  };
  const adopt = () =>
    startAdopt(async () => {
      const state = await callAction(adoptDefaultLevelsAction, {});
      if (state.status === "error") return setAdoptError(state.message);
      setAdoptError(undefined);
      setNotice("adopted");
      router.refresh();
    });

  return (
    <div className="space-y-4" data-testid="follow-up-levels">
      {notice ? <Alert tone="success">{t(notice)}</Alert> : null}
      {adoptError ? <Alert tone="error">{adoptError}</Alert> : null}
      {own ? null : (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-100 ring-inset">
          <p className="min-w-0">{t("defaultsNote")}</p>
          {canEdit ? (
            <Button type="button" variant="secondary" disabled={adopting} onClick={adopt} title={t("adoptHint")}>
              {t("adopt")}
            </Button>
          ) : null}
        </div>
      )}
      <div className="hidden sm:block">
      <Table>
        <thead>
          <tr>
            <Th className="w-28 whitespace-nowrap">{t("days")}</Th>
            <Th className="hidden whitespace-nowrap sm:table-cell">{t("range")}</Th>
            <Th className="whitespace-nowrap">{t("name")}</Th>
            <Th>{t("action")}</Th>
            {canEdit && own ? <Th className="text-right">{t("actions")}</Th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid="levels-table">
          {levels.map((level, index) => (
            <tr key={level.id ?? `default-${level.days}`}>
              <Td className="num whitespace-nowrap font-medium text-slate-900">{t("daysFrom", { days: level.days })}</Td>
              <Td className="hidden whitespace-nowrap text-slate-500 sm:table-cell">{rangeOf(levels, index, t)}</Td>
              <Td className="whitespace-nowrap font-medium text-slate-900">
                {level.name} {level.isDefault ? <Badge tone="muted">{t("defaultBadge")}</Badge> : null}
              </Td>
              <Td className="min-w-48">{level.action}</Td>
              {canEdit && own ? (
                <Td className="whitespace-nowrap text-right">
                  <button type="button" className="text-brand-600 hover:underline" aria-label={t("editLabel", { name: level.name })} onClick={() => setDialog({ kind: "edit", level })}>
                    {t("edit")}
                  </button>
                  <button type="button" className="ml-3 text-red-700 hover:underline" aria-label={t("deleteLabel", { name: level.name })} onClick={() => setDialog({ kind: "delete", level })}>
                    {t("delete")}
                  </button>
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      </div>
      {/* Phones: one block per level, its buttons in reach instead of past a sideways scroll. */}
      <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-slate-200 sm:hidden" data-testid="levels-list">
        {levels.map((level, index) => (
          <li key={level.id ?? `default-${level.days}`} className="space-y-1 px-4 py-3 text-sm">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium text-slate-900">{level.name}</span>
              {level.isDefault ? <Badge tone="muted">{t("defaultBadge")}</Badge> : null}
              <span className="text-xs text-slate-500">{rangeOf(levels, index, t)}</span>
            </p>
            <p className="text-slate-700">{level.action}</p>
            {canEdit && own ? (
              <p className="pt-1">
                <button type="button" className="text-brand-600 hover:underline" aria-label={t("editLabel", { name: level.name })} onClick={() => setDialog({ kind: "edit", level })}>
                  {t("edit")}
                </button>
                <button type="button" className="ml-4 text-red-700 hover:underline" aria-label={t("deleteLabel", { name: level.name })} onClick={() => setDialog({ kind: "delete", level })}>
                  {t("delete")}
                </button>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && own ? (
        <Button type="button" variant="secondary" onClick={() => setDialog({ kind: "add" })}>
          {t("add")}
        </Button>
      ) : null}
      {dialog?.kind === "add" || dialog?.kind === "edit" ? (
        <Modal title={dialog.kind === "add" ? t("addTitle") : t("editTitle")} onClose={() => setDialog(null)}>
          <LevelForm level={dialog.kind === "edit" ? dialog.level : null} onDone={() => done("saved")} onCancel={() => setDialog(null)} />
        </Modal>
      ) : null}
      {dialog?.kind === "delete" ? (
        <Modal title={t("deleteTitle")} onClose={() => setDialog(null)}>
          <DeleteLevel level={dialog.level} last={levels.length === 1} onDone={() => done("deleted")} onCancel={() => setDialog(null)} />
        </Modal>
      ) : null}
    </div>
  );
}
