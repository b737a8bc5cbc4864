// `npm run cli -- report <id>`: a standard report (or a saved custom report, by its name) for a
// period, as the page shows it. With --json one object { columns: [{ key, label }], rows, totals }:
// amounts in minor units, codes (platform, fee type) as codes, headers in --lang. Without, a
// tab-separated table in --lang with amounts in yuan and the 合计 row last. A saved report runs with
// its own filters (the period and store flags are for the standard reports).
import { parseArgs } from "node:util";
import type { Db } from "../../lib/db/client";
import { exportTranslator } from "../../lib/export-sources/export-translator";
import { formatMinor } from "../../lib/money";
import { resolveReportFilters, type ReportFilterInput } from "../../lib/reports/report-filters";
import type { ReportCell, ReportResult } from "../../lib/reports/report-result";
import { defaultReportPeriod, loadReportScope } from "../../lib/reports/report-scope";
import { cellValue, columnLabel } from "../../lib/reports/report-text";
import { STANDARD_REPORT_IDS, standardReport } from "../../lib/reports/standard-reports";
import { runCustomReport } from "../../lib/reports/custom/run-custom-report";
import { findSharedReportByName } from "../../lib/reports/custom/saved-reports";
import type { CliHelpers } from "./cli-helpers";
import { freshReceivables } from "./fresh-receivables";

export const REPORT_USAGE = `report <${STANDARD_REPORT_IDS.join("|")}|saved report name> --org <slug> [--from YYYY-MM-DD --to YYYY-MM-DD] [--store <name>] [--account <name>] [--platform <PLATFORM>] [--by store|platform|month] [--compare mom|yoy|range --from2 D --to2 D] [--as-of YYYY-MM-DD] [--json]`;

type Helpers = CliHelpers;

/** A JSON-safe cell: bigint as a number while exact, else its digits as a string. */
function jsonCell(value: ReportCell | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "bigint") return value;
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

export async function reportCommand(db: Db, args: string[], { findOrg, fail, locale: lang }: Helpers): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      org: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      store: { type: "string" },
      account: { type: "string" },
      platform: { type: "string" },
      by: { type: "string" },
      compare: { type: "string" },
      from2: { type: "string" },
      to2: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "boolean" },
    },
  });
  const name = positionals.join(" ");
  if (!name) fail("reportNameRequired", { usage: REPORT_USAGE });
  const actor = await findOrg(db, values.org);
  const t = exportTranslator(lang);
  await freshReceivables(db, actor.orgId);
  const report = standardReport(name);
  if (!report) {
    // A saved custom report, by its name: only a shared one (the CLI acts for no one in particular).
    const saved = (await findSharedReportByName(db, actor.orgId, name)) ?? fail("reportUnknown", { name, ids: STANDARD_REPORT_IDS.join(", ") });
    const asOf = (await loadReportScope(db, actor.orgId, values["as-of"])).asOf;
    const result = await db.$transaction((tx) => runCustomReport(tx, actor.orgId, saved.spec, { asOf }), { timeout: 600_000, isolationLevel: "RepeatableRead" });
    console.log(values.json ? JSON.stringify(reportJson(result, t)) : reportText(result, t, lang));
    return;
  }

  const input: ReportFilterInput = { from: values.from, to: values.to, platform: values.platform?.toUpperCase(), by: values.by, compare: values.compare, from2: values.from2, to2: values.to2 };
  if (values.store) {
    const store = await db.store.findFirst({ where: { orgId: actor.orgId, name: values.store }, select: { id: true } });
    input.store = store?.id ?? fail("storeNotFound", { name: values.store });
  }
  if (values.account) {
    const account = await db.fundAccount.findFirst({ where: { orgId: actor.orgId, name: values.account }, select: { id: true } });
    input.account = account?.id ?? fail("accountNotFound", { name: values.account });
  }
  const scope = await loadReportScope(db, actor.orgId, values["as-of"]);
  if (!input.from && !input.to) Object.assign(input, await defaultReportPeriod(db, actor.orgId, scope.asOf));
  const filters = await resolveReportFilters(db, actor.orgId, input);
  const result = await db.$transaction((tx) => report.run(tx, scope, filters), { timeout: 600_000, isolationLevel: "RepeatableRead" });
  console.log(values.json ? JSON.stringify(reportJson(result, t)) : reportText(result, t, lang));
}

export function reportJson(result: ReportResult, t: (key: string, values?: Record<string, string | number>) => string) {
  const row = (cells: Record<string, ReportCell>) => Object.fromEntries(result.columns.map((column) => [column.key, jsonCell(cells[column.key])]));
  return { columns: result.columns.map((column) => ({ key: column.key, label: columnLabel(t, column), type: column.type })), rows: result.rows.map(row), totals: row(result.totals) };
}

function reportText(result: ReportResult, t: (key: string, values?: Record<string, string | number>) => string, locale: "zh-CN" | "en"): string {
  const line = (cells: Record<string, ReportCell>) =>
    result.columns
      .map((column) => {
        const value = cellValue(t, column, cells[column.key]);
        if (value === null) return "";
        if (column.type === "money" && typeof value === "bigint") return formatMinor(value, column.currencyKey ? String(cells[column.currencyKey] ?? "CNY") : "CNY", locale);
        if (column.type === "percent" && typeof value === "number") return `${(value * 100).toFixed(2)}%`;
        return String(value);
      })
      .join("\t");
  const totals = { ...result.totals, [result.columns[0]!.key]: result.totals[result.columns[0]!.key] ?? t("reports.totalRow") };
  return [result.columns.map((column) => columnLabel(t, column)).join("\t"), ...result.rows.map(line), line(totals)].join("\n");
}
