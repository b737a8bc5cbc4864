import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("an ACCOUNTANT cannot open member settings or the audit log", async ({ page }) => {
  await signIn(page, "accountant@demo.local");
  const nav = page.getByRole("navigation", { name: "主菜单" });
  await expect(nav.getByRole("link", { name: "店铺" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "成员" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "操作日志" })).toHaveCount(0);

  const members = await page.goto("/settings/members");
  expect(members?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  await screenshot(page, "accountant-members-403");

  expect((await page.goto("/settings/audit"))?.status()).toBe(403);
  expect((await page.goto("/settings/stores/new"))?.status()).toBe(403);
});

test("a VIEWER reads stores but gets no edit controls", async ({ page }) => {
  await signIn(page, "viewer@demo.local");
  await page.goto("/settings/stores");
  await expect(page.getByTestId("stores-table")).toContainText("天猫旗舰店");
  await expect(page.getByRole("link", { name: "新建店铺" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
});

test("an ADMIN adds a member by invitation link; the new person chooses their own password", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/settings/members");
  const addForm = page.locator("form", { has: page.getByRole("button", { name: "生成邀请链接" }) });
  // An ADMIN cannot hand out the OWNER role.
  await expect(addForm.getByLabel("角色").locator("option", { hasText: "所有者" })).toHaveCount(0);
  const email = `new-accountant-${Date.now()}@e2e.local`;
  await addForm.getByLabel("邮箱").fill(email);
  await addForm.getByLabel("角色").selectOption({ label: "会计" });
  await addForm.getByRole("button", { name: "生成邀请链接" }).click();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  await expect(page.getByText(email)).toBeVisible(); // listed under open invitations
  await screenshot(page, "admin-invites-member");

  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
  await page.goto(link);
  await page.getByLabel("您的姓名").fill("赵六");
  await page.getByLabel("密码").fill("my-own-password");
  await page.getByRole("button", { name: "接受邀请" }).click();
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("会计");
});
