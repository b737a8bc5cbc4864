"use client";
// One side of the unmatched workspace: which list, its filters (kept in the URL with the pane's
// prefix, so paging, sorting and filtering happen on the server), and its rows in the shared dense
// table with the 合计 row and per-store / per-account subtotals of the whole filtered list.
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { hasProblems, pageProblem, unmatchedFilterProblems } from "@/lib/match-review/filter-problems";
import type { UnmatchedList, UnmatchedPage, UnmatchedRow } from "@/lib/match-review/list-unmatched";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import { useMoney } from "./use-money";
import { pickKey, type Pane } from "./selection";
import { ExportButtons } from "@/components/export/export-buttons";

const INPUT = "rounded-md border-0 bg-white px-2 py-1 text-xs ring-1";
const FILTER_FIELDS = ["owner", "from", "to", "min", "max", "q"] as const;
/** What an export of the pane carries: its filters and its order (not its page: every row). */
const EXPORT_FIELDS = [...FILTER_FIELDS, "sort", "dir"] as const;

export function UnmatchedPane({
  pane,
  list,
  lists,
  data,
  owners,
  selected,
  focusIndex,
  active,
  onSelect,
  onFocus,
  onSuggest,
  onNote,
  notes,
  preference,
}: {
  pane: Pane;
  preference: TablePreference;
  list: UnmatchedList;
  lists: readonly UnmatchedList[];
  data: UnmatchedPage;
  owners: { id: string; name: string }[];
  selected: ReadonlySet<string>;
  focusIndex: number;
  active: boolean;
  onSelect: (rows: UnmatchedRow[], keys: ReadonlySet<string>) => void;
  onFocus: (index: number) => void;
  onSuggest: (row: UnmatchedRow) => void;
  onNote?: (row: UnmatchedRow) => void;
  notes: Record<string, string[]>;
}) {
  const t = useTranslations("workspace");
  const { money } = useMoney();
  const router = useRouter();
  const search = useSearchParams();
  const prefix = pane === "left" ? "l" : "r";
  const value = (name: string) => search.get(`${prefix}${name}`) ?? "";

  // Filters the list cannot honour are refused next to the filter, and no rows are shown for them
  // (the server ignores such values; a list that looks filtered but is not would mislead).
  const problems = unmatchedFilterProblems(Object.fromEntries([...FILTER_FIELDS, "page"].map((name) => [name, search.get(`${prefix}${name}`) ?? undefined])), new Set(owners.map((owner) => owner.id)));
  const refused = hasProblems(problems);
  const beyond = refused ? undefined : pageProblem(data.page, data.pages);
  const filterLabel = { owner: t("filters.owner"), from: t("filters.from"), to: t("filters.to"), min: t("filters.min"), max: t("filters.max"), q: t("filters.q"), page: t("filterProblems.pageLabel") } as Record<string, string>;
  const ring = (name: string) => (problems[name] ? "ring-red-400" : "ring-slate-300");
  const invalid = (name: string) => (problems[name] ? { "aria-invalid": true, "aria-describedby": `${prefix}-filter-${name}-error` } : {});

  const navigate = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search.toString());
    for (const [name, text] of Object.entries(changes)) {
      if (text) next.set(name, text);
      else next.delete(name);
    }
    router.push(`/reconcile/unmatched?${next.toString()}`, { scroll: false });
  };

  /** The rows' amounts as accountants read them: what is left, an order or a receipt positive. */
  const columns: DataColumn<UnmatchedRow>[] = [
    { id: "day", header: t("unmatchedColumns.day"), type: "date", value: (row) => row.day, sortable: true, size: 84 },
    {
      id: "ref",
      header: t("unmatchedColumns.ref"),
      type: "text",
      value: (row) => row.ref ?? row.detail ?? t("noReference"),
      hideable: false,
      size: 120,
      title: (row) => [row.ref ?? row.detail, row.owner, t("sourceRow", { file: row.file, row: row.sourceRow })].filter(Boolean).join(" · "),
      cell: (row) => <span className="font-mono text-slate-800">{row.ref ?? row.detail ?? t("noReference")}</span>,
    },
    {
      id: "remaining",
      header: t("unmatchedColumns.remaining"),
      type: "money",
      value: (row) => row.flowMinor,
      sortable: true,
      size: 96,
      title: (row) => (row.remainingMinor !== (row.amountMinor < 0n ? -row.amountMinor : row.amountMinor) ? `${money(row.flowMinor)} / ${money(row.amountMinor)}` : money(row.flowMinor)),
      cell: (row) => <span className={row.flowMinor < 0n ? "text-red-700" : "text-slate-900"}>{money(row.flowMinor)}</span>,
    },
    {
      id: "detail",
      header: t("unmatchedColumns.detail"),
      type: "text",
      value: (row) => [row.kind, row.detail].filter(Boolean).join(" "),
      size: 120,
      cell: (row) => (
        <>
          {notes[pickKey(row)] ? (
            <span className="mr-1 cursor-help text-amber-700" title={notes[pickKey(row)]!.join("\n")} aria-label={`${t("notes")}: ${notes[pickKey(row)]!.join("；")}`}>
              ✎{notes[pickKey(row)]!.length}
            </span>
          ) : null}
          {row.proposed ? (
            <span className="mr-1">
              <Badge tone="warning">{t("hasProposal")}</Badge>
            </span>
          ) : null}
          {row.kind ? <span className="mr-1 text-slate-400">{row.kind}</span> : null}
          <span className="text-slate-600">{row.detail}</span>
        </>
      ),
    },
    {
      id: "actions",
      header: t("unmatchedColumns.actions"),
      type: "text",
      value: () => "",
      hideable: false,
      // Both buttons whole in either language (today's clipped buttons were the complaint).
      size: 128,
      cell: (row) => (
        <>
          <button type="button" className="text-brand-700 hover:underline" onClick={() => onSuggest(row)}>
            {t("suggest")}
          </button>
          {onNote ? (
            <button type="button" className="ml-2 text-slate-500 hover:underline" onClick={() => onNote(row)}>
              {t("addNote")}
            </button>
          ) : null}
        </>
      ),
    },
    { id: "owner", header: t("unmatchedColumns.owner"), type: "text", value: (row) => row.owner, sortable: true, size: 110 },
  ];

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
            {refused ? "" : t("total", { count: data.total, amount: money(data.remainingMinor) })}
          </span>
        </div>
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            navigate(Object.fromEntries(FILTER_FIELDS.map((name) => [`${prefix}${name}`, String(form.get(name) ?? "")]).concat([[`${prefix}page`, ""]])));
          }}
        >
          <select name="owner" aria-label={t("filters.owner")} defaultValue={value("owner")} className={`${INPUT} ${ring("owner")}`} key={`${list}-${value("owner")}`} {...invalid("owner")}>
            <option value="">{t("filters.owner")}</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
          <input name="from" type="date" aria-label={t("filters.from")} defaultValue={value("from")} className={`${INPUT} ${ring("from")}`} {...invalid("from")} />
          <input name="to" type="date" aria-label={t("filters.to")} defaultValue={value("to")} className={`${INPUT} ${ring("to")}`} {...invalid("to")} />
          <input name="min" inputMode="decimal" placeholder={t("filters.min")} aria-label={t("filters.min")} defaultValue={value("min")} className={`${INPUT} ${ring("min")} w-24`} {...invalid("min")} />
          <input name="max" inputMode="decimal" placeholder={t("filters.max")} aria-label={t("filters.max")} defaultValue={value("max")} className={`${INPUT} ${ring("max")} w-24`} {...invalid("max")} />
          <input name="q" placeholder={t("filters.q")} aria-label={t("filters.q")} defaultValue={value("q")} className={`${INPUT} ${ring("q")} min-w-32 flex-1`} {...invalid("q")} />
          <Button type="submit" variant="secondary" className="px-2 py-1 text-xs">
            {t("filters.apply")}
          </Button>
        </form>
        <ExportButtons compact source="unmatched" params={{ list, pane, ...Object.fromEntries(EXPORT_FIELDS.map((name) => [name, search.get(`${prefix}${name}`) ?? undefined])) }} />
        {refused || beyond ? (
          <ul className="space-y-0.5 text-xs text-red-600" data-testid={`pane-${pane}-filter-problems`}>
            {Object.entries(beyond ? { page: beyond } : problems).map(([name, problem]) =>
              problem ? (
                <li key={name} id={`${prefix}-filter-${name}-error`}>
                  {t("filterProblems.labelled", { label: filterLabel[name] ?? name, message: t(`filterProblems.${problem.key}`, problem.values) })}
                  {name === "page" ? (
                    <button type="button" className="ml-2 text-brand-700 underline" onClick={() => navigate({ [`${prefix}page`]: beyond ? String(data.pages) : "" })}>
                      {t(beyond ? "filterProblems.lastPage" : "filterProblems.firstPage")}
                    </button>
                  ) : null}
                </li>
              ) : null,
            )}
          </ul>
        ) : null}
      </header>

      {refused || beyond ? (
        refused ? <p className="p-4 text-sm text-slate-600">{t("filterProblems.summary")}</p> : null
      ) : (
        <DataTable
          tableKey={`unmatched.${pane}`}
          testId={`pane-${pane}`}
          paramPrefix={prefix}
          columns={columns}
          rows={data.rows}
          rowId={pickKey}
          paging={{ page: data.page, pages: data.pages, total: data.total, pageSize: data.pageSize }}
          preference={preference}
          totals={{ label: t("rowsTotalRow", { count: data.total }), values: { remaining: data.remainingMinor } }}
          subtotals={data.subtotals.length > 1 ? data.subtotals.map((sub) => ({ label: t("subtotalRow", { owner: sub.owner }), values: { remaining: sub.remainingMinor } })) : []}
          emptyText={t("noRows")}
          selection={{ selected, onChange: (keys) => onSelect(data.rows, keys), label: (row) => row.ref ?? row.detail ?? t("noReference") }}
          focus={{ index: focusIndex, onChange: onFocus, active }}
          rowAttributes={(row) => ({ "data-row-ref": row.ref ?? "" })}
          maxHeight="60vh"
          framed={false}
        />
      )}
    </section>
  );
}
