"use client";
// Under the table: where this page is in the list, rows per page (50 / 100 / 500), previous / next.
import { useTranslations } from "next-intl";
import { PAGE_SIZES, type PageSize } from "@/lib/table-preferences/page-sizes";

const BUTTON = "rounded px-2 py-0.5 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-40";

/** Where a paged list stands: the server pages it, the table only shows and moves the page. */
export type TablePaging = { page: number; pages: number; total: number; pageSize: number };

export function TablePager({ paging, onPage, onPageSize }: { paging: TablePaging; onPage: (page: number) => void; onPageSize: (size: PageSize) => void }) {
  const t = useTranslations("dataTable");
  const tc = useTranslations("common");
  return (
    <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 px-2 py-1.5 text-xs text-slate-600">
      <span className="num" data-testid="table-page">
        {tc("pageOf", { page: paging.page, pages: paging.pages, total: paging.total })}
      </span>
      <label className="ml-auto flex items-center gap-1">
        {t("pageSize")}
        <select className="rounded px-1 py-0.5 ring-1 ring-slate-300" value={paging.pageSize} onChange={(event) => onPageSize(Number(event.target.value) as PageSize)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={BUTTON} disabled={paging.page <= 1} onClick={() => onPage(paging.page - 1)}>
        {tc("previous")}
      </button>
      <button type="button" className={BUTTON} disabled={paging.page >= paging.pages} onClick={() => onPage(paging.page + 1)}>
        {tc("next")}
      </button>
    </div>
  );
}
