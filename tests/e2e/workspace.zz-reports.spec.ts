// 报表查询 on the demo company, after workspace.spec.ts reconciled and locked its month and the
// receivables spec ran ("workspace.zz-reports" sorts after both). Each standard report opens on the
// newest month with data; a filter narrows it; a row's figure opens the rows behind it, whose 合计
// is that figure; the Excel file's totals are the page's; the English pages have no raw keys.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { exportedExcel, formAlert, minor, screenshot, signIn, switchLanguage } from "./helpers";

const REPORTS = ["remittance", "sales-comparison", "fees", "rollforward", "differences", "payouts"] as const;

const cell = (row: Locator, column: string) => row.locator(`td[data-column="${column}"]`);

/** Reloads until the receivables the report reads are fresh (the worker's rebuild after the last ledger change). */
async function openFresh(page: Page, path: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByTestId("receivables-freshness")).toHaveAttribute("data-state", "fresh", { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
}

test("报表查询: each standard report, a filter, a drill-down whose 合计 is the figure, Excel with the page's totals", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "报表查询" }).click();
  await expect(page.getByTestId("report-index")).toContainText("回款情况分析");
  await screenshot(page, "reports-index-1440-zh");

  // 回款情况分析 opens on the demo month, per store.
  await openFresh(page, "/reports/remittance");
  const table = page.getByTestId("report-remittance-table");
  await expect(page.getByTestId("report-filters").getByLabel("开始日期")).toHaveValue("2025-03-01");
  await expect(table).toContainText("天猫旗舰店");
  await expect(table.getByTestId("table-totals")).toContainText("合计");
  await screenshot(page, "reports-remittance-1440-zh");

  // Filter to one store: one row, and the 合计 is that row.
  await page.getByTestId("report-filters").getByLabel("店铺").selectOption({ label: "天猫旗舰店" });
  await page.getByTestId("report-filters").getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/store=/);
  const rows = table.locator("tbody tr").filter({ has: page.getByTestId("report-drill") });
  await expect(rows).toHaveCount(1);
  const sales = minor((await cell(rows.first(), "sales").textContent()) ?? "");
  const received = minor((await cell(rows.first(), "received").textContent()) ?? "");
  expect(minor((await cell(table.getByTestId("table-totals"), "sales").textContent()) ?? "")).toBe(sales);

  // Its figure opens its orders; their 合计 is the figure.
  await rows.first().getByTestId("report-drill").click();
  await expect(page).toHaveURL(/\/reports\/remittance\/rows\?.*k\.store=/);
  const drill = page.getByTestId("report-rows-table");
  await expect(drill.locator("tbody tr").first()).toBeVisible();
  expect(minor((await cell(drill.getByTestId("table-totals"), "paid").textContent()) ?? "")).toBe(sales);
  expect(minor((await cell(drill.getByTestId("table-totals"), "received").textContent()) ?? "")).toBe(received);
  await screenshot(page, "reports-remittance-rows-1440-zh");

  // By month, and Excel: the file's 合计 is the page's.
  await page.goto("/reports/remittance?by=month");
  await expect(table).toContainText("2025-03");
  const pageSales = minor((await cell(table.getByTestId("table-totals"), "sales").textContent()) ?? "");
  const excel = await exportedExcel(page);
  expect(excel.totalMinor("销售额（实付）")).toBe(pageSales);
  expect(excel.titleBlock).toContain("回款情况分析");

  // Every standard report opens with its table (or says the period has no data), in Chinese.
  for (const id of REPORTS) {
    await page.goto(`/reports/${id}`);
    await expect(page.getByTestId(`report-${id}-table`)).toBeVisible();
    await expect(page.locator("main")).not.toContainText("reports.");
    await screenshot(page, `reports-${id}-1440-zh`);
  }

  // An account's roll-forward opens its statement rows; their money in and out add up to the account's.
  await page.goto("/reports/rollforward");
  const account = page.getByTestId("report-rollforward-table").locator("tbody tr").filter({ has: page.getByTestId("report-drill") }).first();
  const [moneyIn, moneyOut] = [minor((await cell(account, "in").textContent()) ?? ""), minor((await cell(account, "out").textContent()) ?? "")];
  await account.getByTestId("report-drill").click();
  await expect(page).toHaveURL(/\/reports\/rollforward\/rows\?/);
  expect(minor((await cell(drill.getByTestId("table-totals"), "in").textContent()) ?? "")).toBe(moneyIn);
  expect(minor((await cell(drill.getByTestId("table-totals"), "out").textContent()) ?? "")).toBe(moneyOut);
  await screenshot(page, "reports-rollforward-rows-1440-zh");

  // A filter the report cannot honour says so instead of showing a table.
  await page.goto("/reports/fees?from=2025-04-01&to=2025-03-01");
  await expect(formAlert(page)).toContainText("开始日期不能晚于结束日期");
  await expect(page.getByTestId("report-fees-table")).toHaveCount(0);

  // Phone width, Chinese; then English at both widths.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/reports/remittance");
  await screenshot(page, "reports-remittance-390-zh");
  await page.setViewportSize({ width: 1440, height: 900 });
  await switchLanguage(page, "English");
  for (const id of REPORTS) {
    await page.goto(`/reports/${id}`);
    await expect(page.getByTestId(`report-${id}-table`)).toBeVisible();
    await expect(page.locator("main")).not.toContainText("reports.");
    await screenshot(page, `reports-${id}-1440-en`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/reports/remittance");
  await expect(page.getByRole("heading", { name: "Remittance analysis" })).toBeVisible();
  await screenshot(page, "reports-remittance-390-en");
  await page.setViewportSize({ width: 1440, height: 900 });
  await switchLanguage(page, "中文");
});
