"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

/** Asks for the one line of text an action needs (a reason, a note) before running it. */
export function ReasonDialog({ title, label, submitLabel, onSubmit, onClose, error }: { title: string; label: string; submitLabel: string; onSubmit: (text: string) => void; onClose: () => void; error?: string }) {
  const t = useTranslations("common");
  const [text, setText] = useState("");
  return (
    <Modal title={title} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) onSubmit(text.trim());
        }}
        className="space-y-3"
      >
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{label}</span>
          <textarea name="reason" value={text} onChange={(event) => setText(event.target.value)} rows={3} required maxLength={500} className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300" />
        </label>
        {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={!text.trim()}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
