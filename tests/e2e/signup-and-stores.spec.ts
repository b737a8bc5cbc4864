import { expect, test } from "@playwright/test";
import { formAlert, screenshot, signIn, signOut, signUp, uniqueEmail } from "./helpers";

test("sign up → create a store → sign out → sign in again", async ({ page }) => {
  const email = uniqueEmail("founder");
  await signUp(page, "杭州测试电子商务有限公司", email, "founder-pass-1");
  await expect(page.getByText("还没有店铺。")).toBeVisible();

  await page.getByRole("link", { name: "店铺", exact: true }).click();
  await page.getByRole("link", { name: "新建店铺" }).click();
  await page.getByLabel("店铺名称").fill("拼多多测试店");
  await page.getByLabel("平台").selectOption({ label: "拼多多" });
  await page.getByLabel("合同费率（%）").fill("abc");
  await page.getByRole("button", { name: "保存" }).click();
  // A field error in the user's language, and nothing saved.
  await expect(page.getByText("请输入 0 到 100 之间的百分比")).toBeVisible();
  // What was typed survives the error.
  await expect(page.getByLabel("店铺名称")).toHaveValue("拼多多测试店");
  await expect(page.getByLabel("平台")).toHaveValue("PDD");
  await screenshot(page, "store-form-error-zh");

  await page.getByLabel("合同费率（%）").fill("0.6");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/stores$/);
  const row = page.getByTestId("stores-table").getByRole("row", { name: /拼多多测试店/ });
  await expect(row).toContainText("拼多多");
  await expect(row).toContainText("0.6%");

  await signOut(page);
  await signIn(page, email, "founder-pass-1");
  await expect(page.getByTestId("overview-stores")).toContainText("拼多多测试店");
});

test("a wrong password gets the same message as an unknown e-mail", async ({ page }) => {
  for (const email of ["owner@demo.local", uniqueEmail("nobody")]) {
    await page.goto("/login");
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(formAlert(page)).toHaveText("邮箱或密码不正确。");
  }
});

test("the demo company's stores and accounts show in the Chinese app shell", async ({ page }) => {
  await signIn(page, "owner@demo.local");
  const nav = page.getByRole("navigation", { name: "主菜单" });
  for (const label of ["数据导入", "对账处理", "回款管理", "报表查询", "数据分析", "数据导出", "店铺", "资金账户", "成员", "操作日志"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }
  await expect(page.getByTestId("overview-stores")).toContainText("天猫旗舰店");
  await expect(page.getByTestId("overview-accounts")).toContainText("招商银行基本户");
  // Account numbers are masked everywhere.
  await expect(page.getByTestId("overview-accounts")).toContainText("···· 5678");
  await expect(page.locator("body")).not.toContainText("6214830012345678");
  await screenshot(page, "overview-zh");

  // Every module is built: 数据分析 opens on its charts.
  await nav.getByRole("link", { name: "数据分析" }).click();
  await expect(page.getByRole("heading", { name: "数据分析" })).toBeVisible();
  await expect(page.getByTestId("analysis-chart-aging")).toBeVisible();
});
