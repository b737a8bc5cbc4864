// A store's usual fee rates, learned from its confirmed orders, on its settings page: after
// workspace.spec.ts reconciled the demo month ("workspace.zz-…" sorts after it), the worker's
// receivables rebuild has learned the 天猫旗舰店's commission and payment-fee rates. Screenshots in
// Chinese and English at 1440 and 390 px.
import { expect, test } from "@playwright/test";
import { screenshot, signIn, switchLanguage } from "./helpers";

test("店铺设置 shows the fee rates learned from confirmed orders", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.goto("/settings/stores");
  await page.getByRole("row").filter({ hasText: "天猫旗舰店" }).getByRole("link", { name: "编辑" }).click();
  await expect(page).toHaveURL(/\/settings\/stores\/[0-9a-f-]+$/);
  const storeUrl = page.url();
  const rates = page.getByTestId("learned-fee-rates");
  // The worker learns the rates in its rebuild after the run: reload until they are there.
  await expect(async () => {
    await page.goto(storeUrl);
    await expect(rates.locator('tr[data-fee-type="COMMISSION"]')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  const commission = rates.locator('tr[data-fee-type="COMMISSION"]');
  await expect(commission).toContainText("平台佣金");
  await expect(commission).toContainText(/\d+(\.\d+)?%/);
  await expect(commission).toContainText(/\d+ 笔订单（共 \d+ 笔）/);
  await expect(rates.locator('tr[data-fee-type="PAYMENT_FEE"]')).toContainText("支付手续费");
  await expect(page.locator("main")).not.toContainText("stores.learned");
  await screenshot(page, "store-rates-1440-zh");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "store-rates-390-zh");

  await switchLanguage(page, "English");
  await expect(commission).toContainText(/\d+ orders \(of \d+\)/);
  await screenshot(page, "store-rates-390-en");
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, "store-rates-1440-en");
  await switchLanguage(page, "中文");
});
