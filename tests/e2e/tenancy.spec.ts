// A user of organization B gets "not found" for organization A's store and account ids, on pages
// and on server actions (by tampering with the hidden id of B's own edit form).
import { expect, test } from "@playwright/test";
import { firstRecordId, formAlert, screenshot, signIn, signOut, signUp, uniqueEmail } from "./helpers";

test("organization B cannot see or change organization A's stores and accounts", async ({ page }) => {
  await signIn(page, "owner@demo.local");
  const storeA = await firstRecordId(page, "/settings/stores");
  const accountA = await firstRecordId(page, "/settings/accounts");
  const storeAName = await page.goto(`/settings/stores/${storeA}`).then(() => page.getByLabel("店铺名称").inputValue());
  await signOut(page);

  await signUp(page, "乙公司", uniqueEmail("tenant-b"));
  for (const path of [`/settings/stores/${storeA}`, `/settings/accounts/${accountA}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "找不到页面" })).toBeVisible();
  }
  await screenshot(page, "tenant-b-404");

  // B's own store, then the same form pointed at A's id.
  await page.goto("/settings/stores/new");
  await page.getByLabel("店铺名称").fill("乙公司店铺");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/stores$/);
  const storeB = await firstRecordId(page, "/settings/stores");
  await page.goto(`/settings/stores/${storeB}`);
  const storeForm = page.locator("form", { has: page.getByLabel("店铺名称") });
  await storeForm.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), storeA);
  await page.getByLabel("店铺名称").fill("被篡改");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(formAlert(storeForm).first()).toContainText("找不到该记录");

  // The archive action, pointed at A's account.
  await page.goto("/settings/accounts/new");
  await page.getByLabel("账户名称").fill("乙公司账户");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/accounts$/);
  const accountB = await firstRecordId(page, "/settings/accounts");
  await page.goto(`/settings/accounts/${accountB}`);
  const archiveForm = page.locator("form", { has: page.getByRole("button", { name: "归档" }) });
  await archiveForm.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), accountA);
  await archiveForm.getByRole("button", { name: "归档" }).click();
  await expect(formAlert(archiveForm)).toContainText("找不到该记录");
  await signOut(page);

  // A's records are untouched.
  await signIn(page, "owner@demo.local");
  await page.goto(`/settings/stores/${storeA}`);
  await expect(page.getByLabel("店铺名称")).toHaveValue(storeAName);
  await page.goto("/settings/accounts");
  await expect(page.getByTestId("accounts-table")).not.toContainText("已归档");
});
