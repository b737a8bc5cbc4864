"use client";
// Asks why the chosen rows are not for reconciliation: a category of other business (rent, salary,
// tax, transfer between own accounts, closed order without money, other) and a note, required for
// "other". The server checks the same and says what is wrong in the user's language.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { EXCLUSION_REASONS, type ExclusionReason } from "@/lib/ledger/excluded-rows";

export function ExcludeDialog({ count, pending, error, onClose, onSubmit }: { count: number; pending: boolean; error?: string; onClose: () => void; onSubmit: (reason: ExclusionReason, note: string) => void }) {
  const t = useTranslations("exclusions");
  const [reason, setReason] = useState<ExclusionReason>("RENT");
  const [note, setNote] = useState("");
  const noteMissing = reason === "OTHER" && note.trim() === "";
  return (
    <Modal title={t("markTitle", { count })} onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!noteMissing) onSubmit(reason, note.trim());
        }}
      >
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("reason")}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {EXCLUSION_REASONS.map((option) => (
              <label key={option} className="flex items-center gap-2 rounded-md px-2 py-1 text-sm ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-400">
                <input type="radio" name="reason" value={option} checked={reason === option} onChange={() => setReason(option)} />
                {t(`reasons.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t("note")}</span> <span className="text-xs text-slate-500">({reason === "OTHER" ? t("noteRequired") : t("noteOptional")})</span>
          <textarea
            name="note"
            value={note}
            maxLength={500}
            rows={2}
            onChange={(event) => setNote(event.target.value)}
            aria-invalid={noteMissing}
            className="mt-1 block w-full rounded-md border-0 px-2 py-1 text-sm ring-1 ring-slate-300"
          />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={pending || noteMissing}>
            {t("markSubmit")}
          </Button>
        </div>
        {noteMissing ? <p className="text-right text-xs text-amber-700">{t("noteRequired")}</p> : null}
      </form>
    </Modal>
  );
}
