// 待确认建议, 待审批 and 已匹配: the groups the list's filters keep, every page, in the list's order,
// one row per group with its rows (by side) and its adjustments written out, and the list's 合计
// (count, rows, amount, difference) as the totals the file must reach.
import type { MatchStatus } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportColumn, ExportRow } from "@/lib/export";
import { groupReasonLine, MATCH_RULES } from "@/lib/match-engine";
import { loadFilterOwners } from "@/lib/match-review/filter-options";
import { groupFilterProblems, hasProblems } from "@/lib/match-review/filter-problems";
import { exportedGroupOf, exportedGroupsSql, groupFilterSchema, groupSums, type ExportedGroupRow } from "@/lib/match-review/list-groups";
import { peopleNames } from "@/lib/match-review/workspace-summary";
import { formatMinor } from "@/lib/money";
import { localDateTimeFormatter } from "@/lib/shared/local-time";
import { cursorRows } from "./cursor-rows";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";
import { filterLabels } from "./filter-labels";

const TITLES = { proposals: "workspace.tabs.proposals", approvals: "workspace.tabs.approvals", matched: "workspace.tabs.matched" } as const;
type GroupListId = keyof typeof TITLES;
const STATUSES: Record<GroupListId, MatchStatus[]> = { proposals: ["PROPOSED"], approvals: ["PENDING_APPROVAL"], matched: ["CONFIRMED"] };

export function groupListSource(id: GroupListId): ExportSource {
  return { permission: "org.read", describe: (tx, ctx, params) => describeGroupList(tx, ctx, params, id) };
}

async function describeGroupList(tx: Tx, ctx: ExportContext, params: ExportParams, id: GroupListId) {
  const { t } = ctx;
  const owners = await loadFilterOwners(tx, ctx.orgId);
  // The page shows no rows for a filter it cannot honour; the export refuses it the same way.
  const problems = groupFilterProblems(params, {
    stores: new Set(owners.stores.map((store) => store.id)),
    accounts: new Set(owners.accounts.map((account) => account.id)),
    rules: new Set<string>([...MATCH_RULES, "MANUAL"]),
  });
  if (hasProblems(problems)) throw new AppError("INVALID", { messageKey: "exportFilterRefused" });
  const filter = groupFilterSchema.parse(params);
  const sums = await groupSums(tx, ctx.orgId, STATUSES[id], filter);
  const ruleLabel = (rule: string) => (t.has(`workspace.rules.${rule}`) ? t(`workspace.rules.${rule}`) : rule);
  const nameOf = (list: { id: string; name: string }[], chosen: string | undefined) => list.find((entry) => entry.id === chosen)?.name;
  const columns: ExportColumn[] = [
    { key: "day", label: t("workspace.groupColumns.day"), type: "date" },
    { key: "owner", label: t("workspace.groupColumns.owner"), type: "text" },
    { key: "rule", label: t("workspace.groupColumns.rule"), type: "text" },
    { key: "confidence", label: t("workspace.groupColumns.confidence"), type: "integer" },
    { key: "rows", label: t("workspace.groupColumns.rows"), type: "integer", total: true },
    { key: "amount", label: t("workspace.groupColumns.amount"), type: "money", total: true },
    { key: "difference", label: t("workspace.groupColumns.difference"), type: "money", total: true },
    { key: "reasons", label: t("workspace.groupColumns.reasons"), type: "text" },
    { key: "orders", label: t("workspace.lists.orders"), type: "text" },
    { key: "lines", label: t("workspace.lists.lines"), type: "text" },
    { key: "bank", label: t("workspace.lists.bank"), type: "text" },
    { key: "note", label: t("workspace.columns.note"), type: "text" },
    { key: "maker", label: t("workspace.columns.maker"), type: "text" },
    // In the workbook only: on A4 its width is worth more to the order numbers beside it.
    { key: "createdAt", label: t("export.createdAt"), type: "date", withTime: true, pdf: false },
  ];
  const localTime = localDateTimeFormatter(ctx.timeZone);
  const money = (minor: bigint) => formatMinor(minor, "CNY", ctx.locale);
  const toRow = (found: ExportedGroupRow, people: Record<string, string>): ExportRow => {
    const group = exportedGroupOf(found);
    const refs = (side: string) => group.rows.filter((row) => row.side === side).map((row) => `${row.ref ?? t("workspace.noReference")} ${money(row.amountMinor < 0n ? -row.amountMinor : row.amountMinor)}`).join("；");
    return {
      day: found.day,
      owner: found.owner_mixed ? t("workspace.severalOwners") : found.owner_name,
      rule: ruleLabel(group.rule),
      confidence: group.confidence,
      rows: found.rows,
      amount: found.amount,
      difference: found.difference,
      reasons: groupReasonLine(group.reasons, group.adjustments, ctx.locale, money),
      orders: refs("order"),
      lines: refs("settlement"),
      bank: refs("bank"),
      note: group.note,
      maker: group.createdById ? (people[group.createdById] ?? "") : "",
      createdAt: localTime(group.createdAt),
    };
  };
  // Each group comes with its items and adjustments in the cursor's own statement: one query for
  // the whole list instead of describeGroups' four per batch (a 1M-group export: see README, Benchmark).
  const exported = exportedGroupsSql(ctx.orgId, STATUSES[id], filter);
  async function* rows(): AsyncGenerator<ExportRow> {
    for await (const batch of cursorRows<ExportedGroupRow>(tx, exported.sql, exported.params)) {
      const people = await peopleNames(tx, batch.map((row) => row.createdById));
      for (const row of batch) yield toRow(row, people);
    }
  }
  return {
    rowCount: sums.count,
    table: {
      title: t(TITLES[id]),
      company: ctx.orgName,
      period: filter.from || filter.to ? t("export.periodRange", { from: filter.from ?? "…", to: filter.to ?? "…" }) : undefined,
      filters: filterLabels(t, [
        ["workspace.filters.store", nameOf(owners.stores, filter.store)],
        ["workspace.filters.account", nameOf(owners.accounts, filter.account)],
        ["workspace.filters.rule", filter.rule ? ruleLabel(filter.rule) : undefined],
        ["workspace.filters.minConfidence", filter.minConfidence?.toString()],
        ["workspace.filters.min", filter.min ? money(BigInt(filter.min)) : undefined],
        ["workspace.filters.max", filter.max ? money(BigInt(filter.max)) : undefined],
      ]),
      generatedBy: ctx.requestedBy,
      generatedAt: ctx.requestedAt,
      timeZone: ctx.timeZone,
      columns,
      rows: rows(),
      expectedTotals: { rows: BigInt(sums.rows), amount: sums.amountMinor, difference: sums.differenceMinor },
    },
  };
}

