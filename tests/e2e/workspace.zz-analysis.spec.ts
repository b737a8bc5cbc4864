// 数据分析 and the home page on the demo company, after workspace.spec.ts reconciled its month
// ("workspace.zz-analysis" sorts after it and the reports): the dashboard's charts with data, a bar
// opening the rows behind it, a chart as a table whose 合计 adds up; the home page's month at a
// glance; 风险预警: the alerts the worker computed, one assigned and then resolved with a note, and
// the rules page. Screenshots in Chinese and English at 1440 and 390 px.
import { expect, test, type Page } from "@playwright/test";
import { minor, screenshot, signIn, switchLanguage } from "./helpers";

const CHARTS = ["sales-settled-received", "outstanding-overdue", "aging", "fee-rates-by-store", "fee-types-by-month", "days-to-cash", "match-rate", "open-differences"] as const;

/** Reloads until the receivables the charts read are fresh (the worker's rebuild after the last ledger change). */
async function openFresh(page: Page, path: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByTestId("receivables-freshness")).toHaveAttribute("data-state", "fresh", { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
}

test("数据分析: every chart with data, a bar opens its rows, a chart's table adds up; the home page at a glance", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");

  // The home page: money, to do, the last imports and runs of the demo month.
  await expect(page.getByTestId("money-outstanding")).toBeVisible();
  await expect(page.getByTestId("recent-imports")).toContainText(".csv");
  await expect(page.getByTestId("recent-runs").locator("tbody tr").first()).toBeVisible();
  await screenshot(page, "home-1440-zh");

  await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "数据分析" }).click();
  await openFresh(page, "/analysis");
  await expect(page.getByTestId("report-filters").getByLabel("开始日期", { exact: true })).toHaveValue("2025-03-01");
  for (const id of CHARTS) await expect(page.getByTestId(`analysis-chart-${id}`)).toBeVisible();
  // Charts with data draw bars, not the empty text.
  const sales = page.getByTestId("analysis-chart-sales-settled-received");
  await expect(sales.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText("analysis.");
  await screenshot(page, "analysis-1440-zh");

  // The aging chart as a table: its 合计 is the sum of its buckets.
  const aging = page.getByTestId("analysis-chart-aging");
  await aging.getByTestId("analysis-table-toggle").click();
  const table = aging.getByTestId("analysis-table-aging-table");
  await expect(table.getByTestId("table-totals")).toContainText("合计");
  const amounts = await table.getByTestId("analysis-table-aging-rows").locator('tr:not([data-testid]) td[data-column="outstanding"]').allTextContents();
  const total = minor((await table.getByTestId("table-totals").locator('td[data-column="outstanding"]').textContent()) ?? "");
  expect(amounts.length).toBeGreaterThan(1);
  expect(amounts.reduce((sum, text) => sum + minor(text), 0n)).toBe(total);

  // A bar of the monthly chart opens the orders of that month behind it.
  await sales.locator(".recharts-bar-rectangle").last().click();
  await expect(page).toHaveURL(/\/reports\/remittance\/rows\?/);
  await expect(page.getByTestId("report-rows-table").locator("tbody tr").first()).toBeVisible();

  // Phone width, then English at both widths.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/analysis");
  await expect(sales).toBeVisible();
  await screenshot(page, "analysis-390-zh");
  await page.goto("/");
  await screenshot(page, "home-390-zh");
  await page.setViewportSize({ width: 1440, height: 900 });
  await switchLanguage(page, "English");
  await page.goto("/analysis");
  await expect(page.getByRole("heading", { name: "Analysis" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("analysis.");
  await screenshot(page, "analysis-1440-en");
  await page.goto("/");
  await screenshot(page, "home-1440-en");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/analysis");
  await screenshot(page, "analysis-390-en");
  await page.setViewportSize({ width: 1440, height: 900 });
  await switchLanguage(page, "中文");
});

test("风险预警: the worker's alerts on the demo month, one assigned and resolved with a note, the rules page", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  // The worker computes alerts after each receivables rebuild: wait for them (as of today, the demo
  // month's unpaid orders are long overdue).
  await expect(async () => {
    await page.goto("/analysis/alerts");
    await expect(page.getByTestId("alert-row").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [3_000] });
  await expect(page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: /数据分析/ })).toContainText(/\d/);
  await expect(page.locator("main")).not.toContainText("alerts.");
  await screenshot(page, "alerts-1440-zh");

  // Open one: why it fired, how to clear it, the rows it names.
  const first = page.locator('[data-testid="alert-row"][data-alert-status="NEW"]').first();
  const id = await first.getAttribute("data-alert-id");
  await first.getByTestId("open-alert").click();
  const detail = page.getByTestId("alert-detail");
  await expect(detail).toHaveAttribute("data-alert-id", id!);
  await expect(page.getByTestId("alert-message")).not.toBeEmpty();
  await expect(page.getByTestId("alert-how-to-clear")).not.toBeEmpty();
  await expect(page.getByTestId("alert-refs").getByTestId("alert-ref").first()).toBeVisible();
  await screenshot(page, "alerts-detail-1440-zh");

  // Assigned (to oneself: 我来处理) → 处理中; resolved with a note → 已解决, the note in its history.
  await page.getByTestId("alert-start").click();
  await expect(detail).toHaveAttribute("data-alert-status", "IN_PROGRESS");
  await page.getByTestId("alert-resolve-open").click();
  await page.getByTestId("alert-note").fill("已与平台核实，款项下月结算");
  await page.getByTestId("alert-resolve").click();
  await expect(detail).toHaveAttribute("data-alert-status", "RESOLVED");
  await expect(page.getByTestId("alert-history")).toContainText("已与平台核实");
  await screenshot(page, "alerts-resolved-1440-zh");

  // The rules: every type with its thresholds, editable by the owner.
  await page.goto("/settings/alerts");
  await expect(page.getByTestId("alert-rule-OVERDUE_RECEIVABLE")).toBeVisible();
  await expect(page.getByTestId("alert-rule-OVERDUE_RECEIVABLE").getByTestId("alert-threshold-days")).toHaveValue("30");
  await screenshot(page, "alerts-rules-1440-zh");

  // Phone width, then English.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/analysis/alerts");
  await screenshot(page, "alerts-390-zh");
  await page.setViewportSize({ width: 1440, height: 900 });
  await switchLanguage(page, "English");
  await page.goto(`/analysis/alerts?status=all&alert=${id}`);
  await expect(page.getByTestId("alert-detail")).toHaveAttribute("data-alert-status", "RESOLVED");
  await expect(page.locator("main")).not.toContainText("alerts.");
  await screenshot(page, "alerts-detail-1440-en");
  await page.goto("/settings/alerts");
  await screenshot(page, "alerts-rules-1440-en");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/analysis/alerts");
  await screenshot(page, "alerts-390-en");
  await page.setViewportSize({ width: 1440, height: 900 });
  await switchLanguage(page, "中文");
});
