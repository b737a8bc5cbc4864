"use client";
// One change for the picked orders: their owner (a member of the company, or nobody), their next
// action date (or none), or their follow-up state. The rest of each order's follow-up stays as is.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { FOLLOW_UP_STATES } from "@/lib/receivables/follow-up-states";
import type { Member } from "./member";

export type BulkField = "owner" | "nextActionOn" | "state";

const CONTROL = "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300";

export function BulkFollowUpDialog({
  field,
  count,
  members,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  field: BulkField;
  count: number;
  members: Member[];
  pending: boolean;
  error?: string;
  onClose: () => void;
  onSubmit: (change: Record<string, unknown>) => void;
}) {
  const t = useTranslations("receivables");
  const tc = useTranslations("common");
  const [owner, setOwner] = useState(members[0]?.id ?? "");
  const [date, setDate] = useState("");
  const [state, setState] = useState<string>("IN_PROGRESS");
  const submit = () => {
    if (field === "owner") onSubmit({ ownerId: owner === "" ? null : owner });
    else if (field === "nextActionOn") onSubmit({ nextActionOn: date === "" ? null : date });
    else onSubmit({ state });
  };
  return (
    <Modal title={t(`bulk.${field}Title`, { count })} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t(`bulk.${field}Label`)}</span>
          {field === "owner" ? (
            <select className={CONTROL} value={owner} onChange={(event) => setOwner(event.target.value)}>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
              <option value="">{t("filters.noOwner")}</option>
            </select>
          ) : field === "nextActionOn" ? (
            <input type="date" className={CONTROL} value={date} onChange={(event) => setDate(event.target.value)} />
          ) : (
            <select className={CONTROL} value={state} onChange={(event) => setState(event.target.value)}>
              {FOLLOW_UP_STATES.map((value) => (
                <option key={value} value={value}>
                  {t(`followStates.${value}`)}
                </option>
              ))}
            </select>
          )}
        </label>
        {field === "nextActionOn" ? <p className="text-xs text-slate-500">{t("bulk.emptyDateClears")}</p> : null}
        {error ? (
          <p className="text-sm text-red-600" role="alert">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {t("bulk.apply", { count })}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
