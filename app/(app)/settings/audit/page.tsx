import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { describeChanges } from "@/lib/audit/describe-changes";
import { auditFilterSchema, listAuditLog } from "@/lib/audit/list-audit-log";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

const ACTION_PREFIXES = ["org", "store", "account", "member", "invitation", "import", "mapping", "match", "period", "note"] as const;
/** Matching rules keep their audit labels in their own namespace (matchingRules.audit). */
const RULES_PREFIX = "reconcileRules";

const INPUT = "rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1 ring-slate-300";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext("audit.read");
  const filter = auditFilterSchema.parse(await searchParams);
  const [t, format, result] = await Promise.all([getTranslations(), getFormatter(), listAuditLog(db, ctx.orgId, filter)]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filter, page })) if (value) query.set(key, String(value));
    return `/settings/audit?${query.toString()}`;
  };
  const rulesKey = (action: string) => `matchingRules.audit.${action.slice(RULES_PREFIX.length + 1)}`;
  const actionLabel = (action: string) => {
    if (t.has(`audit.actions.${action}`)) return t(`audit.actions.${action}`);
    if (action.startsWith(`${RULES_PREFIX}.`) && t.has(rulesKey(action))) return t(rulesKey(action));
    return action;
  };
  const fieldLabel = (action: string, field: string) => {
    if (action.startsWith(`${RULES_PREFIX}.`) && t.has(`matchingRules.audit.fields.${field}`)) return t(`matchingRules.audit.fields.${field}`);
    return t.has(`audit.fields.${field}`) ? t(`audit.fields.${field}`) : field;
  };

  return (
    <div>
      <PageHeader title={t("audit.title")} intro={t("audit.intro")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <label className="text-sm">
          <span className="mb-1 block text-xs text-slate-600">{t("audit.filterAction")}</span>
          <select name="action" defaultValue={filter.action ?? ""} className={INPUT}>
            <option value="">{t("audit.all")}</option>
            {ACTION_PREFIXES.map((prefix) => (
              <option key={prefix} value={`${prefix}.`}>
                {t(`audit.kinds.${prefix}`)}
              </option>
            ))}
            <option value={`${RULES_PREFIX}.`}>{t("matchingRules.audit.kind")}</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-xs text-slate-600">{t("audit.filterActor")}</span>
          <input name="actor" defaultValue={filter.actor ?? ""} className={INPUT} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-xs text-slate-600">{t("audit.from")}</span>
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={INPUT} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-xs text-slate-600">{t("audit.to")}</span>
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={INPUT} />
        </label>
        <button type="submit" className={buttonClass("primary")}>
          {t("common.filter")}
        </button>
        <Link href="/settings/audit" className={buttonClass("ghost")}>
          {t("common.reset")}
        </Link>
      </form>

      {result.entries.length === 0 ? (
        <EmptyState>{t("audit.empty")}</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("audit.time")}</Th>
              <Th>{t("audit.actor")}</Th>
              <Th>{t("audit.action")}</Th>
              <Th>{t("audit.changes")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="audit-table">
            {result.entries.map((entry) => (
              <tr key={entry.id.toString()}>
                <Td className="num whitespace-nowrap">
                  {format.dateTime(entry.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                </Td>
                <Td>{entry.actorEmail ?? "—"}</Td>
                <Td className="whitespace-nowrap">{actionLabel(entry.action)}</Td>
                <Td>
                  <ul className="space-y-0.5 text-xs">
                    {describeChanges(entry.before, entry.after).map((change) => (
                      <li key={change.field}>
                        <span className="font-medium text-slate-600">{fieldLabel(entry.action, change.field)}</span>:{" "}
                        {change.before ? <span className="text-red-700 line-through">{change.before}</span> : null}
                        {change.before && change.after ? " → " : null}
                        {change.after ? <span className="text-emerald-700">{change.after}</span> : null}
                      </li>
                    ))}
                  </ul>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="mt-4 flex items-center justify-between text-sm text-slate-600">
        <span>{t("common.pageOf", { page: result.page, pages, total: result.total })}</span>
        <span className="flex gap-2">
          {result.page > 1 ? (
            <Link href={pageHref(result.page - 1)} className={buttonClass("secondary")}>
              {t("common.previous")}
            </Link>
          ) : null}
          {result.page < pages ? (
            <Link href={pageHref(result.page + 1)} className={buttonClass("secondary")}>
              {t("common.next")}
            </Link>
          ) : null}
        </span>
      </div>
    </div>
  );
}
