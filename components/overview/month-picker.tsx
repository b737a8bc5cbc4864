"use client";
// Which month the home page shows: a choice of the months with data, kept in the URL (?month=).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

export function MonthPicker({ months, value }: { months: string[]; value: string }) {
  const t = useTranslations("overview.month");
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      {t("pick")}
      <select
        name="month"
        value={value}
        onChange={(event) => router.push(`/?month=${event.target.value}`)}
        className="num h-8 rounded-md border-0 bg-white px-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
      >
        {months.map((month) => (
          <option key={month} value={month}>
            {month}
          </option>
        ))}
      </select>
    </label>
  );
}
