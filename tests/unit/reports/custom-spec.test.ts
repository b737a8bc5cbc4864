// The custom report spec (自定义报表): versioned JSON checked with zod, and every id checked against
// the catalog, refused with a message naming it; the compiled SQL holds catalog text only, with
// the company as $1 and every chosen value a bound parameter.
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { CATALOG, REPORT_SOURCES } from "@/lib/reports/custom/catalog";
import { decodeReportSpec, encodeReportSpec, MAX_REPORT_GROUPS, parseReportSpec } from "@/lib/reports/custom/report-spec";
import { compileCustomReport } from "@/lib/reports/custom/run-custom-report";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const ORG = "0195a7c0-0000-7000-8000-000000000001";
const base = { version: 1 as const, source: "orders", dimensions: ["store", "month"], measures: ["count", "paid"] };

function refusal(input: unknown): { key: string; params: Record<string, string | number> } {
  try {
    parseReportSpec(input);
  } catch (error) {
    if (isAppError(error)) return { key: error.messageKey, params: error.params };
    throw error;
  }
  throw new Error("the spec was accepted");
}

describe("custom report spec", () => {
  it("accepts a catalog spec and fills the defaults", () => {
    const spec = parseReportSpec(base);
    expect(spec).toEqual({ ...base, filters: { values: {} }, limit: MAX_REPORT_GROUPS });
  });

  it("refuses an unknown or missing version, naming it", () => {
    expect(refusal({ ...base, version: 2 })).toEqual({ key: "customReportVersion", params: { version: "2" } });
    expect(refusal({ ...base, version: undefined }).key).toBe("customReportVersion");
    expect(refusal("not an object").key).toBe("customReportVersion");
  });

  it("refuses fields the spec does not have, naming them", () => {
    expect(refusal({ ...base, sql: "DROP TABLE x" })).toEqual({ key: "customReportUnknownKey", params: { field: "sql" } });
    expect(refusal({ ...base, filters: { values: {}, where: "1=1" } })).toEqual({ key: "customReportUnknownKey", params: { field: "where" } });
  });

  it("refuses ids outside the catalog, naming them", () => {
    expect(refusal({ ...base, source: "User" })).toEqual({ key: "customReportUnknownSource", params: { id: "User" } });
    expect(refusal({ ...base, source: "__proto__" })).toEqual({ key: "customReportUnknownSource", params: { id: "__proto__" } });
    expect(refusal({ ...base, dimensions: ['store"; DROP TABLE "Order"; --'] })).toEqual({ key: "customReportUnknownDimension", params: { id: 'store"; DROP TABLE "Order"; --' } });
    expect(refusal({ ...base, measures: ["sum(passwordHash)"] })).toEqual({ key: "customReportUnknownMeasure", params: { id: "sum(passwordHash)" } });
    // A dimension of another source is not one of this source's.
    expect(refusal({ ...base, dimensions: ["lineType"] })).toEqual({ key: "customReportUnknownDimension", params: { id: "lineType" } });
    expect(refusal({ ...base, measures: ["toString"] })).toEqual({ key: "customReportUnknownMeasure", params: { id: "toString" } });
    expect(refusal({ ...base, filters: { values: { "1=1 OR true": ["x"] } } })).toEqual({ key: "customReportUnknownFilter", params: { id: "1=1 OR true" } });
    expect(refusal({ ...base, sort: { by: "refund", dir: "desc" } })).toEqual({ key: "customReportUnknownSort", params: { id: "refund" } });
    expect(refusal({ ...base, measures: ["paid", "paid"] })).toEqual({ key: "customReportDuplicate", params: { id: "paid" } });
  });

  it("refuses malformed fields, a period backwards and a cap above the limit", () => {
    expect(refusal({ ...base, sort: { by: "paid", dir: "sideways" } })).toEqual({ key: "customReportMalformed", params: { field: "sort.dir" } });
    expect(refusal({ ...base, measures: [] })).toEqual({ key: "customReportMalformed", params: { field: "measures" } });
    expect(refusal({ ...base, limit: MAX_REPORT_GROUPS + 1 })).toEqual({ key: "customReportMalformed", params: { field: "limit" } });
    expect(refusal({ ...base, filters: { from: "2025-02-30" } })).toEqual({ key: "customReportMalformed", params: { field: "filters.from" } });
    expect(refusal({ ...base, filters: { from: "2025-03-02", to: "2025-03-01" } }).key).toBe("customReportPeriodOrder");
  });

  it("round-trips through the URL and refuses an unreadable one", () => {
    const encoded = encodeReportSpec({ ...base, filters: { values: { store: ["天猫旗舰店"] } } });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeReportSpec(encoded).filters.values).toEqual({ store: ["天猫旗舰店"] });
    expect(() => decodeReportSpec("%%%")).toThrow(expect.objectContaining({ messageKey: "customReportUnreadable" }));
  });

  it("compiles to catalog text only: the company is $1, values are bound", () => {
    const hostile = `'); DELETE FROM "Order"; --`;
    const spec = parseReportSpec({ ...base, filters: { from: "2025-03-01", to: "2025-03-31", values: { store: [hostile] } }, sort: { by: "paid", dir: "desc" }, limit: 10 });
    const compiled = compileCustomReport(spec, ORG, null);
    expect(compiled.sql).not.toContain(hostile);
    expect(compiled.sql).not.toContain(ORG);
    expect(compiled.sql).toContain(`o."orgId" = $1::uuid`);
    // The cap: 10 groups, one more to tell the cap cut rows off, and the 合计 row.
    expect(compiled.params).toEqual([ORG, "2025-03-01", "2025-03-31", [hostile], 12]);
    expect(compiled.sql).toMatch(/GROUP BY GROUPING SETS \(\(o\."storeId", date_trunc\('month', .+\), \(\)\) ORDER BY is_total DESC, m1 DESC NULLS LAST, d0 ASC NULLS LAST, d1 ASC NULLS LAST LIMIT \$5::int$/);
    const noDimensions = compileCustomReport(parseReportSpec({ ...base, dimensions: [] }), ORG, null);
    expect(noDimensions.sql).not.toMatch(/GROUP BY|LIMIT/);
    expect(noDimensions.params).toEqual([ORG]);
  });

  it("binds the as-of day only for reports that age receivables", () => {
    const aging = parseReportSpec({ version: 1, source: "receivables", dimensions: ["agingBucket"], measures: ["outstanding"] });
    const compiled = compileCustomReport(aging, ORG, "2025-04-01");
    expect(compiled.params).toEqual([ORG, "2025-04-01", MAX_REPORT_GROUPS + 2]);
    expect(compiled.sql).not.toContain("{asOf}");
    expect(compiled.sql).toContain("$2::date");
    expect(compileCustomReport(parseReportSpec({ ...base }), ORG, null).params).toEqual([ORG, MAX_REPORT_GROUPS + 2]);
  });

  it("names every source, dimension, measure and code in both languages", () => {
    const custom = { zh: zh.reports.custom as unknown as Record<string, Record<string, unknown>>, en: en.reports.custom as unknown as Record<string, Record<string, unknown>> };
    for (const messages of [custom.zh, custom.en]) {
      for (const source of REPORT_SOURCES) {
        expect(messages.sources![source], source).toBeTypeOf("string");
        for (const [id, dimension] of Object.entries(CATALOG[source].dimensions)) {
          expect(messages.dimensions![id], id).toBeTypeOf("string");
          const codes = "codes" in dimension ? dimension.codes : undefined;
          if (codes?.startsWith("reports.custom.codes.")) {
            const group = (messages.codes as Record<string, Record<string, string>>)[codes.slice("reports.custom.codes.".length)]!;
            for (const value of dimension.values ?? []) expect(group[value], `${codes}.${value}`).toBeTypeOf("string");
          }
        }
        for (const id of Object.keys(CATALOG[source].measures)) expect(messages.measures![id], id).toBeTypeOf("string");
      }
    }
  });
});
