// Filters for a list of groups, as a GET form: the URL holds them, so a filtered view can be shared,
// reloaded and paged on the server.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { MATCH_RULES } from "@/lib/match-engine";

const INPUT = "rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1 ring-slate-300";

export type FilterOption = { id: string; name: string };

export async function GroupFilters({ path, values, stores, accounts, engineFilters = true }: { path: string; values: Record<string, string | undefined>; stores: FilterOption[]; accounts: FilterOption[]; engineFilters?: boolean }) {
  const t = await getTranslations("workspace");
  const field = (name: string, label: string, input: React.ReactNode) => (
    <label className="text-sm" key={name}>
      <span className="mb-1 block text-xs text-slate-600">{label}</span>
      {input}
    </label>
  );
  return (
    <form method="get" action={path} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      {field(
        "store",
        t("filters.store"),
        <select name="store" defaultValue={values.store ?? ""} className={INPUT}>
          <option value="">{t("filters.all")}</option>
          {stores.map((store) => (
            <option key={store.id} value={store.id}>
              {store.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        "account",
        t("filters.account"),
        <select name="account" defaultValue={values.account ?? ""} className={INPUT}>
          <option value="">{t("filters.all")}</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </select>,
      )}
      {engineFilters
        ? field(
            "rule",
            t("filters.rule"),
            <select name="rule" defaultValue={values.rule ?? ""} className={INPUT}>
              <option value="">{t("filters.all")}</option>
              {[...MATCH_RULES, "MANUAL"].map((rule) => (
                <option key={rule} value={rule}>
                  {t(`rules.${rule}`)}
                </option>
              ))}
            </select>,
          )
        : null}
      {engineFilters ? field("minConfidence", t("filters.minConfidence"), <input name="minConfidence" type="number" min={0} max={100} defaultValue={values.minConfidence ?? ""} className={`${INPUT} w-20`} />) : null}
      {field("min", t("filters.min"), <input name="min" inputMode="decimal" defaultValue={values.min ?? ""} className={`${INPUT} w-28`} />)}
      {field("max", t("filters.max"), <input name="max" inputMode="decimal" defaultValue={values.max ?? ""} className={`${INPUT} w-28`} />)}
      {field("from", t("filters.from"), <input name="from" type="date" defaultValue={values.from ?? ""} className={INPUT} />)}
      {field("to", t("filters.to"), <input name="to" type="date" defaultValue={values.to ?? ""} className={INPUT} />)}
      <button type="submit" className={buttonClass("primary")}>
        {t("filters.apply")}
      </button>
      <Link href={path} className={buttonClass("ghost")}>
        {t("filters.reset")}
      </Link>
    </form>
  );
}
