// Statements that must never be read wrong, in the browser: a camt.053 holding two accounts is refused
// until one account is chosen (never merged), and a card statement's spending, printed positive by
// the bank, previews as money out.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { screenshot, signIn, switchLanguage } from "./helpers";

const sample = (name: string) => readFileSync(path.resolve("tests/samples/import", name));
const stamp = Date.now();

test("a statement file of two accounts is imported one account at a time", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/import");
  await page.getByLabel("选择文件").setInputFiles({ name: `camt053-${stamp}.xml`, mimeType: "application/xml", buffer: sample("statements/camt053-two-accounts.v2.xml") });
  await expect(page.getByText("这个文件包含 2 个账户的流水")).toBeVisible();
  const form = page.getByTestId("statement-account-form");
  await expect(form.getByLabel("只导入这个账户的流水").locator("option")).toHaveText(["NL26VAYB8060476890", "NL91ABNA0417164300"]);
  await screenshot(page, "import-several-accounts-zh");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "import-several-accounts-390-zh");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1440, height: 900 });

  await form.getByLabel("只导入这个账户的流水").selectOption("NL91ABNA0417164300");
  await form.getByRole("button", { name: "读取该账户" }).click();
  await expect(page.getByText("待确认")).toBeVisible();
  await expect(page.getByText("NL91ABNA0417164300").first()).toBeVisible();
  await expect(page.getByTestId("sample-rows")).toBeVisible();
  await switchLanguage(page, "English");
  await screenshot(page, "import-several-accounts-chosen-en");
  await switchLanguage(page, "中文");
});

test("a card statement's spending previews as money out", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/import");
  await page.getByLabel("选择文件").setInputFiles({ name: `招商信用卡-${stamp}.csv`, mimeType: "text/csv", buffer: sample("cmb-credit-card-statement.csv") });
  await expect(page.getByText("待确认").first()).toBeVisible();
  await expect(page.getByText("招商银行信用卡").first()).toBeVisible();
  const rows = page.getByTestId("sample-rows");
  // 掌上生活还款 printed −1500.00 is a repayment (money in); the 23.50 purchase is money out.
  await expect(rows.getByRole("row").filter({ hasText: "掌上生活还款" })).toContainText("¥1,500.00");
  await expect(rows.getByRole("row").filter({ hasText: "示例便利店" })).toContainText("-¥23.50");
  await screenshot(page, "import-card-statement-zh");
  await switchLanguage(page, "English");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "import-card-statement-390-en");
  await page.setViewportSize({ width: 1440, height: 900 });
  await switchLanguage(page, "中文");
});
