"use client";
// Show or hide columns (remembered per person by the table). A native <details> menu: keyboard and
// screen readers get it for free, and it closes with the page's Escape handling left alone.
import { useTranslations } from "next-intl";

export type MenuColumn = { id: string; header: string; visible: boolean; canHide: boolean; toggle: (visible: boolean) => void };

export function ColumnMenu({ columns }: { columns: MenuColumn[] }) {
  const t = useTranslations("dataTable");
  return (
    <details className="relative text-xs">
      <summary className="cursor-pointer list-none rounded px-2 py-0.5 text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50">{t("columns")}</summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-48 space-y-1 rounded-md bg-white p-2 shadow-lg ring-1 ring-slate-200">
        <legend className="sr-only">{t("columns")}</legend>
        {columns.map((column) => (
          <label key={column.id} className={`flex items-center gap-2 ${column.canHide ? "" : "text-slate-400"}`}>
            <input type="checkbox" className="size-3.5" checked={column.visible} disabled={!column.canHide} onChange={(event) => column.toggle(event.target.checked)} />
            {column.header}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
