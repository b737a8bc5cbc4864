// 未匹配: one pane of the workspace — every row its filters keep, in its order, as the pane shows
// them (the pane's SQL, `filteredUnmatchedSql`, so the file cannot hold other rows), and the pane's
// 合计 (rows, what is left) as the totals the file must reach.
//
// Params: the pane's filters without their l/r prefix, plus `list` (orders | lines | bank) and
// `pane` (left | right). The page reads a left pane as the upstream end of a match ("down" side),
// a right pane as the downstream end ("up"); orders are only ever on the left and bank rows on the
// right, so `pane` may be left out for them, but bill and wallet lines show on either side with
// different amounts left, and must say which.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportColumn, ExportRow } from "@/lib/export";
import type { Slot } from "@/lib/match-engine";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { loadFilterOwners, offeredOwners, unmatchedListOwners } from "@/lib/match-review/filter-options";
import { hasProblems, unmatchedFilterProblems } from "@/lib/match-review/filter-problems";
import { LEFT_LISTS, RIGHT_LISTS, UNMATCHED_LISTS, describeUnmatched, filteredUnmatchedSql, unmatchedFilterSchema, unmatchedSums, type FoundRow, type UnmatchedList, type UnmatchedRow } from "@/lib/match-review/list-unmatched";
import { rowNotes } from "@/lib/match-review/notes";
import { formatMinor } from "@/lib/money";
import { cursorRows } from "./cursor-rows";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";
import { filterLabels } from "./filter-labels";

type Pane = "left" | "right";
const SLOT_OF_PANE: Record<Pane, Slot> = { left: "down", right: "up" };

export const unmatchedSource: ExportSource = { permission: "org.read", describe: describeUnmatchedPane };

/** The list and pane the params name, refused when the page could not show that list in that pane. */
function paneOf(params: ExportParams): { list: UnmatchedList; pane: Pane } {
  const list = params.list as UnmatchedList;
  if (!UNMATCHED_LISTS.includes(list)) throw new AppError("INVALID", { messageKey: "exportSourceBadParam", params: { name: "list", value: String(params.list ?? "") } });
  const pane = (params.pane ?? (list === "orders" ? "left" : list === "bank" ? "right" : undefined)) as Pane | undefined;
  const allowed = pane === "left" ? (LEFT_LISTS as readonly string[]).includes(list) : pane === "right" ? (RIGHT_LISTS as readonly string[]).includes(list) : false;
  if (!allowed) throw new AppError("INVALID", { messageKey: "exportSourceBadParam", params: { name: "pane", value: String(params.pane ?? "") } });
  return { list, pane: pane! };
}

async function describeUnmatchedPane(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const { t } = ctx;
  const { list, pane } = paneOf(params);
  const slot = SLOT_OF_PANE[pane];
  const { page: _page, size: _size, list: _list, pane: _pane, ...own } = params;
  const [owners, rules] = await Promise.all([loadFilterOwners(tx, ctx.orgId), getOrgRules(tx, ctx.orgId)]);
  // The pane offers (and so accepts) the list's active stores or accounts, and an archived one
  // only while its filter names it; anything else it refuses, and so does the export.
  const choices = offeredOwners(unmatchedListOwners(owners, list), own.owner);
  if (hasProblems(unmatchedFilterProblems(own, new Set(choices.map((owner) => owner.id))))) throw new AppError("INVALID", { messageKey: "exportFilterRefused" });
  const filter = unmatchedFilterSchema.parse(own);
  const { sql, params: values, order, joinOwners, ownersSql } = filteredUnmatchedSql(ctx.orgId, list, slot, filter);
  if (!sql) throw new Error("an unfiltered list always has a branch");
  const sums = await unmatchedSums(tx, ctx.orgId, list, slot, filter);

  const money = (minor: bigint) => formatMinor(minor, "CNY", ctx.locale);
  const columns: ExportColumn[] = [
    { key: "day", label: t("workspace.unmatchedColumns.day"), type: "date" },
    { key: "ref", label: t("workspace.unmatchedColumns.ref"), type: "text" },
    { key: "detail", label: t("workspace.unmatchedColumns.detail"), type: "text" },
    { key: "owner", label: t("workspace.unmatchedColumns.owner"), type: "text" },
    // The row as its file has it (signed as there: a commission or a payment out is negative), then
    // what is left of it. The pane's 合计 adds up what is left as a magnitude, so this column holds
    // magnitudes and reaches the same sum (the pane's cells sign it as the money flows instead).
    { key: "amount", label: t("exportSources.unmatched.amount"), type: "money" },
    { key: "remaining", label: t("workspace.unmatchedColumns.remaining"), type: "money", total: true },
    { key: "proposed", label: t("exportSources.unmatched.proposal"), type: "text" },
    { key: "notes", label: t("workspace.notes"), type: "text" },
    { key: "source", label: t("workspace.columns.source"), type: "text" },
  ];
  const toRow = (row: UnmatchedRow, notes: Record<string, string[]>): ExportRow => ({
    day: row.day,
    ref: row.ref ?? row.detail ?? t("workspace.noReference"),
    detail: [row.kind, row.detail].filter(Boolean).join(" "),
    owner: row.owner,
    amount: row.amountMinor,
    remaining: row.remainingMinor,
    proposed: row.proposed ? t("workspace.hasProposal") : "",
    notes: (notes[`${row.side}:${row.id}`] ?? []).join("；"),
    source: t("workspace.sourceRow", { file: row.file, row: row.sourceRow }),
  });
  async function* rows(): AsyncGenerator<ExportRow> {
    const ordered = `SELECT u.side, u.id, u."remainingMinor" FROM (${sql}) u ${joinOwners ? `LEFT JOIN (${ownersSql}) o ON o.id = u.owner` : ""} ORDER BY ${order}`;
    for await (const batch of cursorRows<FoundRow>(tx, ordered, values)) {
      const described = await describeUnmatched(tx, ctx.orgId, list, slot, batch, rules);
      const notes = await rowNotes(tx, ctx.orgId, described);
      for (const row of described) yield toRow(row, notes);
    }
  }
  const ownerName = choices.find((owner) => owner.id === filter.owner)?.name;
  return {
    rowCount: sums.count,
    table: {
      title: `${t("workspace.tabs.unmatched")} · ${t(`workspace.lists.${list}`)}`,
      company: ctx.orgName,
      period: filter.from || filter.to ? t("export.periodRange", { from: filter.from ?? "…", to: filter.to ?? "…" }) : undefined,
      filters: filterLabels(t, [
        ["exportSources.unmatched.pane", t(pane === "left" ? "workspace.left" : "workspace.right")],
        ["workspace.filters.owner", ownerName],
        ["workspace.filters.min", filter.min ? money(BigInt(filter.min)) : undefined],
        ["workspace.filters.max", filter.max ? money(BigInt(filter.max)) : undefined],
        ["exportSources.unmatched.search", filter.q],
      ]),
      generatedBy: ctx.requestedBy,
      generatedAt: ctx.requestedAt,
      timeZone: ctx.timeZone,
      columns,
      rows: rows(),
      expectedTotals: { remaining: sums.remainingMinor },
    },
  };
}
