// 报表查询's shared doors on a generated, reconciled month: every standard report to Excel and PDF
// through the export source (the writer refuses a file whose rows do not add up to the report's
// 合计, so writing each file checks its totals), and `npm run cli -- report` printing the same
// table as JSON or text. The figures themselves are checked per report in reports-*.test.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { writePdf, writeXlsx } from "@/lib/export";
import { EXPORT_SOURCES } from "@/lib/export-sources/export-sources";
import { exportTranslator } from "@/lib/export-sources/export-translator";
import { generateMonth } from "@/lib/generate";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { resolveReportFilters } from "@/lib/reports/report-filters";
import { loadReportScope } from "@/lib/reports/report-scope";
import { refreshReceivablesAndRollups } from "@/lib/reports/rollups/refresh-report-rollups";
import { STANDARD_REPORT_IDS, standardReport } from "@/lib/reports/standard-reports";
import { encodeReportSpec } from "@/lib/reports/custom/report-spec";
import { runCustomReport } from "@/lib/reports/custom/run-custom-report";
import { createSavedReport, setSavedReportShared } from "@/lib/reports/custom/saved-reports";
import { reportJson } from "@/scripts/lib/report-command";
import { db, makeOrg } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";

let owner: OrgContext;
let outDir: string;
const PERIOD = { from: "2025-03-01", to: "2025-03-31" };
const AS_OF = "2025-04-20";

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "reports-export-"));
  owner = await makeOrg("报表导出公司");
  // More orders than one drill page (1,000), so a drill-down's export reads several pages.
  const month = await generateMonth({ orders: 1200, seed: 17, outDir });
  await importGeneratedFiles(owner, month);
  await runReconciliation(db, owner, {}, getPgPool());
  await refreshReceivablesAndRollups(getPgPool(), owner.orgId);
}, 600_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const exportContext = (locale: "zh-CN" | "en") => ({
  orgId: owner.orgId,
  orgName: owner.orgName,
  timeZone: "Asia/Shanghai",
  locale,
  t: exportTranslator(locale),
  requestedBy: "王会计",
  requestedById: owner.userId as string | null,
  requestedAt: new Date(),
});

async function report(id: string, extra: Record<string, string> = {}) {
  const scope = { ...(await loadReportScope(db, owner.orgId)), asOf: AS_OF };
  return standardReport(id)!.run(db, scope, await resolveReportFilters(db, owner.orgId, { ...PERIOD, ...extra }));
}

