// public/ and the theme: the favicon and the logo are served, the pages point at them, and the
// shell draws with the theme tokens from tailwind.config.ts (loaded with @config).
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("the favicon and the logo are served and used", async ({ page }) => {
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
  const logo = await page.request.get("/logo.svg");
  expect(logo.status()).toBe(200);
  expect(logo.headers()["content-type"]).toContain("image/svg+xml");

  await page.goto("/login");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  const cardLogo = page.getByTestId("app-logo");
  await expect(cardLogo).toBeVisible();
  expect(await cardLogo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);

  await signIn(page, "owner@demo.local");
  const sidebar = page.locator("aside");
  await expect(sidebar.getByTestId("app-logo")).toBeVisible();
  // bg-shell is a token of tailwind.config.ts: without @config it would not exist and stay transparent.
  expect(await sidebar.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(15, 23, 42)");
  await screenshot(page, "shell-with-logo");
});

test("at 390 px the navigation is a menu button, and pages do not scroll sideways", async ({ page }) => {
  await signIn(page, "owner@demo.local");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator("aside")).toBeHidden();
  await page.getByRole("button", { name: "打开菜单" }).click();
  const menu = page.getByRole("dialog", { name: "主菜单" });
  await expect(menu).toBeVisible();
  await screenshot(page, "mobile-menu-open");
  await menu.getByRole("link", { name: "数据导入" }).click();
  await expect(page).toHaveURL(/\/import$/);
  await expect(menu).toBeHidden();
  for (const path of ["/", "/import", "/reconcile", "/reconcile/unmatched", "/settings/stores", "/settings/matching-rules"]) {
    await page.goto(path);
    // Wide tables scroll inside their own box; the page itself never does.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }
  await page.getByRole("button", { name: "打开菜单" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "主菜单" })).toBeHidden();
});
