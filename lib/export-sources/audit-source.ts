// 操作日志: every entry the audit page's filters keep, newest first, as the page shows them — the
// time in the company's clock, who, what kind, the same one-sentence description, what it is
// about, and the field-by-field before → after of the row's detail. The page's own `where`
// (auditWhere) selects the entries, read in (createdAt, id) batches: the log can be large.
//
// Params: the page's filters (action, actor, target, from, to).
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportColumn, ExportRow } from "@/lib/export";
import { parseAuditFilter, SYSTEM_ACTOR } from "@/lib/audit/audit-filter";
import { toAuditRows } from "@/lib/audit/audit-rows";
import { auditKindLabel } from "@/lib/audit/audit-sentences";
import { auditWhere, listAuditActors } from "@/lib/audit/list-audit-log";
import { loadAuditLookups } from "@/lib/audit/load-audit-lookups";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";
import { filterLabels } from "./filter-labels";
import { keysetBatches, type OlderThan } from "./keyset-batches";

export const auditSource: ExportSource = { permission: "audit.read", describe: describeAudit };

async function describeAudit(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const { t } = ctx;
  const { filter, problems } = parseAuditFilter(params);
  // The page runs no query for a refused filter; the export refuses it the same way.
  if (problems.length > 0) throw new AppError("INVALID", { messageKey: "exportFilterRefused" });
  const where = auditWhere(ctx.orgId, filter, ctx.timeZone);
  const count = await tx.auditLog.count({ where });
  const columns: ExportColumn[] = [
    { key: "time", label: t("audit.time"), type: "date", withTime: true },
    { key: "actor", label: t("audit.actor"), type: "text" },
    { key: "sentence", label: t("audit.sentence"), type: "text" },
    { key: "entity", label: t("audit.entity"), type: "text" },
    { key: "changes", label: t("audit.detail"), type: "text" },
    { key: "kind", label: t("audit.kind"), type: "text" },
  ];
  async function* rows(): AsyncGenerator<ExportRow> {
    const pages = keysetBatches((after: OlderThan<bigint>, take: number) => tx.auditLog.findMany({ where: { AND: [where, after] }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take }));
    for await (const entries of pages) {
      const lookups = await loadAuditLookups(tx, ctx.orgId, entries);
      const views = toAuditRows(entries, lookups, t, ctx.locale, ctx.timeZone);
      for (const [index, view] of views.entries()) {
        const entry = entries[index]!;
        yield {
          time: view.time,
          actor: view.actorEmail && view.actorName !== view.actorEmail ? `${view.actorName} <${view.actorEmail}>` : view.actorName,
          sentence: view.sentence,
          entity: entry.target ?? [entry.entityType, entry.entityId].filter(Boolean).join(" "),
          changes: view.changes.map((change) => `${change.label}：${change.before} → ${change.after}`).join("；"),
          kind: view.kind,
        };
      }
    }
  }
  return {
    rowCount: count,
    table: {
      title: t("audit.title"),
      company: ctx.orgName,
      period: filter.from || filter.to ? t("export.periodRange", { from: filter.from ?? "…", to: filter.to ?? "…" }) : undefined,
      filters: filterLabels(t, [
        ["audit.filterAction", filter.action ? actionLabel(filter.action, t) : undefined],
        ["audit.filterActor", filter.actor ? await actorName(tx, ctx, filter.actor) : undefined],
        ["audit.filterTarget", filter.target],
      ]),
      generatedBy: ctx.requestedBy,
      generatedAt: ctx.requestedAt,
      timeZone: ctx.timeZone,
      columns,
      rows: rows(),
    },
  };
}

/** "修改店铺", or "全部店铺" for a whole area ("store."), as the filter's choices read. */
function actionLabel(action: string, t: ExportContext["t"]): string {
  if (!action.endsWith(".")) return auditKindLabel(action, t);
  const area = action.slice(0, -1);
  return t("audit.allOfArea", { area: t.has(`audit.kinds.${area}`) ? t(`audit.kinds.${area}`) : area });
}

/** The person the "who" filter names, as its choices (listAuditActors: this company's log only) show them, or 系统. */
async function actorName(tx: Tx, ctx: ExportContext, actor: string): Promise<string> {
  if (actor === SYSTEM_ACTOR) return ctx.t("audit.system");
  const person = (await listAuditActors(tx, ctx.orgId)).people.find((entry) => entry.id === actor);
  return person ? ctx.t("audit.personOption", { name: person.name, email: person.email }) : actor;
}
