import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { expect, test, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@e2e.local`;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("navigation", { name: "主菜单" })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Registers a new company through the sign-up page and lands in its (empty) app shell. */
export async function signUp(page: Page, company: string, email: string, password = "password-e2e"): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("公司名称").fill(company);
  await page.getByLabel("您的姓名").fill("测试员");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
}

/** The id of the first store / account on a settings list, read from its edit link. */
export async function firstRecordId(page: Page, listPath: string): Promise<string> {
  await page.goto(listPath);
  const href = await page.getByRole("link", { name: "编辑" }).first().getAttribute("href");
  const id = href?.split("/").pop();
  if (!id) throw new Error(`no record on ${listPath}`);
  return id;
}

/** Messages our forms show; Next's route announcer also has role="alert", so it is excluded. */
export function formAlert(scope: Page | Locator): Locator {
  return scope.locator('[role="alert"]:not(#__next-route-announcer__)');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** An amount as the pages print it ("¥1,234.50", "-¥3.00", "US$12.00") → minor units. */
export function minor(text: string): bigint {
  const clean = text.replace(/[^\d.-]/g, "");
  const [whole = "0", fraction = ""] = clean.replace("-", "").split(".");
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2) || "0");
  return clean.startsWith("-") ? -value : value;
}

/** Switches the interface language with the header's switch and waits until it took. */
export async function switchLanguage(page: Page, name: "English" | "中文"): Promise<void> {
  await page.getByRole("button", { name }).click();
  await expect(page.getByRole("button", { name })).toHaveAttribute("aria-pressed", "true");
}

/**
 * Clicks 导出 Excel and reads the downloaded workbook: its title block as text, and the 合计 row's
 * value under a header, in minor units.
 */
export async function exportedExcel(page: Page): Promise<{ titleBlock: string; totalMinor: (header: string) => bigint }> {
  const waiting = page.waitForEvent("download", { timeout: 90_000 });
  await page.getByRole("button", { name: "导出 Excel" }).click();
  const download = await waiting;
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.views[0] as { ySplit?: number }).ySplit ?? 0;
  const labels = sheet.getRow(header).values as unknown[];
  const last = sheet.getRow(sheet.rowCount);
  return {
    titleBlock: Array.from({ length: header - 1 }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).join(" ")).join("\n"),
    totalMinor: (label: string) => BigInt(Math.round(Number(last.getCell(labels.indexOf(label)).value) * 100)),
  };
}
