// 回款设置 as the demo OWNER: aging buckets with their live preview (a non-increasing list refused
// next to its field), follow-up levels started from the defaults and edited, a clash of days
// refused; the store's automatic-confirmation days. Screenshots at 1440 and 390 px, zh and en.
// Everything is put back at the end, so the other specs see the demo company as seeded.
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

async function switchLanguage(page: Page, name: "English" | "中文") {
  await page.getByRole("button", { name }).click();
  await expect(page.getByRole("button", { name })).toHaveAttribute("aria-pressed", "true");
}

async function noSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test("the owner sets the aging buckets and edits a follow-up level", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "回款设置" }).click();
  await expect(page.getByRole("heading", { name: "回款设置" })).toBeVisible();

  // The defaults, previewed as the 回款管理 page ages.
  const overdue = page.getByLabel("逾期分段（逾期天数）");
  await expect(overdue).toHaveValue("7, 30, 60, 90");
  await expect(page.getByTestId("preview-not-due")).toContainText("30 天以上8–30 天0–7 天");
  await expect(page.getByTestId("preview-overdue")).toContainText("1–7 天8–30 天31–60 天61–90 天90 天以上");

  // A list that does not increase: the preview says so as it is typed, the server refuses it by the field.
  await overdue.fill("15, 45, 45");
  await expect(page.getByTestId("preview-overdue")).toContainText("天数有误");
  await page.getByRole("button", { name: "保存分段" }).click();
  await expect(page.locator("#overdueBucketDays-error")).toHaveText("逾期分段：天数须从小到大且不重复，例如 7, 30, 60, 90。");

  await overdue.fill("15，45 90");
  await expect(page.getByTestId("preview-overdue")).toContainText("1–15 天16–45 天46–90 天90 天以上");
  await page.getByRole("button", { name: "保存分段" }).click();
  await expect(page.getByRole("status").filter({ hasText: "账龄分段已保存。" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("逾期分段（逾期天数）")).toHaveValue("15, 45, 90");
  await expect(page.getByText("本公司自定义分段")).toBeVisible();

  // Levels: the defaults, then the company's own copy to edit.
  const levels = page.getByTestId("levels-table");
  await expect(levels.getByRole("row")).toHaveCount(4);
  await expect(levels).toContainText("催办");
  await expect(levels).toContainText("联系平台客服，记下工单号");
  await expect(levels.getByText("默认").first()).toBeVisible();
  await screenshot(page, "receivable-settings-defaults-zh");
  await page.getByRole("button", { name: "以默认级别为起点编辑" }).click();
  await expect(page.getByRole("button", { name: "编辑级别「催办」" })).toBeVisible();
  await expect(levels.getByText("默认")).toHaveCount(0);

  await page.getByRole("button", { name: "编辑级别「催办」" }).click();
  const dialog = page.getByRole("dialog", { name: "编辑跟进级别" });
  await dialog.getByLabel("从逾期第几天起").fill("1");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.locator("#days-error")).toHaveText("已有从逾期 1 天起的跟进级别，请换一个天数或修改那个级别。");
  await dialog.getByLabel("从逾期第几天起").fill("15");
  await dialog.getByLabel("处理方式").fill("联系平台客服，记下工单号；三天后再查");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(levels.getByRole("row").nth(1)).toContainText("第 15 天起");
  await expect(levels.getByRole("row").nth(0)).toContainText("逾期 1–14 天");
  await expect(levels.getByRole("row").nth(1)).toContainText("三天后再查");
  await screenshot(page, "receivable-settings-1440-zh");

  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "receivable-settings-390-zh");
  await noSidewaysScroll(page, 390);
  await switchLanguage(page, "English");
  await expect(page.getByRole("heading", { name: "Collection settings" })).toBeVisible();
  await expect(page.getByTestId("preview-overdue")).toContainText("1–15 days16–45 days46–90 daysover 90 days");
  await screenshot(page, "receivable-settings-390-en");
  await noSidewaysScroll(page, 390);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole("button", { name: "Add level" }).click();
  await screenshot(page, "receivable-settings-add-1440-en");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await screenshot(page, "receivable-settings-1440-en");
  await switchLanguage(page, "中文");

  // Each change reads as a sentence in the audit log.
  await page.goto("/settings/audit?action=followUpLevel.update");
  await expect(page.getByTestId("audit-rows").getByRole("row").first()).toContainText("把跟进级别「催办」的起始逾期天数从 8 天 改为 15 天");

  // Put back: the default buckets, and no levels of the company's own.
  await page.goto("/settings/receivables");
  await page.getByRole("button", { name: "恢复默认" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已恢复默认账龄分段。" })).toBeVisible();
  await expect(page.getByLabel("逾期分段（逾期天数）")).toHaveValue("7, 30, 60, 90");
  for (const name of ["坏账评估", "升级", "催办"]) {
    await page.getByRole("button", { name: `删除级别「${name}」` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "删除" }).click();
    await expect(page.getByRole("button", { name: `删除级别「${name}」` })).toHaveCount(0);
  }
  await page.getByRole("button", { name: "删除级别「提醒」" }).click();
  await expect(page.getByRole("dialog")).toContainText("删除后将恢复使用默认级别");
  await page.getByRole("dialog").getByRole("button", { name: "删除" }).click();
  await expect(page.getByRole("button", { name: "以默认级别为起点编辑" })).toBeVisible();
});

test("a store's automatic-confirmation days: the platform default as a placeholder, whole days 0–90", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.goto("/settings/stores");
  const firstRow = page.getByTestId("stores-table").getByRole("row").first();
  const storeName = (await firstRow.locator("td").first().textContent())!.trim();
  await expect(firstRow.getByTestId("store-auto-confirm")).toContainText(/默认 1[24] 天/);
  await firstRow.getByRole("link", { name: "编辑" }).click();

  const field = page.getByLabel("自动确认收货天数");
  await expect(field).toHaveValue("");
  await page.getByLabel("平台").selectOption("AMAZON");
  await expect(field).toHaveAttribute("placeholder", "默认 14 天");
  await page.getByLabel("平台").selectOption("PDD");
  await expect(field).toHaveAttribute("placeholder", "默认 12 天");
  await page.goto(page.url()); // leave the platform as it was

  await field.fill("91");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#autoConfirmDays-error")).toHaveText("自动确认收货天数须为 0 到 90 之间的整数；留空则使用平台默认天数。");
  await screenshot(page, "store-auto-confirm-error-zh");
  await page.getByLabel("自动确认收货天数").fill("15");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/stores$/);
  const row = page.getByTestId("stores-table").getByRole("row").filter({ hasText: storeName });
  await expect(row.getByTestId("store-auto-confirm")).toHaveText("15 天");
  await screenshot(page, "stores-auto-confirm-zh");

  await page.goto("/settings/audit?action=store.update");
  await expect(page.getByTestId("audit-rows").getByRole("row").first()).toContainText("自动确认收货天数从 平台默认 改为 15 天");

  // Back to the platform's default.
  await page.goto("/settings/stores");
  await row.getByRole("link", { name: "编辑" }).click();
  await page.getByLabel("自动确认收货天数").fill("");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/stores$/);
  await expect(page.getByTestId("stores-table").getByRole("row").filter({ hasText: storeName }).getByTestId("store-auto-confirm")).toContainText("默认");
});
