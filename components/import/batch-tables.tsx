// The preview's two tables: the first parsed rows, and the errors with row, column and message.
import { getLocale, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { formatImportError } from "@/lib/import";
import type { ImportError, ImportKind } from "@/lib/import/types";
import { formatMinor } from "@/lib/money";

const COLUMNS: Record<ImportKind, string[]> = {
  bank: ["sourceRow", "occurredAt", "amountMinor", "counterparty", "memo", "reference"],
  orders: ["sourceRow", "orderNo", "status", "paidAmountMinor", "refundMinor", "createdAt"],
  settlement: ["sourceRow", "occurredOn", "lineType", "orderNo", "amountMinor", "payoutId"],
};
const MONEY = new Set(["amountMinor", "paidAmountMinor", "refundMinor", "balanceMinor"]);

type SampleRow = Record<string, string | number | boolean | null | undefined>;

export async function SampleTable({ kind, rows }: { kind: ImportKind; rows: SampleRow[] }) {
  const [t, locale] = await Promise.all([getTranslations("imports"), getLocale()]);
  const cell = (row: SampleRow, column: string) => {
    const value = column === "occurredAt" ? (row.occurredAt ?? row.occurredOn) : row[column];
    if (value === undefined || value === null) return "";
    if (MONEY.has(column)) return formatMinor(BigInt(value), String(row.currency ?? "CNY"), locale === "en" ? "en" : "zh-CN");
    return String(value).replace("T", " ");
  };
  return (
    <Table>
      <thead>
        <tr>
          {COLUMNS[kind].map((column) => (
            <Th key={column} className={MONEY.has(column) ? "text-right" : ""}>
              {t(`fields.${column}`)}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid="sample-rows">
        {rows.map((row) => (
          <tr key={String(row.sourceRow)}>
            {COLUMNS[kind].map((column) => (
              <Td key={column} className={`${MONEY.has(column) ? "num text-right" : ""} ${column === "sourceRow" ? "num text-slate-500" : ""} max-w-72 truncate`}>
                {cell(row, column)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export async function ErrorTable({ errors, total }: { errors: ImportError[]; total: number }) {
  const [t, locale] = await Promise.all([getTranslations("imports"), getLocale()]);
  return (
    <div className="space-y-2">
      <Table>
        <thead>
          <tr>
            <Th>{t("errorRow")}</Th>
            <Th>{t("errorColumn")}</Th>
            <Th>{t("errorMessage")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid="import-errors">
          {errors.map((error, index) => (
            <tr key={index} className={error.severity === "error" ? "bg-red-50/40" : ""}>
              <Td className="num">{error.row ?? "—"}</Td>
              <Td>{error.column ?? "—"}</Td>
              <Td className={error.severity === "error" ? "text-red-800" : "text-amber-800"}>{formatImportError(error, locale === "en" ? "en" : "zh-CN")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {total > errors.length ? <p className="text-xs text-slate-500">{t("moreErrors", { shown: errors.length, total })}</p> : null}
    </div>
  );
}
