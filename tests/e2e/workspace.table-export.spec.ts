// Exporting what a list shows: filter the 已匹配 list in the browser, export it to Excel and to PDF
// from the page, and find in each file exactly the filtered groups and the page's 合计. Then the
// export centre lists both, with who, when and which filters. Runs after workspace.spec.ts (file
// order), on the month it reconciled.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

/** "¥1,234.50" / "-¥3.00" → minor units. */
function minor(text: string): bigint {
  const clean = text.replace(/[^\d.-]/g, "");
  const [whole = "0", fraction = ""] = clean.replace("-", "").split(".");
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2) || "0");
  return clean.startsWith("-") ? -value : value;
}

async function switchLanguage(page: Page, name: "English" | "中文") {
  await page.getByRole("button", { name }).click();
  await expect(page.getByRole("button", { name })).toHaveAttribute("aria-pressed", "true");
}

async function download(page: Page, button: string): Promise<string> {
  const waiting = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: button }).click();
  const file = await waiting;
  const target = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

/** The exported sheet's column labels, its data rows (between the header and the 合计 row) and that 合计 row. */
async function readSheet(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  // The header row is the frozen one.
  const header = (sheet.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 0;
  expect(header).toBeGreaterThan(0);
  const labels = (sheet.getRow(header).values as unknown[]).slice(1);
  const data: ExcelJS.Row[] = [];
  for (let n = header + 1; n < sheet.rowCount; n++) data.push(sheet.getRow(n));
  const titleBlock = Array.from({ length: header }, (_, i) => sheet.getRow(i + 1).values).flat().join(" ");
  return { column: (label: string) => labels.indexOf(label) + 1, data, totals: sheet.getRow(sheet.rowCount), titleBlock };
}

test("export the filtered 已匹配 list to Excel and PDF: the files hold exactly the filtered rows", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.goto("/reconcile/matched");
  const totals = page.getByTestId("table-totals");
  const allCount = Number(/\d+/.exec((await totals.locator('td[data-column="day"]').textContent()) ?? "")![0]);

  // Filter by one store that has matches (its 小计 row says so): fewer groups than the whole list.
  const store = page.locator('select[name="store"]');
  const storeNames = (await store.locator("option").allTextContents()).map((name) => name.trim());
  const subtotalOwners = (await page.getByTestId("table-subtotal").locator('td[data-column="day"]').allTextContents()).map((label) => label.replace(/\s*小计$/, "").trim());
  const storeName = subtotalOwners.find((owner) => storeNames.includes(owner))!;
  expect(storeName).toBeTruthy();
  await store.selectOption({ label: storeName });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/store=/);
  const countText = (await totals.locator('td[data-column="day"]').textContent()) ?? "";
  const count = Number(/\d+/.exec(countText)![0]);
  const amount = minor((await totals.locator('td[data-column="amount"]').textContent()) ?? "");
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(allCount);

  // Excel: the filtered groups, every page of them, and the page's 合计.
  const xlsx = await download(page, "导出 Excel");
  expect(xlsx).toMatch(/已匹配_.*\.xlsx$/);
  await expect(page.getByTestId("export-status")).toContainText(`（${count} 行）`);
  const { column, data, totals: sheetTotals, titleBlock } = await readSheet(xlsx);
  expect(data).toHaveLength(count);
  expect(new Set(data.map((row) => row.getCell(column("店铺 / 账户")).value))).toEqual(new Set([storeName]));
  expect(String(sheetTotals.getCell(1).value)).toContain("合计");
  expect(BigInt(Math.round(Number(sheetTotals.getCell(column("金额")).value) * 100))).toBe(amount);
  expect(data[0]!.getCell(column("金额")).type).toBe(ExcelJS.ValueType.Number);
  // The title block says what the file holds.
  expect(titleBlock).toContain(`店铺: ${storeName}`);

  // PDF: the same rows, as searchable Chinese text.
  const pdf = await download(page, "导出 PDF");
  expect(pdf).toMatch(/\.pdf$/);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text).toContain("已匹配");
  expect(text).toContain(storeName);
  expect(text).toContain(`合计（${count.toLocaleString("en-US")} 行）`);
  const yuan = (Number(amount) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 });
  expect(text).toContain(yuan);
  await screenshot(page, "export-buttons-1440-zh");

  // The export centre lists both, newest first, with the filter in words.
  await page.goto("/export");
  const lines = page.getByTestId("export-line");
  await expect(lines.first()).toContainText("PDF");
  await expect(lines.nth(1)).toContainText("Excel");
  await expect(lines.first()).toContainText(`店铺：${storeName}`);
  await expect(lines.first()).toContainText("已完成");
  await expect(lines.first().getByRole("link", { name: "下载" })).toHaveAttribute("href", /\/api\/exports\/.+\/file$/);
  expect(fs.statSync(xlsx).size).toBeGreaterThan(0);
  await screenshot(page, "export-centre-1440-zh");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "export-centre-390-zh");
  await switchLanguage(page, "English");
  await expect(page.getByRole("heading", { name: "Data export" })).toBeVisible();
  await screenshot(page, "export-centre-390-en");
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, "export-centre-1440-en");
  await page.goto("/reconcile/matched");
  await expect(page.getByRole("button", { name: "Export Excel" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "export-buttons-390-en");
  await switchLanguage(page, "中文");
});

test("export one pane of 未匹配 with its filter: its rows and its 合计, not the other pane's", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.goto("/reconcile/unmatched?left=orders&right=bank");
  const left = page.getByTestId("pane-left");
  const allText = (await left.getByTestId("pane-left-total").textContent()) ?? "";
  const allCount = Number(/共\s*([\d,]+)/.exec(allText)![1]!.replace(/,/g, ""));
  await left.getByRole("textbox", { name: "金额不低于" }).fill("100");
  await left.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/lmin=100/);
  await expect(left.getByTestId("pane-left-total")).not.toHaveText(allText);
  const text = (await left.getByTestId("pane-left-total").textContent()) ?? "";
  const count = Number(/共\s*([\d,]+)/.exec(text)![1]!.replace(/,/g, ""));
  const total = minor(text.slice(text.indexOf("合计")));
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(allCount);

  const waiting = page.waitForEvent("download", { timeout: 60_000 });
  await left.getByRole("button", { name: "导出 Excel" }).click();
  const file = test.info().outputPath((await waiting).suggestedFilename());
  await (await waiting).saveAs(file);
  const { column, data, totals } = await readSheet(file);
  expect(data).toHaveLength(count);
  for (const row of data) expect(Number(row.getCell(column("未匹配金额")).value)).toBeGreaterThanOrEqual(100);
  expect(BigInt(Math.round(Number(totals.getCell(column("未匹配金额")).value) * 100))).toBe(total);
  await screenshot(page, "export-unmatched-pane-1440-zh");
});

test("the close report, the imports and the audit log export from their pages too", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.goto("/reconcile/periods/2025-03");
  const pdf = await download(page, "导出 PDF");
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text).toContain("2025-03");
  expect(text).toContain("汇总");
  expect(text).toMatch(/已锁定|锁定/);
  await screenshot(page, "export-close-report-1440-zh");

  await page.goto("/settings/audit");
  const audit = await readSheet(await download(page, "导出 Excel"));
  expect(audit.data.length).toBeGreaterThan(0);
  await screenshot(page, "export-audit-1440-zh");
  await page.goto("/import");
  await expect(page.getByRole("button", { name: "导出 Excel" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "export-imports-390-zh");
  await page.goto("/reconcile/unmatched");
  await screenshot(page, "export-unmatched-390-zh");
});
