// The report's filters as a plain GET form (the URL is the state: a filtered report can be linked,
// reloaded and exported): the period, quick months, and the filters this report offers.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReportFilterField } from "@/lib/reports/standard-report";
import { REPORT_COMPARISONS, REPORT_GROUPINGS } from "@/lib/reports/report-filters";
import { PLATFORMS } from "@/lib/stores/store-schema";

type Option = { id: string; name: string };
type Props = {
  action: string;
  fields: readonly ReportFilterField[];
  values: Record<string, string | undefined>;
  stores: Option[];
  accounts: Option[];
  /** Links to the month before and after the period, when it is one month. */
  months?: { previous: string; next: string };
};

const INPUT = "rounded-md border border-slate-300 px-2 py-1.5";

export async function ReportFilterForm({ action, fields, values, stores, accounts, months }: Props) {
  const t = await getTranslations("reports.filters");
  const tp = await getTranslations("platforms");
  const select = (name: string, label: string, options: { value: string; label: string }[], all = true) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`report-filter-${name}`} className="text-xs text-slate-500">
        {label}
      </label>
      <select id={`report-filter-${name}`} name={name} defaultValue={values[name] ?? ""} className={INPUT}>
        {all ? <option value="">{t("all")}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const day = (name: string, label: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`report-filter-${name}`} className="text-xs text-slate-500">
        {label}
      </label>
      <input id={`report-filter-${name}`} type="date" name={name} defaultValue={values[name] ?? ""} className={INPUT} />
    </div>
  );
  return (
    <form className="flex flex-wrap items-end gap-3 text-sm" action={action} data-testid="report-filters">
      {months ? (
        <Link href={months.previous} className="rounded-md px-2 py-1.5 text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
          {t("previousMonth")}
        </Link>
      ) : null}
      {day("from", t("from"))}
      {day("to", t("to"))}
      {months ? (
        <Link href={months.next} className="rounded-md px-2 py-1.5 text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
          {t("nextMonth")}
        </Link>
      ) : null}
      {fields.includes("store") ? select("store", t("store"), stores.map((store) => ({ value: store.id, label: store.name }))) : null}
      {fields.includes("platform") ? select("platform", t("platform"), PLATFORMS.map((platform) => ({ value: platform, label: tp(platform) }))) : null}
      {fields.includes("account") ? select("account", t("account"), accounts.map((account) => ({ value: account.id, label: account.name }))) : null}
      {fields.includes("by") ? select("by", t("by"), REPORT_GROUPINGS.map((by) => ({ value: by, label: t(`byOptions.${by}`) })), false) : null}
      {fields.includes("compare") ? select("compare", t("compare"), REPORT_COMPARISONS.map((compare) => ({ value: compare, label: t(`compareOptions.${compare}`) })), false) : null}
      {fields.includes("compare") ? day("from2", t("from2")) : null}
      {fields.includes("compare") ? day("to2", t("to2")) : null}
      {values.asOf ? <input type="hidden" name="asOf" value={values.asOf} /> : null}
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
        {t("show")}
      </button>
    </form>
  );
}
