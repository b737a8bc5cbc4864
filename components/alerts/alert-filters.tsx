// The alert list's filters as a GET form (the URL holds them: shareable, reloadable, paged on the
// server): status (open by default), type, severity, store, account, who handles it, and the
// cause's day. Sorting and rows per page are the table's and are kept.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { ALERT_SEVERITIES, ALERT_STATUSES, ALERT_TYPES } from "@/lib/alerts/alert-types";

const INPUT = "rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1 ring-slate-300";

export type Choice = { value: string; label: string };

export async function AlertFilters({
  values,
  stores,
  accounts,
  members,
  currentUserId,
}: {
  values: Record<string, string | undefined>;
  stores: Choice[];
  accounts: Choice[];
  members: Choice[];
  currentUserId: string;
}) {
  const t = await getTranslations("alerts");
  const field = (name: string, label: string, input: React.ReactNode) => (
    <label className="text-sm" key={name}>
      <span className="mb-1 block text-xs text-slate-600">{label}</span>
      {input}
    </label>
  );
  const select = (name: string, label: string, choices: Choice[], withAll = true) =>
    field(
      name,
      label,
      <select name={name} defaultValue={values[name] ?? ""} className={`${INPUT} max-w-48`} data-testid={`alert-filter-${name}`}>
        {withAll ? <option value="">{t("filters.all")}</option> : null}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>,
    );
  const mine = values.assignee === currentUserId;
  const mineHref = `/analysis/alerts?${new URLSearchParams({ assignee: currentUserId, ...(values.status ? { status: values.status } : {}) }).toString()}`;
  return (
    <form method="get" action="/analysis/alerts" className="mb-4 flex flex-wrap items-start gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="alert-filters">
      {select(
        "status",
        t("filters.status"),
        [
          { value: "open", label: t("statusFilters.open") },
          ...ALERT_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })),
          { value: "all", label: t("statusFilters.all") },
        ],
        false,
      )}
      {select(
        "type",
        t("filters.type"),
        ALERT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) })),
      )}
      {select(
        "severity",
        t("filters.severity"),
        ALERT_SEVERITIES.map((severity) => ({ value: severity, label: t(`severities.${severity}`) })),
      )}
      {select("store", t("filters.store"), stores)}
      {select("account", t("filters.account"), accounts)}
      {select("assignee", t("filters.assignee"), [{ value: "none", label: t("filters.nobody") }, ...members])}
      {field("from", t("filters.from"), <input name="from" type="date" defaultValue={values.from ?? ""} className={INPUT} />)}
      {field("to", t("filters.to"), <input name="to" type="date" defaultValue={values.to ?? ""} className={INPUT} />)}
      {["sort", "dir", "size"].map((name) => (values[name] ? <input key={name} type="hidden" name={name} value={values[name]} /> : null))}
      <div className="flex flex-wrap gap-2 self-end">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
        <Link href="/analysis/alerts" className={buttonClass("ghost")}>
          {t("filters.reset")}
        </Link>
        <Link href={mineHref} aria-current={mine ? "true" : undefined} className={buttonClass(mine ? "secondary" : "ghost", mine ? "ring-brand-300 text-brand-700" : "")} data-testid="my-alerts">
          {t("filters.mine")}
        </Link>
      </div>
    </form>
  );
}
