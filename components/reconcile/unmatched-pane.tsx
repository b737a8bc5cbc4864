"use client";
// One side of the unmatched workspace: which list, its filters (kept in the URL with the pane's
// prefix, so paging and filtering happen on the server), its totals and one page of rows.
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { UnmatchedList, UnmatchedPage, UnmatchedRow } from "@/lib/match-review/list-unmatched";
import { useMoney } from "./group-card";
import { pickKey, type Pane } from "./selection";

const INPUT = "rounded-md border-0 bg-white px-2 py-1 text-xs ring-1 ring-slate-300";

export function UnmatchedPane({
  pane,
  list,
  lists,
  data,
  owners,
  selected,
  focusIndex,
  active,
  onToggle,
  onFocus,
  onSuggest,
  onNote,
  notes,
}: {
  pane: Pane;
  list: UnmatchedList;
  lists: readonly UnmatchedList[];
  data: UnmatchedPage;
  owners: { id: string; name: string }[];
  selected: ReadonlySet<string>;
  focusIndex: number;
  active: boolean;
  onToggle: (row: UnmatchedRow) => void;
  onFocus: (index: number) => void;
  onSuggest: (row: UnmatchedRow) => void;
  onNote?: (row: UnmatchedRow) => void;
  notes: Record<string, string[]>;
}) {
  const t = useTranslations("workspace");
  const tc = useTranslations("common");
  const { money } = useMoney();
  const router = useRouter();
  const search = useSearchParams();
  const prefix = pane === "left" ? "l" : "r";
  const value = (name: string) => search.get(`${prefix}${name}`) ?? "";

  const navigate = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search.toString());
    for (const [name, text] of Object.entries(changes)) {
      if (text) next.set(name, text);
      else next.delete(name);
    }
    router.push(`/reconcile/unmatched?${next.toString()}`, { scroll: false });
  };

  return (
    <section aria-label={pane === "left" ? t("left") : t("right")} data-testid={`pane-${pane}`} className={`min-w-0 rounded-lg bg-white ring-1 ${active ? "ring-brand-400" : "ring-slate-200"}`}>
      <header className="space-y-2 border-b border-slate-100 p-3">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-semibold text-slate-500">{pane === "left" ? t("left") : t("right")}</span>
          <select
            aria-label={pane === "left" ? t("left") : t("right")}
            value={list}
            onChange={(event) => navigate({ [pane]: event.target.value, [`${prefix}page`]: "", [`${prefix}owner`]: "" })}
            className="rounded-md px-2 py-1 text-sm font-medium ring-1 ring-slate-300"
          >
            {lists.map((option) => (
              <option key={option} value={option}>
                {t(`lists.${option}`)}
              </option>
            ))}
          </select>
          <span className="num ml-auto text-xs text-slate-600" data-testid={`pane-${pane}-total`}>
            {t("total", { count: data.total, amount: money(data.remainingMinor) })}
          </span>
        </div>
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            navigate(Object.fromEntries(["owner", "from", "to", "min", "max", "q"].map((name) => [`${prefix}${name}`, String(form.get(name) ?? "")]).concat([[`${prefix}page`, ""]])));
          }}
        >
          <select name="owner" aria-label={t("filters.owner")} defaultValue={value("owner")} className={INPUT} key={`${list}-${value("owner")}`}>
            <option value="">{t("filters.owner")}</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
          <input name="from" type="date" aria-label={t("filters.from")} defaultValue={value("from")} className={INPUT} />
          <input name="to" type="date" aria-label={t("filters.to")} defaultValue={value("to")} className={INPUT} />
          <input name="min" inputMode="decimal" placeholder={t("filters.min")} aria-label={t("filters.min")} defaultValue={value("min")} className={`${INPUT} w-24`} />
          <input name="max" inputMode="decimal" placeholder={t("filters.max")} aria-label={t("filters.max")} defaultValue={value("max")} className={`${INPUT} w-24`} />
          <input name="q" placeholder={t("filters.q")} aria-label={t("filters.q")} defaultValue={value("q")} className={`${INPUT} min-w-32 flex-1`} />
          <Button type="submit" variant="secondary" className="px-2 py-1 text-xs">
            {t("filters.apply")}
          </Button>
        </form>
      </header>

      {data.rows.length === 0 ? (
        <p className="p-6 text-sm text-slate-500">{t("noRows")}</p>
      ) : (
        <div className="overflow-x-auto">
        <table className="w-full text-xs">
          <thead>
            <tr className="bg-slate-50 text-left text-slate-500">
              <th className="w-8 px-2 py-1.5" />
              <th className="px-2 py-1.5 font-medium">{t("columns.date")}</th>
              <th className="px-2 py-1.5 font-medium">{t("columns.ref")}</th>
              <th className="px-2 py-1.5 text-right font-medium">{t("columns.remaining")}</th>
              <th className="px-2 py-1.5 font-medium">{t("columns.detail")}</th>
              <th className="w-14 px-2 py-1.5" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid={`pane-${pane}-rows`}>
            {data.rows.map((row, index) => {
              const isSelected = selected.has(pickKey(row));
              const focused = active && index === focusIndex;
              return (
                <tr
                  key={pickKey(row)}
                  data-row-ref={row.ref ?? ""}
                  aria-selected={isSelected}
                  onClick={() => onFocus(index)}
                  className={`${isSelected ? "bg-brand-50" : ""} ${focused ? "outline-2 -outline-offset-2 outline-brand-500" : ""}`}
                >
                  <td className="px-2 py-1.5">
                    <input type="checkbox" className="size-4 rounded border-slate-300" checked={isSelected} onChange={() => onToggle(row)} aria-label={row.ref ?? row.id} />
                  </td>
                  <td className="num px-2 py-1.5 whitespace-nowrap text-slate-600">{row.day}</td>
                  <td className="max-w-56 px-2 py-1.5">
                    <div className="truncate font-mono text-slate-800" title={row.ref ?? undefined}>
                      {row.ref ?? `#${row.id}`}
                    </div>
                    <div className="truncate text-slate-400" title={`${row.owner} · ${t("sourceRow", { file: row.file, row: row.sourceRow })}`}>
                      {row.owner} · {t("sourceRow", { file: row.file, row: row.sourceRow })}
                    </div>
                  </td>
                  <td className={`num px-2 py-1.5 text-right whitespace-nowrap ${row.flowMinor < 0n ? "text-red-700" : "text-slate-900"}`}>
                    {money(row.flowMinor)}
                    {row.remainingMinor !== (row.amountMinor < 0n ? -row.amountMinor : row.amountMinor) ? <div className="text-slate-400">/ {money(row.amountMinor)}</div> : null}
                  </td>
                  <td className="max-w-48 truncate px-2 py-1.5 text-slate-600" title={row.detail ?? ""}>
                    {row.kind ? <span className="mr-1 text-slate-400">{row.kind}</span> : null}
                    {row.detail}
                    {notes[pickKey(row)] ? (
                      <span className="ml-1 cursor-help text-amber-700" title={notes[pickKey(row)]!.join("\n")} aria-label={`${t("notes")}: ${notes[pickKey(row)]!.join("；")}`}>
                        ✎{notes[pickKey(row)]!.length}
                      </span>
                    ) : null}
                    {row.proposed ? (
                      <span className="ml-1">
                        <Badge tone="warning">{t("hasProposal")}</Badge>
                      </span>
                    ) : null}
                  </td>
                  <td className="px-2 py-1.5 text-right whitespace-nowrap">
                    <button type="button" className="text-brand-700 hover:underline" onClick={() => onSuggest(row)}>
                      {t("suggest")}
                    </button>
                    {onNote ? (
                      <button type="button" className="ml-2 text-slate-500 hover:underline" onClick={() => onNote(row)}>
                        {t("addNote")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
      {data.pages > 1 ? (
        <footer className="flex items-center justify-between border-t border-slate-100 px-3 py-2 text-xs text-slate-600">
          <span className="num">{tc("pageOf", { page: data.page, pages: data.pages, total: data.total })}</span>
          <span className="flex gap-2">
            <Button variant="secondary" className="px-2 py-1 text-xs" disabled={data.page <= 1} onClick={() => navigate({ [`${prefix}page`]: String(data.page - 1) })}>
              {tc("previous")}
            </Button>
            <Button variant="secondary" className="px-2 py-1 text-xs" disabled={data.page >= data.pages} onClick={() => navigate({ [`${prefix}page`]: String(data.page + 1) })}>
              {tc("next")}
            </Button>
          </span>
        </footer>
      ) : null}
    </section>
  );
}
