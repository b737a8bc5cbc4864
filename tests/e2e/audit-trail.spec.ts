// The audit log reads like an audit trail (issue 14): a real change made in this test shows up with
// the person's name (e-mail on hover), the time in the company's clock, the change in words with
// rates in percent and money in yuan (never CN¥, never raw JSON), and the filters work — a start
// date after the end date is refused with a message.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { screenshot, signUp, uniqueEmail } from "./helpers";

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function shanghaiToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

function auditRows(page: Page): Locator {
  return page.getByTestId("audit-rows").getByRole("row");
}

/** The filter form: the table's column menu has checkboxes named like some filters. */
function filters(page: Page): Locator {
  return page.getByTestId("audit-filters");
}

async function switchLanguage(page: Page, name: "English" | "中文") {
  await page.getByRole("button", { name }).click();
  await expect(page.getByRole("button", { name })).toHaveAttribute("aria-pressed", "true");
}

test("a store's fee rate change and a tolerance change read as sentences with name, local time, percent and yuan", async ({ page }) => {
  const email = uniqueEmail("audit");
  const store = `审计测试店${Date.now() % 10_000}`;
  await signUp(page, "审计日志测试有限公司", email, "audit-pass-1");

  // A store at 0.6 %, then changed to 0.5 %.
  await page.goto("/settings/stores/new");
  await page.getByLabel("店铺名称").fill(store);
  await page.getByLabel("平台").selectOption({ label: "天猫" });
  await page.getByLabel("合同费率（%）").fill("0.6");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/stores$/);
  await page.getByTestId("stores-table").getByRole("row", { name: new RegExp(store) }).getByRole("link", { name: "编辑" }).click();
  await page.getByLabel("合同费率（%）").fill("0.5");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/stores$/);

  // The amount tolerance from ¥1.00 to ¥2.50: money in the log.
  await page.goto("/settings/matching-rules");
  await page.getByLabel("金额容差（元）").fill("2.5");
  await page.getByRole("button", { name: "保存规则" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存为第 1 版。" })).toBeVisible();

  await page.goto("/settings/audit");
  const newest = auditRows(page).first();
  await expect(newest).toContainText("修改了匹配规则（默认规则 → 第 1 版）：金额容差从 ¥1.00 改为 ¥2.50");
  const update = auditRows(page).filter({ hasText: "修改店铺" });
  await expect(update).toHaveCount(1);
  await expect(update).toContainText(`把店铺「${store}」的费率从 0.6% 改为 0.5%`);
  // Who by name, the e-mail on hover.
  const actor = update.locator('td[data-column="actor"]');
  await expect(actor).toHaveText("测试员");
  await expect(actor).toHaveAttribute("title", `测试员 <${email}>`);
  // When in the company's clock, to the second.
  const time = (await update.locator('td[data-column="time"]').textContent())!.trim();
  expect(time).toMatch(TIME);
  expect(time.slice(0, 10)).toBe(shanghaiToday());
  await expect(auditRows(page).filter({ hasText: `新建了店铺「${store}」（天猫，费率 0.6%，账期 7 天）` })).toHaveCount(1);
  await expect(auditRows(page).filter({ hasText: "创建了公司「审计日志测试有限公司」" })).toHaveCount(1);
  // No raw JSON or ids as the main text; the raw record waits in the row's detail.
  await expect(page.getByTestId("audit-rows")).not.toContainText("{");
  await update.getByRole("button", { name: "展开" }).click();
  const detail = page.getByTestId("audit-detail");
  await expect(detail).toContainText("原始记录");
  await expect(detail).toContainText("合同费率");
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, "audit-trail-1440-zh");

  // Filters: by kind, by what it is about, by person, by days.
  await filters(page).getByLabel("操作类型").selectOption({ label: "修改店铺" });
  await filters(page).getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=store\.update/);
  await expect(auditRows(page)).toHaveCount(1);
  await expect(auditRows(page).first()).toContainText("费率从 0.6% 改为 0.5%");

  await page.goto("/settings/audit");
  await filters(page).getByLabel("对象").fill(store);
  await filters(page).getByRole("button", { name: "筛选" }).click();
  await expect(auditRows(page)).toHaveCount(2);
  await expect(page.getByTestId("table-page")).toContainText("共 2 条");

  await page.goto("/settings/audit");
  await filters(page).getByLabel("操作人").selectOption({ label: `测试员（${email}）` });
  await filters(page).getByRole("button", { name: "筛选" }).click();
  await expect(auditRows(page)).toHaveCount(4);

  await page.goto("/settings/audit");
  await filters(page).getByLabel("开始日期").fill("2025-12-31");
  await filters(page).getByLabel("结束日期").fill("2025-12-01");
  await filters(page).getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("audit-from-error")).toHaveText("开始日期不能晚于结束日期。");
  await expect(filters(page).getByLabel("开始日期")).toHaveAttribute("aria-invalid", "true");
  await expect(auditRows(page)).toHaveCount(1);
  await expect(auditRows(page).first()).toHaveText("请先修正筛选条件。");

  await filters(page).getByLabel("开始日期").fill(shanghaiToday());
  await filters(page).getByLabel("结束日期").fill(shanghaiToday());
  await filters(page).getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("audit-from-error")).toHaveCount(0);
  await expect(auditRows(page)).toHaveCount(4);

  // English: the same entries in English sentences, yuan as ¥.
  await page.goto("/settings/audit");
  await switchLanguage(page, "English");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(auditRows(page).first()).toContainText("Changed the matching rules (the defaults → version 1): amount tolerance from ¥1.00 to ¥2.50");
  await expect(auditRows(page).filter({ hasText: "Store changed" })).toContainText(`Changed the store “${store}”: fee rate from 0.6% to 0.5%`);
  await expect(page.getByTestId("audit-rows")).not.toContainText("CN¥");
  await screenshot(page, "audit-trail-1440-en");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "audit-trail-390-en");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.setViewportSize({ width: 1440, height: 900 });
  await switchLanguage(page, "中文");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { name: "操作日志" })).toBeVisible();
  await screenshot(page, "audit-trail-390-zh");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
