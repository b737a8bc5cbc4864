// Runs a custom report: the spec (report-spec.ts) becomes one grouped SELECT built only from the
// catalog's fixed fragments (catalog.ts). GROUPING SETS add the 合计 row in the same pass, so
// averages and rates of the total come from all rows the filters select, never from the shown
// rows. The company is always `"orgId" = $1`, set here; every value a person chose (dates, filter
// values, the row cap) is a bound parameter. The statement runs under a statement timeout set
// LOCAL to the caller's transaction, and at most `limit` groups come back.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";
import type { ReportColumn, ReportResult, ReportRow } from "@/lib/reports/report-result";
import { AS_OF, CATALOG, dimensionLabel, measureLabel, type CatalogDimension, type CatalogMeasure } from "./catalog";
import { parseReportSpec, type ReportSpec } from "./report-spec";

/** A custom report's statements may run this long (ms) before PostgreSQL cancels them. */
export const CUSTOM_REPORT_TIMEOUT_MS = 10_000;

export type RunCustomReportOptions = {
  /** "YYYY-MM-DD": the day receivables age on; default today in the company's time zone. */
  asOf?: string;
  /** For tests: a shorter statement timeout. */
  timeoutMs?: number;
};

export type CompiledReport = {
  /**
   * One statement: the groups and, as its first row, the 合计 over every row the filters select
   * (GROUPING SETS: one pass over the rows), capped at limit + 1 groups (one more tells that the
   * cap cut rows off). Without dimensions, its one row is both.
   */
  sql: string;
  params: unknown[];
};

/** Whether `spec` reads a fragment that ages receivables (and so needs an as-of day). */
export function needsAsOf(spec: ReportSpec): boolean {
  const source = CATALOG[spec.source];
  const dimensions: Record<string, CatalogDimension> = source.dimensions;
  const measures: Record<string, CatalogMeasure> = source.measures;
  const fragments = [
    ...[...spec.dimensions, ...Object.keys(spec.filters.values)].flatMap((id) => [dimensions[id]!.key, dimensions[id]!.label ?? ""]),
    ...spec.measures.map((id) => measures[id]!.sql),
  ];
  return fragments.some((text) => text.includes(AS_OF));
}

/** The statements of `spec` for company `orgId`; `asOf` ("YYYY-MM-DD") when needsAsOf(spec). */
export function compileCustomReport(spec: ReportSpec, orgId: string, asOf: string | null): CompiledReport {
  const source = CATALOG[spec.source];
  const dimensions: Record<string, CatalogDimension> = source.dimensions;
  const measures: Record<string, CatalogMeasure> = source.measures;
  const params: unknown[] = [orgId];
  const bind = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  let asOfParam = "NULL::date";
  if (needsAsOf(spec)) {
    if (!asOf) throw new Error("compileCustomReport: this report ages receivables and needs an as-of day");
    asOfParam = bind(asOf, "date");
  }
  // Fragments are the catalog's own text; only the as-of placeholder is replaced, by a parameter.
  const fragment = (text: string) => text.replaceAll(AS_OF, asOfParam);

  const where = [`${source.org} = $1::uuid`];
  if (spec.filters.from) where.push(`${source.date} >= ${bind(spec.filters.from, "date")}`);
  if (spec.filters.to) where.push(`${source.date} < ${bind(spec.filters.to, "date")} + 1`);
  for (const [id, values] of Object.entries(spec.filters.values)) where.push(`(${fragment(dimensions[id]!.key)}) = ANY(${bind(values, "text[]")})`);

  const measureList = spec.measures.map((id, index) => `${fragment(measures[id]!.sql)} AS m${index}`);
  const body = `FROM ${source.from} WHERE ${where.join(" AND ")}`;
  if (!spec.dimensions.length) return { sql: `SELECT ${measureList.join(", ")} ${body}`, params };

  const groups = spec.dimensions.map((id) => fragment(dimensions[id]!.group ?? dimensions[id]!.key));
  const select = [
    `GROUPING(${groups.join(", ")}) <> 0 AS is_total`,
    ...spec.dimensions.flatMap((id, index) => {
      const dimension = dimensions[id]!;
      return [`${fragment(dimension.key)} AS d${index}`, ...(dimension.label ? [`min(${fragment(dimension.label)}) AS l${index}`] : [])];
    }),
    ...measureList,
  ];
  const aliasOf = (id: string) => (spec.dimensions.includes(id) ? `d${spec.dimensions.indexOf(id)}` : `m${spec.measures.indexOf(id)}`);
  const order = [
    "is_total DESC",
    ...(spec.sort ? [`${aliasOf(spec.sort.by)} ${spec.sort.dir === "desc" ? "DESC" : "ASC"} NULLS LAST`] : []),
    ...spec.dimensions.map((_, index) => `d${index} ASC NULLS LAST`),
  ];
  const sql = `SELECT ${select.join(", ")} ${body} GROUP BY GROUPING SETS ((${groups.join(", ")}), ()) ORDER BY ${order.join(", ")} LIMIT ${bind(spec.limit + 2, "int")}`;
  return { sql, params };
}

