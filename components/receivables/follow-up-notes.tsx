"use client";
// The notes on an order, newest first ("已联系平台客服，工单号 …"), and a box to add one.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/reconcile/call-action";
import { Button } from "@/components/ui/button";
import { addFollowUpNoteAction } from "@/lib/actions/receivables/follow-ups";

export type NoteView = { id: string; body: string; author: string; at: string };

export function FollowUpNotes({ storeId, orderNo, notes, canAdd }: { storeId: string; orderNo: string; notes: NoteView[]; canAdd: boolean }) {
  const t = useTranslations("receivables.drawer");
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const add = () =>
    startTransition(async () => {
      const answer = await callAction(addFollowUpNoteAction, { storeId, orderNo, body });
      if (answer.status === "ok") {
        setBody("");
        setError(undefined);
        router.refresh();
      } else if (answer.status === "error") setError(answer.message);
    });
  return (
    <div className="space-y-3">
      {notes.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noNotes")}</p>
      ) : (
        <ul className="space-y-2" data-testid="follow-up-notes">
          {notes.map((note) => (
            <li key={note.id} className="rounded-md bg-slate-50 px-3 py-2 text-sm">
              <span className="num block text-xs text-slate-500">
                {note.at} · {note.author}
              </span>
              <span className="break-words whitespace-pre-wrap text-slate-800">{note.body}</span>
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <label className="block text-sm">
            <span className="mb-1 block text-xs text-slate-600">{t("newNote")}</span>
            <textarea
              value={body}
              onChange={(event) => setBody(event.target.value)}
              rows={2}
              maxLength={2000}
              placeholder={t("notePlaceholder")}
              className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300"
            />
          </label>
          {error ? (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          ) : null}
          <Button type="submit" variant="secondary" disabled={pending || body.trim() === ""} className="px-3 py-1.5">
            {t("addNote")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
