"use client";
// The manual match form: the picked rows with the part of each to use (split a receipt, record a
// partial payment), the running difference, and the adjustments (reason + amount + note) that must
// explain it to the cent before the match can be saved.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { ADJUSTMENT_LABELS } from "@/lib/match-engine/reason-messages";
import { ADJUSTMENT_TYPES, type AdjustmentType } from "@/lib/match-engine/types";
import { useMoney } from "./use-money";
import { minorToDecimalString, parseYuanInput } from "@/lib/money";
import { pickKey, totals, type Picked } from "./selection";

type AdjustmentDraft = { type: AdjustmentType; amount: string; note: string };
export type MatchPayload = {
  upstream: { side: string; id: string; amountMinor: string }[];
  downstream: { side: string; id: string; amountMinor: string }[];
  adjustments: { type: AdjustmentType; amountMinor: string; note?: string }[];
  note?: string;
};

const CELL_INPUT = "w-28 rounded-md px-2 py-1 text-right text-sm ring-1 ring-slate-300";

export function MatchDialog({ picks, onClose, onSubmit, pending, error }: { picks: Picked[]; onClose: () => void; onSubmit: (payload: MatchPayload) => void; pending: boolean; error?: string }) {
  const t = useTranslations("workspace");
  const tc = useTranslations("common");
  const { locale, money } = useMoney();
  const [amounts, setAmounts] = useState<Record<string, string>>(() => Object.fromEntries(picks.map((pick) => [pickKey(pick.row), minorToDecimalString(pick.useMinor)])));
  // Left (money leaves) first, as on the page.
  const ordered = [...picks.filter((pick) => pick.pane === "left"), ...picks.filter((pick) => pick.pane === "right")];
  const parsedPicks = ordered.map((pick) => ({ ...pick, useMinor: parseYuanInput(amounts[pickKey(pick.row)] ?? "") ?? -1n }));
  const validPicks = parsedPicks.every((pick) => pick.useMinor > 0n && pick.useMinor <= pick.row.remainingMinor);
  const sums = totals(parsedPicks.map((pick) => ({ ...pick, useMinor: pick.useMinor > 0n ? pick.useMinor : 0n })));
  const [adjustments, setAdjustments] = useState<AdjustmentDraft[]>(() => (sums.difference !== 0n ? [{ type: "FEE", amount: minorToDecimalString(sums.difference), note: "" }] : []));
  const [note, setNote] = useState("");
  const explained = adjustments.reduce((sum, adjustment) => sum + (parseYuanInput(adjustment.amount, { allowNegative: true }) ?? 0n), 0n);
  const unexplained = sums.difference - explained;
  const notesOk = adjustments.every((adjustment) => adjustment.note.trim() || note.trim());
  const ready = validPicks && unexplained === 0n && adjustments.every((adjustment) => (parseYuanInput(adjustment.amount, { allowNegative: true }) ?? 0n) !== 0n) && notesOk;

  const update = (index: number, change: Partial<AdjustmentDraft>) => setAdjustments((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));

  const submit = () => {
    if (!ready) return;
    const side = (pane: "left" | "right") => parsedPicks.filter((pick) => pick.pane === pane).map((pick) => ({ side: pick.row.side, id: pick.row.id, amountMinor: pick.useMinor.toString() }));
    onSubmit({
      upstream: side("left"),
      downstream: side("right"),
      adjustments: adjustments.map((adjustment) => ({ type: adjustment.type, amountMinor: parseYuanInput(adjustment.amount, { allowNegative: true })!.toString(), note: adjustment.note.trim() || undefined })),
      note: note.trim() || undefined,
    });
  };

  return (
    <Modal title={t("matchTitle")} onClose={onClose} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        className="space-y-4"
      >
        <section>
          <h3 className="mb-1 text-xs font-semibold text-slate-600">{t("matchRows")}</h3>
          <table className="w-full text-sm">
            <tbody className="divide-y divide-slate-100">
              {parsedPicks.map((pick) => (
                <tr key={pickKey(pick.row)}>
                  <td className="py-1 text-xs text-slate-500">{pick.pane === "left" ? t("left") : t("right")}</td>
                  <td className="py-1 text-xs text-slate-500">{t(`sides.${pick.row.side}`)}</td>
                  <td className="py-1 font-mono text-xs">{pick.row.ref ?? pick.row.detail ?? t("noReference")}</td>
                  <td className="num py-1 text-xs text-slate-500">{pick.row.day}</td>
                  <td className="num py-1 text-right text-xs text-slate-500">{money(pick.row.flowMinor)}</td>
                  <td className="py-1 text-right">
                    <input
                      aria-label={`${t("thisAmount")} ${pick.row.ref ?? pick.row.id}`}
                      value={amounts[pickKey(pick.row)] ?? ""}
                      onChange={(event) => setAmounts((current) => ({ ...current, [pickKey(pick.row)]: event.target.value }))}
                      className={`${CELL_INPUT} ${pick.useMinor > 0n && pick.useMinor <= pick.row.remainingMinor ? "" : "ring-red-400"}`}
                      inputMode="decimal"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="num mt-2 text-sm text-slate-700">
            {t("leftTotal")} {money(sums.left)} · {t("rightTotal")} {money(sums.right)} · {t("difference")} <strong>{money(sums.difference)}</strong>
          </p>
        </section>

        <section>
          <div className="mb-1 flex items-center justify-between">
            <h3 className="text-xs font-semibold text-slate-600">{t("adjustments")}</h3>
            <Button type="button" variant="ghost" className="py-1 text-xs" onClick={() => setAdjustments((list) => [...list, { type: "FEE", amount: minorToDecimalString(unexplained), note: "" }])}>
              {t("addAdjustment")}
            </Button>
          </div>
          {adjustments.map((adjustment, index) => (
            <div key={index} className="mb-2 flex flex-wrap items-center gap-2">
              <select aria-label={t("adjustmentType")} value={adjustment.type} onChange={(event) => update(index, { type: event.target.value as AdjustmentType })} className="rounded-md px-2 py-1 text-sm ring-1 ring-slate-300">
                {ADJUSTMENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {ADJUSTMENT_LABELS[type][locale]}
                  </option>
                ))}
              </select>
              <input aria-label={t("adjustmentAmount")} value={adjustment.amount} onChange={(event) => update(index, { amount: event.target.value })} className={CELL_INPUT} inputMode="decimal" />
              <input aria-label={t("adjustmentNote")} placeholder={t("adjustmentNote")} value={adjustment.note} onChange={(event) => update(index, { note: event.target.value })} className="min-w-48 flex-1 rounded-md px-2 py-1 text-sm ring-1 ring-slate-300" />
              <Button type="button" variant="ghost" className="py-1 text-xs" onClick={() => setAdjustments((list) => list.filter((_, i) => i !== index))}>
                {t("removeAdjustment")}
              </Button>
            </div>
          ))}
          <p className={`text-sm ${unexplained === 0n ? "text-emerald-700" : "text-amber-700"}`} data-testid="unexplained">
            {unexplained === 0n ? t("balanced") : t("unexplained", { amount: money(unexplained) })}
          </p>
        </section>

        <label className="block text-sm">
          <span className="mb-1 block text-xs font-semibold text-slate-600">{t("groupNote")}</span>
          <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} className="block w-full rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300" />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button type="submit" disabled={!ready || pending}>
            {t("submitMatch")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
