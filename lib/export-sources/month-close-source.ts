// 月结: one month's close report as one table that reads like the page, section by section — the
// status (who submitted and who locked it, when), each list's rows and amounts (matched, open,
// not for reconciliation), the adjustments booked by type, the open items kept at submission or
// lock, and the rows marked not for reconciliation. Sections mix counts and amounts of different
// things, so the file has no grand total; each section's own sums are its rows.
//
// Params: { month: "YYYY-MM" }.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportColumn, ExportRow } from "@/lib/export";
import { ADJUSTMENT_LABELS } from "@/lib/match-engine";
import { loadCloseReport, type CloseReport } from "@/lib/match-review/close-report";
import { listExcludedRows } from "@/lib/match-review/exclusion-lists";
import { monthAdjustments } from "@/lib/match-review/month-adjustments";
import { MONTH_PATTERN } from "@/lib/match-review/periods";
import { formatLocalDateTime } from "@/lib/shared/local-time";
import { monthBounds } from "@/lib/ledger/business-day";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";

/** How many marked rows the file lists one by one (the summary counts all of them). */
export const MONTH_CLOSE_EXCLUDED_LIMIT = 5000;

export const monthCloseSource: ExportSource = { permission: "org.read", describe: describeMonthClose };

async function describeMonthClose(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const { t } = ctx;
  const month = params.month?.trim() ?? "";
  if (!MONTH_PATTERN.test(month)) throw new AppError("INVALID", { messageKey: "exportSourceBadMonth", params: { value: month.slice(0, 20) } });
  const [report, adjustments, excluded] = await Promise.all([
    loadCloseReport(tx, ctx.orgId, month),
    monthAdjustments(tx, ctx.orgId, month),
    listExcludedRows(tx, ctx.orgId, { month, page: 1, pageSize: MONTH_CLOSE_EXCLUDED_LIMIT }),
  ]);
  const rows = [...statusRows(ctx, report), ...summaryRows(ctx, report), ...adjustmentRows(ctx, adjustments), ...openItemRows(ctx, report), ...excludedRows(ctx, excluded)];
  const { first, last } = monthBounds(month);
  const columns: ExportColumn[] = [
    { key: "section", label: t("exportSources.monthClose.columns.section"), type: "text" },
    { key: "item", label: t("exportSources.monthClose.columns.item"), type: "text" },
    { key: "count", label: t("exportSources.monthClose.columns.count"), type: "integer" },
    { key: "amount", label: t("exportSources.monthClose.columns.amount"), type: "money" },
    { key: "note", label: t("exportSources.monthClose.columns.note"), type: "text" },
  ];
  return {
    rowCount: rows.length,
    table: {
      title: t("closeReport.title", { month }),
      company: ctx.orgName,
      period: t("export.periodRange", { from: first, to: last }),
      // The export centre lists an export by its filters: this one is the month.
      filters: [{ label: t("workspace.month"), value: month }],
      generatedBy: ctx.requestedBy,
      generatedAt: ctx.requestedAt,
      timeZone: ctx.timeZone,
      columns,
      rows,
    },
  };
}

const when = (ctx: ExportContext, date: Date) => formatLocalDateTime(date, ctx.timeZone);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function statusRows(ctx: ExportContext, report: CloseReport): ExportRow[] {
  const { t } = ctx;
  const section = t("exportSources.monthClose.sections.status");
  const rows: ExportRow[] = [{ section, item: t("closeReport.status"), note: t(`workspace.periodStatus.${report.status}`) }];
  // As the page says it: a submission still counts while the month is submitted or locked, a
  // reopening while it is open again.
  if (report.submitted && report.status !== "OPEN") rows.push({ section, item: t("exportSources.monthClose.submitted"), note: t("exportSources.byAt", { who: report.submitted.by, when: when(ctx, report.submitted.at) }) });
  else if (!report.submitted) rows.push({ section, item: t("exportSources.monthClose.submitted"), note: t("closeReport.notYet") });
  if (report.locked) rows.push({ section, item: t("exportSources.monthClose.locked"), note: t("exportSources.byAt", { who: report.locked.by, when: when(ctx, report.locked.at) }) });
  if (report.reopened && report.status === "OPEN") {
    rows.push({ section, item: t("exportSources.monthClose.reopened"), note: `${t("exportSources.byAt", { who: report.reopened.by, when: when(ctx, report.reopened.at) })}（${report.reopened.reason}）` });
  }
  return rows;
}

