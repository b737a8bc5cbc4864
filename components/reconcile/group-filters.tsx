// Filters for a list of groups, as a GET form: the URL holds them, so a filtered view can be shared,
// reloaded and paged on the server. A value the list cannot honour (min above max, "abc", a day
// that does not exist, a store of another company) carries its reason under the field
// (lib/match-review/filter-problems.ts); archived stores and accounts are not offered.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { MATCH_RULES } from "@/lib/match-engine";
import type { FilterOwner } from "@/lib/match-review/filter-options";
import type { FilterProblems } from "@/lib/match-review/filter-problems";

const INPUT = "rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1";

export async function GroupFilters({
  path,
  values,
  stores,
  accounts,
  engineFilters = true,
  problems = {},
}: {
  path: string;
  values: Record<string, string | undefined>;
  stores: FilterOwner[];
  accounts: FilterOwner[];
  engineFilters?: boolean;
  problems?: FilterProblems;
}) {
  const t = await getTranslations("workspace");
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
            {t(`filterProblems.${problem.key}`, problem.values)}
          </p>
        ) : null}
      </div>
    );
  };
  const ownerLabel = (owner: FilterOwner) => (owner.archived ? `${owner.name}${t("filterProblems.archivedSuffix")}` : owner.name);
  return (
    <form method="get" action={path} className="mb-4 flex flex-wrap items-start gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      {field(
        "store",
        t("filters.store"),
        <select name="store" defaultValue={values.store ?? ""} className={`${INPUT} ${ring("store")}`} {...invalid("store")}>
          <option value="">{t("filters.all")}</option>
          {stores.map((store) => (
            <option key={store.id} value={store.id}>
              {ownerLabel(store)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "account",
        t("filters.account"),
        <select name="account" defaultValue={values.account ?? ""} className={`${INPUT} ${ring("account")}`} {...invalid("account")}>
          <option value="">{t("filters.all")}</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {ownerLabel(account)}
            </option>
          ))}
        </select>,
      )}
      {engineFilters
        ? field(
            "rule",
            t("filters.rule"),
            <select name="rule" defaultValue={values.rule ?? ""} className={`${INPUT} ${ring("rule")}`} {...invalid("rule")}>
              <option value="">{t("filters.all")}</option>
              {[...MATCH_RULES, "MANUAL"].map((rule) => (
                <option key={rule} value={rule}>
                  {t(`rules.${rule}`)}
                </option>
              ))}
            </select>,
          )
        : null}
      {engineFilters
        ? field("minConfidence", t("filters.minConfidence"), <input name="minConfidence" inputMode="numeric" defaultValue={values.minConfidence ?? ""} className={`${INPUT} ${ring("minConfidence")} w-20`} {...invalid("minConfidence")} />)
        : null}
      {field("min", t("filters.min"), <input name="min" inputMode="decimal" defaultValue={values.min ?? ""} className={`${INPUT} ${ring("min")} w-28`} {...invalid("min")} />)}
      {field("max", t("filters.max"), <input name="max" inputMode="decimal" defaultValue={values.max ?? ""} className={`${INPUT} ${ring("max")} w-28`} {...invalid("max")} />)}
      {field("from", t("filters.from"), <input name="from" type="date" defaultValue={values.from ?? ""} className={`${INPUT} ${ring("from")}`} {...invalid("from")} />)}
      {field("to", t("filters.to"), <input name="to" type="date" defaultValue={values.to ?? ""} className={`${INPUT} ${ring("to")}`} {...invalid("to")} />)}
      {/* Problems of values the URL carries but this form has no field for (the page, or the
          engine's filters on the approvals list), so none is refused without a word. */}
      {(engineFilters ? ["page"] : ["page", "rule", "minConfidence"]).map((name) => {
        const problem = problems[name];
        return problem ? (
          <p key={name} className="basis-full text-xs text-red-600" data-testid={`filter-${name}-error`}>
            {t(`filterProblems.${problem.key}`, problem.values)}
          </p>
        ) : null;
      })}
      <div className="flex gap-2 self-end">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
        <Link href={path} className={buttonClass("ghost")}>
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
