// The audit page's filters as a plain GET form (works before any script loads): who, what kind,
// which days, about what. Problems the server found are shown under their fields, in words, outside
// the label so they describe the field (aria-describedby) without becoming part of its name.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { AuditFilterField, AuditFilterProblem } from "@/lib/audit/audit-filter";
import { SYSTEM_ACTOR, TARGET_MAX } from "@/lib/audit/audit-filter";

const INPUT = "w-full rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1 ring-slate-300";
const INVALID = "ring-2 ring-red-500";

export type AuditKindOption = { area: string; areaLabel: string; kinds: { value: string; label: string }[] };

export async function AuditFilters({
  values,
  problems,
  people,
  hasSystem,
  kinds,
}: {
  /** What the URL asked for, as typed (a refused value is shown again so it can be corrected). */
  values: Record<string, string | undefined>;
  problems: AuditFilterProblem[];
  people: { id: string; name: string; email: string }[];
  hasSystem: boolean;
  kinds: AuditKindOption[];
}) {
  const t = await getTranslations("audit");
  const tc = await getTranslations("common");
  const problemOf = (field: AuditFilterField) => problems.find((problem) => problem.field === field);
  const message = (field: AuditFilterField) => {
    const problem = problemOf(field);
    return problem ? (
      <span id={`audit-${field}-error`} className="mt-1 block text-xs text-red-700" data-testid={`audit-${field}-error`}>
        {t(`filterErrors.${problem.messageKey}`)}
      </span>
    ) : null;
  };
  const aria = (field: AuditFilterField) => (problemOf(field) ? { "aria-invalid": true, "aria-describedby": `audit-${field}-error` } : {});

  return (
    <form method="get" className="mb-4 grid grid-cols-2 items-start gap-3 rounded-lg bg-white p-3 ring-1 ring-slate-200 sm:grid-cols-3 lg:flex lg:flex-wrap lg:items-end" data-testid="audit-filters">
      <div className="text-sm lg:w-44">
        <label className="block">
          <span className="mb-1 block text-xs text-slate-600">{t("filterActor")}</span>
          <select name="actor" defaultValue={values.actor ?? ""} className={`${INPUT} ${problemOf("actor") ? INVALID : ""}`} {...aria("actor")}>
            <option value="">{t("allPeople")}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id} title={person.email}>
                {t("personOption", { name: person.name, email: person.email })}
              </option>
            ))}
            {hasSystem ? (
              <option value={SYSTEM_ACTOR} title={t("systemHint")}>
                {t("system")}
              </option>
            ) : null}
          </select>
        </label>
        {message("actor")}
      </div>
      <div className="text-sm lg:w-48">
        <label className="block">
          <span className="mb-1 block text-xs text-slate-600">{t("filterAction")}</span>
          <select name="action" defaultValue={values.action ?? ""} className={`${INPUT} ${problemOf("action") ? INVALID : ""}`} {...aria("action")}>
            <option value="">{t("all")}</option>
            {kinds.map((group) => (
              <optgroup key={group.area} label={group.areaLabel}>
                <option value={`${group.area}.`}>{t("allOfArea", { area: group.areaLabel })}</option>
                {group.kinds.map((kind) => (
                  <option key={kind.value} value={kind.value}>
                    {kind.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {message("action")}
      </div>
      <div className="text-sm lg:w-40">
        <label className="block">
          <span className="mb-1 block text-xs text-slate-600">{t("from")}</span>
          <input type="date" name="from" defaultValue={values.from ?? ""} className={`${INPUT} ${problemOf("from") ? INVALID : ""}`} {...aria("from")} />
        </label>
        {message("from")}
      </div>
      <div className="text-sm lg:w-40">
        <label className="block">
          <span className="mb-1 block text-xs text-slate-600">{t("to")}</span>
          <input type="date" name="to" defaultValue={values.to ?? ""} className={`${INPUT} ${problemOf("to") ? INVALID : ""}`} {...aria("to")} />
        </label>
        {message("to")}
      </div>
      <div className="col-span-2 text-sm sm:col-span-1 lg:w-64">
        <label className="block">
          <span className="mb-1 block text-xs text-slate-600">{t("filterTarget")}</span>
          <input
            type="search"
            name="target"
            maxLength={TARGET_MAX}
            defaultValue={values.target ?? ""}
            placeholder={t("targetHint")}
            className={`${INPUT} ${problemOf("target") ? INVALID : ""}`}
            {...aria("target")}
          />
        </label>
        {message("target")}
      </div>
      <div className="col-span-2 flex gap-2 sm:col-span-1 lg:pb-0">
        <button type="submit" className={buttonClass("primary")}>
          {tc("filter")}
        </button>
        <Link href="/settings/audit" className={buttonClass("ghost")}>
          {tc("reset")}
        </Link>
      </div>
    </form>
  );
}
