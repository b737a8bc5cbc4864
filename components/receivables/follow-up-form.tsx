"use client";
// One order's follow-up: who chases it, when next, how far it got. Saved in one call.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/reconcile/call-action";
import { Button } from "@/components/ui/button";
import { changeFollowUpsAction } from "@/lib/actions/receivables/follow-ups";
import { FOLLOW_UP_STATES } from "@/lib/receivables/follow-up-states";
import type { Member } from "./member";

const CONTROL = "block w-full rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300";

export function FollowUpForm({ storeId, orderNo, ownerId, nextActionOn, state, members }: { storeId: string; orderNo: string; ownerId: string | null; nextActionOn: string | null; state: string | null; members: Member[] }) {
  const t = useTranslations("receivables");
  const router = useRouter();
  const [owner, setOwner] = useState(ownerId ?? "");
  const [date, setDate] = useState(nextActionOn ?? "");
  const [followState, setFollowState] = useState(state ?? "OPEN");
  const [result, setResult] = useState<{ tone: "ok" | "error"; text: string }>();
  // The server's values changed (this save, a note that moved it to 跟进中, a bulk change): show
  // them, keeping the outcome line of the save.
  const saved = `${ownerId}|${nextActionOn}|${state}`;
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setOwner(ownerId ?? "");
    setDate(nextActionOn ?? "");
    setFollowState(state ?? "OPEN");
  }
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const payload = JSON.stringify({ orders: [{ storeId, orderNo }], ownerId: owner === "" ? null : owner, nextActionOn: date === "" ? null : date, state: followState });
      const answer = await callAction(changeFollowUpsAction, { payload });
      if (answer.status === "ok") {
        setResult({ tone: "ok", text: t("drawer.followUpSaved") });
        router.refresh();
      } else if (answer.status === "error") setResult({ tone: "error", text: answer.message });
    });
  return (
    <form
      className="grid gap-3 sm:grid-cols-3"
      data-testid="follow-up-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label className="text-sm">
        <span className="mb-1 block text-xs text-slate-600">{t("drawer.owner")}</span>
        <select className={CONTROL} value={owner} onChange={(event) => setOwner(event.target.value)}>
          <option value="">{t("filters.noOwner")}</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block text-xs text-slate-600">{t("drawer.nextActionOn")}</span>
        <input type="date" className={CONTROL} value={date} onChange={(event) => setDate(event.target.value)} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block text-xs text-slate-600">{t("drawer.state")}</span>
        <select className={CONTROL} value={followState} onChange={(event) => setFollowState(event.target.value)}>
          {FOLLOW_UP_STATES.map((value) => (
            <option key={value} value={value}>
              {t(`followStates.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <Button type="submit" disabled={pending} className="px-3 py-1.5">
          {t("drawer.saveFollowUp")}
        </Button>
        {result ? (
          <span role={result.tone === "error" ? "alert" : "status"} className={`text-sm ${result.tone === "error" ? "text-red-600" : "text-emerald-700"}`}>
            {result.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