/** The report for company `orgId`: the spec is parsed again here, so no caller can skip the whitelist. */
export async function runCustomReport(tx: Tx, orgId: string, specInput: unknown, options: RunCustomReportOptions = {}): Promise<ReportResult> {
  const spec = parseReportSpec(specInput);
  await assertOwnIds(tx, orgId, spec);
  const asOf = needsAsOf(spec) ? (options.asOf ?? (await companyToday(tx, orgId))) : null;
  const compiled = compileCustomReport(spec, orgId, asOf);
  const timeoutMs = Math.max(1, Math.trunc(options.timeoutMs ?? CUSTOM_REPORT_TIMEOUT_MS));

  const [previous] = await tx.$queryRawUnsafe<{ setting: string }[]>(`SELECT current_setting('statement_timeout') AS setting`);
  await tx.$queryRawUnsafe(`SELECT set_config('statement_timeout', $1, true)`, String(timeoutMs));
  let raw: Record<string, unknown>[];
  try {
    raw = await tx.$queryRawUnsafe<Record<string, unknown>[]>(compiled.sql, ...compiled.params);
  } catch (error) {
    if (isStatementTimeout(error)) throw new AppError("INVALID", { messageKey: "customReportTimeout", params: { seconds: Math.ceil(timeoutMs / 1000) } });
    throw error;
  }
  // The rest of the caller's transaction runs under its own timeout again.
  await tx.$queryRawUnsafe(`SELECT set_config('statement_timeout', $1, true)`, previous?.setting ?? "0");
  // The 合计 row comes first (is_total); without dimensions the one row is the 合计 too.
  const totals = spec.dimensions.length ? raw.find((row) => row.is_total === true) : raw[0];
  return toResult(spec, spec.dimensions.length ? raw.filter((row) => row.is_total !== true) : raw, totals ?? {});
}

function toResult(spec: ReportSpec, raw: Record<string, unknown>[], totalsRaw: Record<string, unknown>): ReportResult {
  const source = CATALOG[spec.source];
  const dimensions: Record<string, CatalogDimension> = source.dimensions;
  const measures: Record<string, CatalogMeasure> = source.measures;
  const currencyKey = spec.dimensions.includes("currency") ? "currency" : undefined;
  const columns: ReportColumn[] = [
    ...spec.dimensions.map((id) => ({ key: id, label: dimensionLabel(id), type: dimensions[id]!.type, ...(dimensions[id]!.codes ? { codes: dimensions[id]!.codes } : {}) })),
    ...spec.measures.map((id) => ({ key: id, label: measureLabel(id), type: measures[id]!.type, ...(currencyKey && measures[id]!.type === "money" ? { currencyKey } : {}) })),
  ];
  const truncated = raw.length > spec.limit;
  const rows: ReportRow[] = raw.slice(0, spec.limit).map((row) => {
    const out: ReportRow = {};
    spec.dimensions.forEach((id, index) => {
      out[id] = cell(dimensions[id]!.label ? row[`l${index}`] : row[`d${index}`]);
    });
    spec.measures.forEach((id, index) => {
      out[id] = cell(row[`m${index}`]);
    });
    return out;
  });
  const totals: ReportRow = {};
  spec.measures.forEach((id, index) => {
    totals[id] = cell(totalsRaw[`m${index}`]);
  });
  const drill = raw.slice(0, spec.limit).map((row) => Object.fromEntries(spec.dimensions.map((id, index) => [id, row[`d${index}`] === null ? "" : String(row[`d${index}`])])));
  return { columns, rows, totals, drill: spec.dimensions.length ? drill : undefined, notes: truncated ? [{ key: "reports.custom.notes.truncated", values: { limit: spec.limit } }] : [], ...(truncated ? { truncated: true as const } : {}) };
}

function cell(value: unknown): ReportRow[string] {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "string") return value;
  return String(value);
}

/**
 * Stores and accounts chosen as filters must be the company's: another company's id answers "not
 * found", exactly like one that does not exist (as the standard reports' filters do), rather than
 * an empty report that would tell the id exists somewhere.
 */
export async function assertOwnIds(tx: Tx, orgId: string, spec: ReportSpec): Promise<void> {
  const checks = [
    { ids: spec.filters.values.store, table: "Store", messageKey: "storeNotFound" },
    { ids: spec.filters.values.account, table: "FundAccount", messageKey: "fundAccountNotFound" },
  ] as const;
  for (const { ids, table, messageKey } of checks) {
    if (!ids?.length) continue;
    if (!ids.every(isUuid)) throw new AppError("NOT_FOUND", { messageKey });
    const [found] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE "orgId" = $1::uuid AND id = ANY($2::uuid[])`, orgId, [...new Set(ids)]);
    if ((found?.n ?? 0) !== new Set(ids).size) throw new AppError("NOT_FOUND", { messageKey });
  }
}

async function companyToday(tx: Tx, orgId: string): Promise<string> {
  const rows = await tx.$queryRawUnsafe<{ today: string }[]>(`SELECT to_char(now() AT TIME ZONE timezone, 'YYYY-MM-DD') AS today FROM "Organization" WHERE id = $1::uuid`, orgId);
  if (!rows[0]) throw new AppError("NOT_FOUND", { messageKey: "companyNotFound" });
  return rows[0].today;
}

/** PostgreSQL's query_canceled (57014), however the driver adapter wraps it. */
function isStatementTimeout(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (!value || typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (record.code === "57014" || record.originalCode === "57014") return true;
    if (typeof record.message === "string" && /statement timeout/i.test(record.message)) return true;
    return Object.values(record).some(visit) || visit(record.cause);
  };
  return visit(error);
}