function summaryRows(ctx: ExportContext, report: CloseReport): ExportRow[] {
  const { t } = ctx;
  const section = t("closeReport.summary");
  return report.summary.flatMap((row) => {
    const list = t(`closeReport.lists.${row.list}`);
    const item = (key: string) => `${list} · ${t(`exportSources.monthClose.${key}`)}`;
    return [
      { section, item: item("all"), count: row.rows, amount: row.amountMinor },
      // Rows with nothing left and not marked; the amount is every part of the month's rows that a
      // match took, partly matched rows included (so 已匹配 + 未达 + 不参与对账 = 本月).
      { section, item: item("matched"), count: row.rows - row.openRows - row.excludedRows, amount: row.amountMinor - row.openMinor - row.excludedMinor, note: t("exportSources.monthClose.matchedNote") },
      { section, item: item("open"), count: row.openRows, amount: row.openMinor, note: t("exportSources.monthClose.openNote") },
      { section, item: item("excluded"), count: row.excludedRows, amount: row.excludedMinor },
    ];
  });
}

function adjustmentRows(ctx: ExportContext, adjustments: Awaited<ReturnType<typeof monthAdjustments>>): ExportRow[] {
  const { t } = ctx;
  const section = t("exportSources.monthClose.sections.adjustments");
  if (adjustments.length === 0) return [{ section, item: t("exportSources.monthClose.noAdjustments") }];
  return adjustments.map((adjustment) => ({
    section,
    // The labels are written to sit inside a sentence ("fee"); as an item of its own it starts a line.
    item: capitalised(ADJUSTMENT_LABELS[adjustment.type]?.[ctx.locale] ?? adjustment.type),
    count: adjustment.count,
    amount: adjustment.amountMinor,
    note: t("exportSources.monthClose.adjustmentNote"),
  }));
}

function openItemRows(ctx: ExportContext, report: CloseReport): ExportRow[] {
  const { t } = ctx;
  const section = t("closeReport.openItems");
  const snapshot = report.snapshot;
  if (!snapshot) return [{ section, item: t("closeReport.noSnapshot") }];
  const facts = snapshot.facts;
  const rows: ExportRow[] = [
    {
      section,
      item: t(`closeReport.step${snapshot.step}`),
      note: `${t("closeReport.openItemsAt", { step: t(`closeReport.step${snapshot.step}`), when: when(ctx, snapshot.at), name: snapshot.by })}${snapshot.confirmedOpenItems ? ` · ${t("closeReport.confirmedOpen")}` : ""}`,
    },
    {
      section,
      item: t("exportSources.monthClose.openAtSnapshot"),
      count: facts.openRows,
      amount: facts.groups.reduce((sum, group) => sum + group.remainingMinor, 0n),
      note: `${t("closeReport.openSummary", { rows: facts.openRows, proposals: facts.openProposals, excluded: facts.excludedRows })}${facts.items.length < facts.openRows ? ` ${t("closeReport.truncated", { shown: facts.items.length, total: facts.openRows })}` : ""}`,
    },
  ];
  for (const group of facts.groups) {
    rows.push({ section, item: t("closeReport.openSubtotalRow", { list: t(`closeReport.lists.${group.list}`), owner: group.owner, count: group.count }), count: group.count, amount: group.remainingMinor });
  }
  for (const item of facts.items) {
    rows.push({
      section,
      item: `${t(`closeReport.lists.${item.list}`)} · ${item.ref ?? item.detail ?? t("workspace.noReference")}`,
      amount: item.remainingMinor,
      note: [item.day, item.owner, item.detail].filter(Boolean).join(" · "),
    });
  }
  return rows;
}

function excludedRows(ctx: ExportContext, excluded: Awaited<ReturnType<typeof listExcludedRows>>): ExportRow[] {
  const { t } = ctx;
  const section = t("closeReport.excludedTitle");
  if (excluded.total === 0) return [{ section, item: t("closeReport.noExcluded") }];
  const rows: ExportRow[] = [{ section, item: t("exclusions.totalRow", { count: excluded.total }), count: excluded.total, amount: excluded.amountMinor }];
  if (excluded.rows.length < excluded.total) rows.push({ section, item: t("closeReport.truncated", { shown: excluded.rows.length, total: excluded.total }) });
  for (const row of excluded.rows) {
    rows.push({
      section,
      item: `${t(`exclusions.sides.${row.side}`)} · ${row.ref ?? row.detail ?? t("workspace.noReference")}`,
      amount: row.amountMinor,
      note: [row.day, row.owner, t(`exclusions.reasons.${row.reason}`), row.note, t("exportSources.byAt", { who: row.createdBy, when: when(ctx, row.createdAt) })].filter(Boolean).join(" · "),
    });
  }
  return rows;
}
