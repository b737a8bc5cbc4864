// Issue 12: sessions end at sign-out, every response carries the security headers (and the pages
// still work under the CSP), and the upload route refuses forged origins and foreign ids.
import { expect, test, type Page } from "@playwright/test";
import { firstRecordId, signIn, signOut, signUp, uniqueEmail } from "./helpers";

const CSV = "交易日期,摘要,收入,支出,余额,对方户名\n2025-03-02,货款,1280.50,,51280.50,杭州某某贸易有限公司\n";

test("a session cookie saved before sign-out no longer reaches the app", async ({ page, browser, baseURL }) => {
  await signIn(page, "accountant@demo.local");
  const savedCookies = await page.context().cookies();
  await signOut(page);

  const replay = await browser.newContext({ baseURL });
  await replay.addCookies(savedCookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/");
  await expect(replayPage).toHaveURL(/\/login/);
  const upload = await replayPage.request.post("/api/imports?fileName=x.csv", {
    data: CSV,
    headers: { origin: new URL(baseURL!).origin },
  });
  expect(upload.status()).toBe(401);
  await replay.close();
});

test("responses carry the security headers; no HSTS over plain http", async ({ page }) => {
  for (const path of ["/login", "/api/auth/csrf"]) {
    const headers = (await page.request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  const csp = (await page.request.get("/login")).headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
});

/** Records CSP violations and console errors the page reports. */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `CSP: ${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test("key pages work under the CSP without violations", async ({ page }) => {
  const problems = await watchForViolations(page);
  await signIn(page, "owner@demo.local"); // the login page, hydrated: the form posts through next-auth's client
  const pages: [path: string, heading: string][] = [
    ["/", "概览"],
    ["/import", "数据导入"],
    ["/reconcile/unmatched", "未匹配"],
    ["/settings/stores", "店铺"],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
  }
  // Picking a row and client navigation need the hydrated, nonce'd scripts.
  await page.goto("/reconcile/unmatched");
  await page.getByTestId("pane-left-rows").getByRole("checkbox").first().check();
  await expect(page.getByText("左侧合计 (1)")).toBeVisible();
  await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "数据导入" }).click();
  await expect(page).toHaveURL(/\/import$/);
  expect(problems).toEqual([]);
});

test("the upload route refuses a forged or missing Origin", async ({ page, baseURL }) => {
  await signIn(page, "accountant@demo.local");
  const forged = await page.request.post("/api/imports?fileName=x.csv", { data: CSV, headers: { origin: "https://evil.example" } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error).toBe("请求来源不是本站，已拒绝。");
  const missing = await page.request.post("/api/imports?fileName=x.csv", { data: CSV });
  expect(missing.status()).toBe(403);

  const sameOrigin = await page.request.post("/api/imports?fileName=x.csv", { data: CSV, headers: { origin: new URL(baseURL!).origin } });
  expect(sameOrigin.status()).toBe(201);
});

test("the upload route answers 404 with a message for another company's, random or malformed ids", async ({ page, baseURL }) => {
  await signIn(page, "owner@demo.local");
  const storeA = await firstRecordId(page, "/settings/stores");
  const accountA = await firstRecordId(page, "/settings/accounts");
  await signOut(page);

  await signUp(page, "丙公司", uniqueEmail("tenant-c"));
  const origin = new URL(baseURL!).origin;
  const cases: [string, string][] = [
    [`storeId=${storeA}`, "找不到该店铺。"],
    ["storeId=0190a1b2-0000-7000-8000-000000000000", "找不到该店铺。"],
    ["storeId=not-a-uuid", "找不到该店铺。"],
    [`fundAccountId=${accountA}`, "找不到该资金账户。"],
    ["fundAccountId=0190a1b2-0000-7000-8000-000000000000", "找不到该资金账户。"],
  ];
  for (const [query, message] of cases) {
    const response = await page.request.post(`/api/imports?fileName=x.csv&${query}`, { data: CSV, headers: { origin } });
    expect(response.status(), query).toBe(404);
    expect((await response.json()).error, query).toBe(message);
  }
});