describe("export of the standard reports", () => {
  it.each(STANDARD_REPORT_IDS)("%s: the Excel file holds the report's rows and its 合计, headers in the reader's language", async (id) => {
    const expected = await report(id);
    const file = path.join(outDir, `${id}.xlsx`);
    const keys = await db.$transaction(
      async (tx) => {
        const { table, rowCount } = await EXPORT_SOURCES.report.describe(tx, exportContext("zh-CN"), { report: id, ...PERIOD, asOf: AS_OF });
        expect(rowCount).toBe(expected.rows.length);
        await writeXlsx(table, file, { locale: "zh-CN" });
        return table.columns.map((column) => column.key);
      },
      { isolationLevel: "RepeatableRead", timeout: 120_000 },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.views[0] as { ySplit: number }).ySplit;
    const titleBlock = Array.from({ length: header - 1 }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).join(" ")).join("\n");
    expect(titleBlock).toContain(exportTranslator("zh-CN")(`reports.${id}.title`));
    expect(titleBlock).toContain("2025-03-01");
    expect(sheet.rowCount - header - 1).toBe(expected.rows.length);
    // Every money total in the file's 合计 row is the report's.
    for (const column of expected.columns) {
      const total = expected.totals[column.key];
      if (column.type !== "money" || typeof total !== "bigint" || column.summed === false) continue;
      expect(Number(sheet.getRow(sheet.rowCount).getCell(keys.indexOf(column.key) + 1).value), `${id}.${column.key}`).toBeCloseTo(Number(total) / 100, 2);
    }
  });

  it("writes a row's drill-down: every base row behind the figure (more than one drill page), its 合计 the figure", async () => {
    const expected = await report("remittance", { by: "month" });
    const key = expected.drill![0]!;
    const file = path.join(outDir, "rows.xlsx");
    const described = await db.$transaction(
      async (tx) => {
        const { table, rowCount } = await EXPORT_SOURCES["report-rows"].describe(tx, exportContext("zh-CN"), {
          report: "remittance",
          ...PERIOD,
          by: "month",
          asOf: AS_OF,
          ...Object.fromEntries(Object.entries(key).map(([name, value]) => [`k.${name}`, value])),
        });
        await writeXlsx(table, file, { locale: "zh-CN" });
        return { rowCount, keys: table.columns.map((column) => column.key), title: table.title };
      },
      { isolationLevel: "RepeatableRead", timeout: 120_000 },
    );
    expect(described.title).toBe("回款情况分析 · 明细");
    expect(described.rowCount).toBe(Number(expected.rows[0]!.orders));
    expect(described.rowCount).toBeGreaterThan(1000);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.views[0] as { ySplit: number }).ySplit;
    expect(sheet.rowCount - header - 1).toBe(described.rowCount);
    expect(Number(sheet.getRow(sheet.rowCount).getCell(described.keys.indexOf("paid") + 1).value)).toBeCloseTo(Number(expected.rows[0]!.sales) / 100, 2);
    const orderNos = new Set(Array.from({ length: described.rowCount }, (_, i) => String(sheet.getRow(header + 1 + i).getCell(described.keys.indexOf("orderNo") + 1).value)));
    expect(orderNos.size).toBe(described.rowCount);
  });

  it("writes a PDF of a report in English, and refuses a period that ends before it starts, naming why", async () => {
    const file = path.join(outDir, "remittance.pdf");
    await db.$transaction(async (tx) => {
      const { table } = await EXPORT_SOURCES.report.describe(tx, exportContext("en"), { report: "remittance", ...PERIOD, asOf: AS_OF, by: "month" });
      await writePdf(table, file, { locale: "en" });
    });
    const text = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
    expect(text).toContain("Remittance analysis");
    expect(text).toContain("2025-03");
    await expect(db.$transaction((tx) => EXPORT_SOURCES.report.describe(tx, exportContext("zh-CN"), { report: "fees", from: "2025-04-01", to: "2025-03-01" }))).rejects.toMatchObject({
      messageKey: "reportPeriodReversed",
    });
    await expect(db.$transaction((tx) => EXPORT_SOURCES.report.describe(tx, exportContext("zh-CN"), { report: "nope", ...PERIOD }))).rejects.toMatchObject({ messageKey: "exportSourceBadParam" });
  });
});

