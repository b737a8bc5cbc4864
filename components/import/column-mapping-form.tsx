"use client";
// For a layout no adapter knows: pick the header row, then say which column holds what.
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { mapColumnsAction } from "@/lib/actions/import/batches";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/actions/action-state";

const FIELDS = ["date", "time", "amount", "inflow", "outflow", "direction", "reference", "counterparty", "orderNo", "fee", "memo", "balance"] as const;

/** The row with the most filled cells among the first ones is usually the header. */
function likelyHeaderRow(rows: string[][]): number {
  let best = 0;
  rows.slice(0, 10).forEach((cells, index) => {
    const filled = cells.filter((cell) => cell.trim() !== "").length;
    if (filled > rows[best]!.filter((cell) => cell.trim() !== "").length) best = index;
  });
  return best;
}

type Props = {
  batchId: string;
  rows: string[][];
  /** Per raw row, the columns its names suggest for each field were it the header. */
  suggestions: Partial<Record<(typeof FIELDS)[number], string>>[];
  fileName: string;
};

export function ColumnMappingForm({ batchId, rows, suggestions, fileName }: Props) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(mapColumnsAction, IDLE);
  const [headerRow, setHeaderRow] = useState(() => likelyHeaderRow(rows));
  useEffect(() => {
    if (state.status === "ok") router.refresh();
  }, [state, router]);

  const header = (rows[headerRow] ?? []).filter((cell) => cell.trim() !== "");
  const suggested = suggestions[headerRow] ?? {};
  const columnOptions = [{ value: "", label: t("mapNone") }, ...header.map((cell) => ({ value: cell, label: cell }))];
  const error = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);

  return (
    <form action={formAction} className="space-y-5" data-testid="mapping-form">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="id" value={batchId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("mapName")} name="name" defaultValue={fileName.replace(/\.[^.]+$/, "")} error={error("name")} />
        <SelectField
          label={t("mapHeaderRow")}
          name="headerRow"
          value={String(headerRow)}
          onChange={(event) => setHeaderRow(Number(event.target.value))}
          options={rows.map((cells, index) => ({ value: String(index), label: `${index + 1}: ${cells.filter(Boolean).join(" | ").slice(0, 60)}` }))}
        />
        <SelectField
          label={t("mapKind")}
          name="kind"
          defaultValue="bank"
          options={[
            { value: "bank", label: t("kinds.bank") },
            { value: "settlement", label: t("kinds.settlement") },
          ]}
        />
      </div>
      <p className="text-xs text-slate-500">{t("mapHint")}</p>
      <div className="grid gap-4 sm:grid-cols-4" key={headerRow}>
        {FIELDS.map((field) => (
          <SelectField key={field} label={t(`mapFields.${field}`)} name={field} defaultValue={suggested[field] ?? ""} options={columnOptions} error={error(field)} />
        ))}
        {/* Only asked when one amount column has no direction column beside it; never assumed. */}
        <SelectField
          label={t("mapAmountSign")}
          name="amountSign"
          defaultValue=""
          error={error("amountSign")}
          options={(["unset", "positiveIsIn", "positiveIsOut"] as const).map((value) => ({ value: value === "unset" ? "" : value, label: t(`mapAmountSignOptions.${value}`) }))}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {t("mapSubmit")}
      </Button>
    </form>
  );
}
