import { expect, test } from "@playwright/test";
import { screenshot, signIn, signUp, uniqueEmail } from "./helpers";

test("English is remembered per user, across sign-outs and devices", async ({ page, browser }) => {
  const email = uniqueEmail("english");
  await signUp(page, "English Test Ltd", email, "english-pass-1");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Reconciliation" })).toBeVisible();
  await screenshot(page, "overview-en");

  // A fresh browser (no cookies) shows Chinese until the user signs in, then English.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto("/login");
  await expect(page2.getByRole("heading", { name: "登录" })).toBeVisible();
  await page2.getByLabel("邮箱").fill(email);
  await page2.getByLabel("密码").fill("english-pass-1");
  await page2.getByRole("button", { name: "登录" }).click();
  await expect(page2.getByRole("heading", { name: "Overview" })).toBeVisible();
  await other.close();
});

test("the audit log shows who changed a store, with before and after", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/settings/stores");
  await page.getByTestId("stores-table").getByRole("row", { name: /抖音小店/ }).getByRole("link", { name: "编辑" }).click();
  const newTerms = String(10 + Math.floor(Math.random() * 20));
  await page.getByLabel("账期", { exact: true }).fill(newTerms);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/stores$/);

  await page.goto("/settings/audit?action=store.");
  const entry = page.getByTestId("audit-rows").getByRole("row").first();
  await expect(entry).toContainText("李强（财务主管）");
  await expect(entry).toContainText("修改店铺");
  await expect(entry).toContainText(`把店铺「抖音小店」的账期从`);
  await expect(entry).toContainText(`改为 ${newTerms} 天`);
  await screenshot(page, "audit-zh");
});