describe("export of a custom report", () => {
  const spec = { version: 1 as const, source: "orders", dimensions: ["store"], measures: ["count", "paid"], filters: { from: PERIOD.from, to: PERIOD.to } };

  it("writes a saved report for whoever may see it, and the builder's unsaved spec, with the report's 合计", async () => {
    const saved = await createSavedReport(db, { ...owner, role: "OWNER" }, { name: "店铺实付（导出）", shared: false, spec });
    const expected = await db.$transaction((tx) => runCustomReport(tx, owner.orgId, spec));
    const file = path.join(outDir, "custom.xlsx");
    const write = (ctx: ReturnType<typeof exportContext>, params: Record<string, string>) =>
      db.$transaction(async (tx) => {
        const { table } = await EXPORT_SOURCES["custom-report"].describe(tx, ctx, params);
        await writeXlsx(table, file, { locale: "zh-CN" });
        return table;
      });
    const table = await write(exportContext("zh-CN"), { id: saved.id });
    expect(table.title).toBe("店铺实付（导出）");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const keys = table.columns.map((column) => column.key);
    expect(Number(sheet.getRow(sheet.rowCount).getCell(keys.indexOf("paid") + 1).value)).toBeCloseTo(Number(expected.totals.paid) / 100, 2);
    expect(sheet.getRow(sheet.rowCount).getCell(keys.indexOf("count") + 1).value).toBe(Number(expected.totals.count));
    // Private: not for another member, nor for the CLI (which acts for no one) until it is shared.
    await expect(write({ ...exportContext("zh-CN"), requestedById: "00000000-0000-7000-8000-000000000000" }, { id: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(write({ ...exportContext("zh-CN"), requestedById: null }, { id: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setSavedReportShared(db, { ...owner, role: "OWNER" }, saved.id, true);
    await expect(write({ ...exportContext("zh-CN"), requestedById: null }, { id: saved.id })).resolves.toMatchObject({ title: "店铺实付（导出）" });
    // The builder's spec as its URL carries it; a spec naming a field outside the whitelist is refused.
    await expect(write(exportContext("en"), { spec: encodeReportSpec(spec) })).resolves.toMatchObject({ title: "Custom reports" });
    // Cut at its row cap, the report's 合计 covers rows the file does not hold: the file has no totals to check, and is written.
    const capped = await write(exportContext("zh-CN"), { spec: encodeReportSpec({ ...spec, limit: 1 }) });
    expect(capped.columns.filter((column) => column.total)).toEqual([]);
    await expect(write(exportContext("zh-CN"), { spec: encodeReportSpec({ ...spec, measures: ["sum(\"paidAmountMinor\")"] }) })).rejects.toMatchObject({ messageKey: "customReportUnknownMeasure" });
  });

  it("runs a shared saved report by its name from the CLI", async () => {
    const expected = await db.$transaction((tx) => runCustomReport(tx, owner.orgId, spec));
    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", "report", "店铺实付（导出）", "--org", owner.orgSlug, "--json"], { encoding: "utf8", env: process.env });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(reportJson(expected, exportTranslator("zh-CN")))));
  });
});

describe("npm run cli -- report", () => {
  const cli = (...args: string[]) => {
    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", "report", ...args], { encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
  };

  it("prints a standard report as { columns, rows, totals } with amounts in minor units, the same as the page's", async () => {
    const expected = await report("remittance", { by: "platform" });
    const printed = cli("remittance", "--org", owner.orgSlug, "--from", PERIOD.from, "--to", PERIOD.to, "--by", "platform", "--as-of", AS_OF, "--json");
    expect(printed.code, printed.stderr).toBe(0);
    const json = JSON.parse(printed.stdout);
    expect(Object.keys(json)).toEqual(["columns", "rows", "totals"]);
    expect(json).toEqual(JSON.parse(JSON.stringify(reportJson(expected, exportTranslator("zh-CN")))));
    expect(json.columns[0]).toMatchObject({ key: "platform", label: "平台" });
    expect(typeof json.totals.sales).toBe("number");
    expect(json.rows.reduce((sum: number, row: { sales: number }) => sum + row.sales, 0)).toBe(json.totals.sales);
  });

  it("filters by a store's name, speaks English with --lang en, and refuses an unknown report or store in one line", async () => {
    const store = await db.store.findFirstOrThrow({ where: { orgId: owner.orgId }, orderBy: { name: "asc" } });
    const printed = cli("fees", "--org", owner.orgSlug, "--from", PERIOD.from, "--to", PERIOD.to, "--store", store.name, "--lang", "en");
    expect(printed.code, printed.stderr).toBe(0);
    const [header, ...lines] = printed.stdout.split("\n");
    expect(header).toContain("Store");
    expect(lines.at(-1)).toMatch(/^Total|\t/);
    const unknown = cli("ledger", "--org", owner.orgSlug, "--lang", "en");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("Unknown report “ledger”");
    const noStore = cli("fees", "--org", owner.orgSlug, "--store", "没有这个店");
    expect(noStore.code).not.toBe(0);
    expect(noStore.stderr).toBe("找不到名为 “没有这个店” 的店铺（--store）。");
  });
});
