// 自定义报表 as the demo OWNER: the builder shows orders per store and month at once; one dimension
// and one measure add bars beside the table; the spec lives in the URL; the report is saved and
// shared, opened, exported to Excel, duplicated and deleted. Screenshots in Chinese and English at 1440 px. Everything
// is put back at the end (no saved report left, Chinese again), so other specs see the demo as seeded.
import { expect, test } from "@playwright/test";
import { exportedExcel, minor, screenshot, signIn, switchLanguage } from "./helpers";

test("the owner builds, saves, shares, duplicates and deletes a custom report", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, "owner@demo.local");
  await page.goto("/reports/custom");
  await expect(page.getByRole("heading", { name: "自定义报表" })).toBeVisible();

  // The default: orders per store and month, with the 合计 row.
  const table = page.getByTestId("custom-report-table");
  await expect(table.getByRole("columnheader", { name: "店铺" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "实付金额" })).toBeVisible();
  await expect(page.getByTestId("table-totals")).toContainText("合计");
  expect(await page.getByTestId("custom-report-rows").getByRole("row").count()).toBeGreaterThan(0);

  // One dimension and one measure: bars beside the table; the spec is in the URL.
  const builder = page.getByTestId("custom-report-builder");
  await builder.getByRole("checkbox", { name: "月份" }).uncheck();
  await builder.getByRole("checkbox", { name: "笔数" }).uncheck();
  await builder.getByRole("checkbox", { name: "退款金额" }).uncheck();
  await expect(page.getByTestId("custom-report-chart")).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "月份" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/reports\/custom\?spec=[A-Za-z0-9_-]+/);
  await builder.getByRole("combobox", { name: /^排序/ }).selectOption({ label: "实付金额" });
  await builder.getByRole("combobox", { name: "排序方向" }).selectOption({ label: "从小到大" });
  // Smallest paid first: the rows' figures read in order.
  await expect(async () => {
    const figures = (await page.getByTestId("custom-report-rows").locator('td[data-column="paid"]').allTextContents()).map((text) => Number(text.replace(/[^\d.-]/g, "")));
    expect(figures.length).toBeGreaterThan(1);
    expect(figures).toEqual([...figures].sort((x, y) => x - y));
  }).toPass();
  await expect(page).toHaveURL(/spec=/);
  await screenshot(page, "reports-custom-builder-zh");

  // A typed filter value: an order status nobody has leaves the table empty, and is taken back.
  await builder.getByText("订单状态", { exact: true }).last().click();
  const status = builder.getByRole("textbox", { name: "订单状态的取值" });
  await status.fill("不存在的状态");
  await status.press("Enter");
  await expect(page.getByText("没有符合条件的数据。")).toBeVisible();
  await status.fill("");
  await status.press("Enter");
  // The empty table's message is a row too: wait until it is gone and the URL has the spec without it.
  await expect(page.getByText("没有符合条件的数据。")).toHaveCount(0);
  await expect(page.getByTestId("custom-report-rows").locator('td[data-column="paid"]').first()).toBeVisible();

  // A link opens the same report.
  const link = page.url();
  await page.goto(link);
  await expect(page.getByTestId("custom-report-chart")).toBeVisible();

  // Saved and shared, then opened under its own address.
  await builder.getByLabel("报表名称").fill("店铺实付（测试）");
  await builder.getByRole("checkbox", { name: /与公司共享/ }).check();
  await builder.getByRole("button", { name: "保存报表" }).click();
  await expect(page.getByRole("heading", { name: "店铺实付（测试）" })).toBeVisible();
  await expect(page).toHaveURL(/\/reports\/custom\/[0-9a-f-]{36}$/);
  await expect(page.getByText("共享", { exact: true })).toBeVisible();
  await expect(page.getByTestId("custom-report-chart")).toBeVisible();

  // Exported to Excel under its own name, with the page's 合计.
  const pageTotal = minor((await page.getByTestId("table-totals").locator('td[data-column="paid"]').textContent()) ?? "");
  const excel = await exportedExcel(page);
  expect(excel.titleBlock).toContain("店铺实付（测试）");
  expect(excel.totalMinor("实付金额")).toBe(pageTotal);

  // English: the same report in the reader's language.
  await switchLanguage(page, "English");
  await expect(page.getByRole("columnheader", { name: "Paid" })).toBeVisible();
  await expect(page.getByTestId("table-totals")).toContainText("Total");
  await screenshot(page, "reports-custom-saved-en");
  await switchLanguage(page, "中文");

  // The list: duplicate (a private copy), then delete the copy and the original.
  await page.goto("/reports/custom");
  const saved = page.getByTestId("saved-reports");
  await expect(saved.getByRole("link", { name: "店铺实付（测试）" })).toBeVisible();
  await saved.getByRole("listitem").filter({ hasText: "店铺实付（测试）" }).getByRole("button", { name: "复制" }).click();
  await expect(page.getByRole("heading", { name: "店铺实付（测试） 副本" })).toBeVisible();
  await expect(page.getByText("仅自己可见", { exact: true })).toBeVisible();
  await page.goto("/reports/custom");
  await screenshot(page, "reports-custom-list-zh");
  for (const name of ["店铺实付（测试） 副本", "店铺实付（测试）"]) {
    await saved.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) }).getByRole("button", { name: "删除" }).click();
    await expect(saved.getByRole("link", { name, exact: true })).toHaveCount(0);
  }
});
