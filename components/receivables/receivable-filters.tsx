// The order list's filters as a GET form (the URL holds them: shareable, reloadable, paged on the
// server): store, platform, status, bucket, outstanding range, order-date range, owner (or nobody),
// follow-up state, order number, and the as-of day. A value the list cannot honour (a store of
// another company, a bucket the company no longer has) says why under its field
// (lib/match-review/filter-problems.ts) and the list shows no rows for it.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { FilterOwner } from "@/lib/match-review/filter-options";
import type { FilterProblems } from "@/lib/match-review/filter-problems";
import { FOLLOW_UP_STATES } from "@/lib/receivables/follow-up-states";
import { RECEIVABLE_STATUSES } from "@/lib/receivables/receivable-status";
import { ordersHref } from "./receivable-links";

const INPUT = "rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1";
const PLATFORMS = ["TMALL", "TAOBAO", "JD", "PDD", "DOUYIN", "SHOPIFY", "AMAZON", "OTHER"] as const;

export type Choice = { value: string; label: string };

export async function ReceivableFilters({
  values,
  stores,
  buckets,
  members,
  asOf,
  currentUserId,
  problems,
}: {
  values: Record<string, string | undefined>;
  stores: FilterOwner[];
  buckets: Choice[];
  members: Choice[];
  asOf: string;
  currentUserId: string;
  problems: FilterProblems;
}) {
  const [t, tw, tp] = await Promise.all([getTranslations("receivables"), getTranslations("workspace"), getTranslations("platforms")]);
  const ring = (name: string) => (problems[name] ? "ring-red-400" : "ring-slate-300");
  const invalid = (name: string) => (problems[name] ? { "aria-invalid": true, "aria-describedby": `filter-${name}-error` } : {});
  const field = (name: string, label: string, input: React.ReactNode) => {
    const problem = problems[name];
    return (
      <div className="text-sm" key={name}>
        <label>
          <span className="mb-1 block text-xs text-slate-600">{label}</span>
          {input}
        </label>
        {problem ? (
          <p id={`filter-${name}-error`} className="mt-1 max-w-56 text-xs text-red-600" data-testid={`filter-${name}-error`}>
            {tw(`filterProblems.${problem.key}`, problem.values)}
          </p>
        ) : null}
      </div>
    );
  };
  const select = (name: string, label: string, choices: Choice[]) =>
    field(
      name,
      label,
      <select name={name} defaultValue={values[name] ?? ""} className={`${INPUT} ${ring(name)} max-w-48`} {...invalid(name)}>
        <option value="">{t("filters.all")}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>,
    );
  const mine = values.owner === currentUserId;
  return (
    <form method="get" action="/receivables/orders" className="mb-4 flex flex-wrap items-start gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="receivable-filters">
      {select(
        "store",
        t("filters.store"),
        stores.map((store) => ({ value: store.id, label: store.archived ? `${store.name}${tw("filterProblems.archivedSuffix")}` : store.name })),
      )}
      {select(
        "platform",
        t("filters.platform"),
        PLATFORMS.map((platform) => ({ value: platform, label: tp(platform) })),
      )}
      {select(
        "status",
        t("filters.status"),
        RECEIVABLE_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })),
      )}
      {select("bucket", t("filters.bucket"), buckets)}
      {select(
        "due",
        t("filters.due"),
        (["open", "overdue"] as const).map((due) => ({ value: due, label: t(`filters.dueChoices.${due}`) })),
      )}
      {field("min", t("filters.min"), <input name="min" inputMode="decimal" defaultValue={values.min ?? ""} className={`${INPUT} ${ring("min")} w-28`} {...invalid("min")} />)}
      {field("max", t("filters.max"), <input name="max" inputMode="decimal" defaultValue={values.max ?? ""} className={`${INPUT} ${ring("max")} w-28`} {...invalid("max")} />)}
      {field("from", t("filters.from"), <input name="from" type="date" defaultValue={values.from ?? ""} className={`${INPUT} ${ring("from")}`} {...invalid("from")} />)}
      {field("to", t("filters.to"), <input name="to" type="date" defaultValue={values.to ?? ""} className={`${INPUT} ${ring("to")}`} {...invalid("to")} />)}
      {select("owner", t("filters.owner"), [{ value: "none", label: t("filters.noOwner") }, ...members])}
      {select(
        "follow",
        t("filters.follow"),
        FOLLOW_UP_STATES.map((state) => ({ value: state, label: t(`followStates.${state}`) })),
      )}
      {field("nextBy", t("filters.nextBy"), <input name="nextBy" type="date" defaultValue={values.nextBy ?? ""} className={`${INPUT} ${ring("nextBy")}`} {...invalid("nextBy")} />)}
      {field("q", t("filters.q"), <input name="q" type="search" defaultValue={values.q ?? ""} placeholder={t("filters.qPlaceholder")} className={`${INPUT} ${ring("q")} w-44`} {...invalid("q")} />)}
      {field("asOf", t("filters.asOf"), <input name="asOf" type="date" defaultValue={values.asOf ?? asOf} className={`${INPUT} ${ring("asOf")}`} {...invalid("asOf")} />)}
      {/* Sorting and rows per page are the table's; a new filter keeps them and starts at page 1. */}
      {["sort", "dir", "size"].map((name) => (values[name] ? <input key={name} type="hidden" name={name} value={values[name]} /> : null))}
      {problems.page ? (
        <p className="basis-full text-xs text-red-600" data-testid="filter-page-error">
          {tw(`filterProblems.${problems.page.key}`, problems.page.values)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2 self-end">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
        <Link href="/receivables/orders" className={buttonClass("ghost")}>
          {t("filters.reset")}
        </Link>
        <Link href={ordersHref({ owner: currentUserId, asOf: values.asOf })} aria-current={mine ? "true" : undefined} className={buttonClass(mine ? "secondary" : "ghost", mine ? "ring-brand-300 text-brand-700" : "")} data-testid="my-follow-ups">
          {t("filters.mine")}
        </Link>
      </div>
    </form>
  );
}
