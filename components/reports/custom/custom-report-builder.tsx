"use client";
// The custom report builder (自定义报表): pick the data, dimensions, measures, period, filters, sort
// and row cap. Every change goes into the URL (?spec=…), so the server page runs the report at once
// and the result can be linked and exported; saving stores the same spec under a name.
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/reconcile/call-action";
import { createSavedReportAction, updateSavedReportAction } from "@/lib/actions/reports/custom-reports";
import type { BuilderCatalog, ReportSource } from "@/lib/reports/custom/catalog";
import { encodeReportSpec, MAX_DIMENSIONS, MAX_FILTER_VALUES, MAX_MEASURES, MAX_REPORT_GROUPS, type ReportSpec } from "@/lib/reports/custom/report-spec";

type Option = { id: string; name: string };
/** The saved report being edited, when the builder shows one. */
type Editing = { id: string; name: string; shared: boolean; editable: boolean };

const INPUT = "rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

export function CustomReportBuilder({
  catalog,
  spec: initial,
  stores,
  accounts,
  canSave,
  editing,
}: {
  catalog: BuilderCatalog;
  spec: ReportSpec;
  stores: Option[];
  accounts: Option[];
  canSave: boolean;
  editing?: Editing;
}) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const [spec, setSpec] = useState<ReportSpec>(initial);
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState(editing?.name ?? "");
  const [shared, setShared] = useState(editing?.shared ?? false);
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string }>();
  const source = catalog[spec.source];

  const apply = (next: ReportSpec) => {
    setSpec(next);
    setMessage(undefined);
    startTransition(() => router.replace(`${pathname}?spec=${encodeReportSpec(next)}`, { scroll: false }));
  };
  const toggle = (list: string[], id: string, max: number) => (list.includes(id) ? list.filter((item) => item !== id) : list.length < max ? [...list, id] : list);
  const keepSort = (next: ReportSpec): ReportSpec => {
    const { sort, ...rest } = next;
    return sort && (next.dimensions.includes(sort.by) || next.measures.includes(sort.by)) ? next : rest;
  };

  const changeSource = (value: ReportSource) => {
    const next = catalog[value];
    const dimension = next.dimensions.find((d) => d.id === "month") ?? next.dimensions[0];
    apply({ version: 1, source: value, dimensions: dimension ? [dimension.id] : [], measures: next.measures.slice(0, 2).map((m) => m.id), filters: { values: {}, from: spec.filters.from, to: spec.filters.to }, limit: spec.limit });
  };
  const setFilterValues = (id: string, values: string[]) => {
    const rest = Object.fromEntries(Object.entries(spec.filters.values).filter(([key]) => key !== id));
    apply({ ...spec, filters: { ...spec.filters, values: values.length ? { ...rest, [id]: values } : rest } });
  };
  const setPeriod = (field: "from" | "to", value: string) => {
    const filters = { ...spec.filters };
    if (value) filters[field] = value;
    else delete filters[field];
    apply({ ...spec, filters });
  };

  const save = async (asNew: boolean) => {
    const fields = { name, shared: shared ? "on" : "", spec: JSON.stringify(spec) };
    const state = asNew || !editing ? await callAction(createSavedReportAction, fields) : await callAction(updateSavedReportAction, { ...fields, id: editing.id });
    if (state.status === "ok") {
      setMessage({ tone: "ok", text: t("reports.custom.builder.saved") });
      router.push(`/reports/custom/${state.data.id}`);
    } else if (state.status === "error") setMessage({ tone: "error", text: state.fieldErrors.name ?? state.message });
  };

  const dimensionLabel = (id: string) => t(`reports.custom.dimensions.${id}` as never);
  const measureLabel = (id: string) => t(`reports.custom.measures.${id}` as never);
  const optionsOf = (dimension: BuilderCatalog[ReportSource]["dimensions"][number]): Option[] | undefined => {
    if (dimension.options === "stores") return stores;
    if (dimension.options === "accounts") return accounts;
    return dimension.values?.map((value) => ({ id: value, name: dimension.codes ? t(`${dimension.codes}.${value}` as never) : value }));
  };

  return (
    <div className="space-y-4 text-sm" data-testid="custom-report-builder" aria-busy={pending}>
      <label className="block space-y-1">
        <span className="font-medium text-slate-700">{t("reports.custom.builder.source")}</span>
        <select name="source" value={spec.source} onChange={(event) => changeSource(event.target.value as ReportSource)} className={`${INPUT} w-full`}>
          {(Object.keys(catalog) as ReportSource[]).map((id) => (
            <option key={id} value={id}>
              {t(`reports.custom.sources.${id}` as never)}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="space-y-1">
        <legend className="font-medium text-slate-700">{t("reports.custom.builder.dimensions", { max: MAX_DIMENSIONS })}</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {source.dimensions.map((dimension) => (
            <label key={dimension.id} className="inline-flex items-center gap-1.5">
              <input
                type="checkbox"
                name="dimension"
                value={dimension.id}
                checked={spec.dimensions.includes(dimension.id)}
                onChange={() => apply(keepSort({ ...spec, dimensions: toggle(spec.dimensions, dimension.id, MAX_DIMENSIONS) }))}
              />
              {dimensionLabel(dimension.id)}
              {spec.dimensions.includes(dimension.id) && spec.dimensions.length > 1 ? <span className="text-xs text-slate-400">{spec.dimensions.indexOf(dimension.id) + 1}</span> : null}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-1">
        <legend className="font-medium text-slate-700">{t("reports.custom.builder.measures")}</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {source.measures.map((measure) => (
            <label key={measure.id} className="inline-flex items-center gap-1.5">
              <input
                type="checkbox"
                name="measure"
                value={measure.id}
                checked={spec.measures.includes(measure.id)}
                // The last measure stays: a report shows at least one figure.
                disabled={spec.measures.length === 1 && spec.measures.includes(measure.id)}
                onChange={() => apply(keepSort({ ...spec, measures: toggle(spec.measures, measure.id, MAX_MEASURES) }))}
              />
              {measureLabel(measure.id)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="flex flex-wrap items-end gap-2">
        <legend className="mb-1 font-medium text-slate-700">{t("reports.custom.builder.period")}</legend>
        <input type="date" name="from" aria-label={t("reports.custom.builder.from")} value={spec.filters.from ?? ""} onChange={(event) => setPeriod("from", event.target.value)} className={INPUT} />
        <span className="pb-1.5 text-slate-400">–</span>
        <input type="date" name="to" aria-label={t("reports.custom.builder.to")} value={spec.filters.to ?? ""} onChange={(event) => setPeriod("to", event.target.value)} className={INPUT} />
      </fieldset>

      <fieldset className="space-y-1">
        <legend className="font-medium text-slate-700">{t("reports.custom.builder.filters")}</legend>
        {source.dimensions.map((dimension) => {
          const options = optionsOf(dimension);
          const chosen = spec.filters.values[dimension.id] ?? [];
          // Free values (a month, an order status as the export wrote it): typed, comma-separated.
          if (!options?.length)
            return (
              <details key={dimension.id} className="rounded-md px-2 py-1 ring-1 ring-slate-200" open={chosen.length > 0}>
                <summary className="cursor-pointer text-slate-700">
                  {dimensionLabel(dimension.id)}
                  {chosen.length ? <span className="ml-1 text-xs text-brand-700">{t("reports.custom.builder.chosen", { count: chosen.length })}</span> : null}
                </summary>
                <input
                  name={`filter-${dimension.id}`}
                  aria-label={t("reports.custom.builder.typedValues", { dimension: dimensionLabel(dimension.id) })}
                  placeholder={t("reports.custom.builder.typedHint")}
                  defaultValue={chosen.join(", ")}
                  key={chosen.join("\u0000")}
                  onBlur={(event) => {
                    const values = [...new Set(event.target.value.split(/[,，]/).map((value) => value.trim()).filter(Boolean))].slice(0, MAX_FILTER_VALUES);
                    if (values.join("\u0000") !== chosen.join("\u0000")) setFilterValues(dimension.id, values);
                  }}
                  onKeyDown={(event) => {
                    if (event.key === "Enter") event.currentTarget.blur();
                  }}
                  className={`${INPUT} mt-1 w-full`}
                />
              </details>
            );
          return (
            <details key={dimension.id} className="rounded-md px-2 py-1 ring-1 ring-slate-200" open={chosen.length > 0}>
              <summary className="cursor-pointer text-slate-700">
                {dimensionLabel(dimension.id)}
                {chosen.length ? <span className="ml-1 text-xs text-brand-700">{t("reports.custom.builder.chosen", { count: chosen.length })}</span> : null}
              </summary>
              <div className="mt-1 flex max-h-40 flex-wrap gap-x-3 gap-y-1 overflow-y-auto">
                {options.map((option) => (
                  <label key={option.id} className="inline-flex items-center gap-1.5">
                    <input
                      type="checkbox"
                      name={`filter-${dimension.id}`}
                      value={option.id}
                      checked={chosen.includes(option.id)}
                      onChange={() => setFilterValues(dimension.id, chosen.includes(option.id) ? chosen.filter((value) => value !== option.id) : [...chosen, option.id])}
                    />
                    {option.name}
                  </label>
                ))}
              </div>
            </details>
          );
        })}
      </fieldset>

      <div className="flex flex-wrap items-end gap-2">
        <label className="space-y-1">
          <span className="block font-medium text-slate-700">{t("reports.custom.builder.sort")}</span>
          <select
            name="sortBy"
            value={spec.sort?.by ?? ""}
            onChange={(event) => {
              const { sort: _sort, ...rest } = spec;
              apply(event.target.value ? { ...rest, sort: { by: event.target.value, dir: spec.sort?.dir ?? "desc" } } : rest);
            }}
            className={INPUT}
          >
            <option value="">{t("reports.custom.builder.sortDefault")}</option>
            {spec.dimensions.map((id) => (
              <option key={id} value={id}>
                {dimensionLabel(id)}
              </option>
            ))}
            {spec.measures.map((id) => (
              <option key={id} value={id}>
                {measureLabel(id)}
              </option>
            ))}
          </select>
        </label>
        {spec.sort ? (
          <select name="sortDir" aria-label={t("reports.custom.builder.sortDir")} value={spec.sort.dir} onChange={(event) => apply({ ...spec, sort: { by: spec.sort!.by, dir: event.target.value === "asc" ? "asc" : "desc" } })} className={INPUT}>
            <option value="desc">{t("reports.custom.builder.desc")}</option>
            <option value="asc">{t("reports.custom.builder.asc")}</option>
          </select>
        ) : null}
        <label className="space-y-1">
          <span className="block font-medium text-slate-700">{t("reports.custom.builder.limit")}</span>
          <input
            type="number"
            name="limit"
            min={1}
            max={MAX_REPORT_GROUPS}
            defaultValue={spec.limit}
            key={spec.limit}
            onBlur={(event) => {
              const limit = Math.min(MAX_REPORT_GROUPS, Math.max(1, Math.trunc(Number(event.target.value)) || MAX_REPORT_GROUPS));
              if (limit !== spec.limit) apply({ ...spec, limit });
            }}
            className={`${INPUT} w-24`}
          />
        </label>
      </div>

      {canSave ? (
        <div className="space-y-2 border-t border-slate-100 pt-3">
          <label className="block space-y-1">
            <span className="font-medium text-slate-700">{t("reports.custom.builder.name")}</span>
            <input name="name" value={name} maxLength={100} onChange={(event) => setName(event.target.value)} className={`${INPUT} w-full`} />
          </label>
          <label className="inline-flex items-center gap-1.5">
            <input type="checkbox" name="shared" checked={shared} onChange={(event) => setShared(event.target.checked)} />
            {t("reports.custom.builder.shared")}
          </label>
          <div className="flex flex-wrap gap-2">
            {editing?.editable ? (
              <Button type="button" onClick={() => save(false)} disabled={!name.trim()}>
                {t("reports.custom.builder.saveChanges")}
              </Button>
            ) : null}
            <Button type="button" variant={editing?.editable ? "secondary" : "primary"} onClick={() => save(true)} disabled={!name.trim()}>
              {editing ? t("reports.custom.builder.saveAsNew") : t("reports.custom.builder.save")}
            </Button>
          </div>
          {message ? (
            <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-red-700" : "text-emerald-700"}>
              {message.text}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
