// 匹配规则: the owner edits the rules (a bad value is refused next to its field, the rest kept),
// saves a new version, sees it in the audit log, and restores the defaults; an ACCOUNTANT only reads.
import { expect, test, type Page } from "@playwright/test";
import { formAlert, screenshot, signIn } from "./helpers";

async function currentVersion(page: Page): Promise<number> {
  const code = (await page.getByTestId("rules-version").locator("code").textContent())!.trim();
  return code === "default-1" ? 0 : Number(code.replace("org-v", ""));
}

test("the owner changes the date window and tolerance and saves a new version", async ({ page }) => {
  await signIn(page, "owner@demo.local");
  await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "匹配规则" }).click();
  await expect(page.getByRole("heading", { name: "匹配规则" })).toBeVisible();
  const version = await currentVersion(page);

  // A value outside the schema's range: the error sits next to the field, the other input stays.
  await page.getByLabel("日期窗口（天）").fill("61");
  await page.getByLabel("金额容差（元）").fill("2.5");
  await page.getByRole("button", { name: "保存规则" }).click();
  await expect(page.locator("#dateWindowDays-error")).toHaveText("不能大于 60。");
  await expect(page.getByLabel("金额容差（元）")).toHaveValue("2.5");
  expect(await currentVersion(page)).toBe(version);
  await screenshot(page, "matching-rules-error");

  await page.getByLabel("日期窗口（天）").fill("5");
  await page.getByRole("button", { name: "保存规则" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已保存为第 ${version + 1} 版。` })).toBeVisible();
  await expect(page.getByTestId("rules-version")).toContainText(`org-v${version + 1}`);
  await expect(page.getByTestId("rules-version")).toContainText("owner@demo.local");
  await expect(page.getByLabel("日期窗口（天）")).toHaveValue("5");
  await expect(page.getByLabel("金额容差（元）")).toHaveValue("2.50");
  await screenshot(page, "matching-rules-zh");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Matching rules" })).toBeVisible();
  await screenshot(page, "matching-rules-en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "匹配规则" })).toBeVisible();

  await page.goto("/settings/audit?action=reconcileRules.");
  const entry = page.getByTestId("audit-rows").getByRole("row").first();
  await expect(entry).toContainText("修改匹配规则");
  await expect(entry).toContainText(`第 ${version + 1} 版`);
  await expect(entry).toContainText("日期窗口从 3 天 改为 5 天");
  await expect(entry).toContainText("金额容差从 ¥1.00 改为 ¥2.50");

  // Back to the defaults, as a version of its own (so later tests run on the usual rules).
  await page.goto("/settings/matching-rules");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "恢复默认值" }).click();
  await expect(page.getByTestId("rules-version")).toContainText(`org-v${version + 2}`);
  await expect(page.getByLabel("日期窗口（天）")).toHaveValue("3");
  await expect(page.getByLabel("金额容差（元）")).toHaveValue("1.00");
});

test("an ACCOUNTANT reads the rules but cannot save them", async ({ page }) => {
  await signIn(page, "accountant@demo.local");
  await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "匹配规则" }).click();
  await expect(page.getByRole("heading", { name: "匹配规则" })).toBeVisible();
  await expect(page.getByText("您的角色只能查看匹配规则")).toBeVisible();
  await expect(page.getByRole("button", { name: "保存规则" })).toHaveCount(0);
  await expect(page.getByLabel("日期窗口（天）")).toBeDisabled();
  const version = await currentVersion(page);

  // Submitting the form anyway (no button needed) is refused by the server.
  await page.getByTestId("matching-rules-form").evaluate((form: HTMLFormElement) => form.requestSubmit());
  await expect(formAlert(page)).toContainText("您的角色没有执行此操作的权限。");
  await page.reload();
  expect(await currentVersion(page)).toBe(version);
  await screenshot(page, "matching-rules-accountant");
});
