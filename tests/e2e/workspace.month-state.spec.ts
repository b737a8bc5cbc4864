// Issue 14: a locked month is announced on every workspace page before anyone starts a form, a run
// while a month is locked keeps that month's open proposals and says so, a run can be scoped from
// the page (and leaves the proposals outside its scope alone), and the home page shows the month's
// state. On the demo company, after reconcile.spec.ts made its first run (the file name orders it);
// the lock is set (and always taken back) in the database, so workspace.spec.ts finds March open
// whatever happens here.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { screenshot, signIn } from "./helpers";

const MONTH = "2025-03";

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** March of the demo company locked as a reviewer would leave it: submitted by the accountant, locked by the reviewer. */
async function lockMarch(): Promise<void> {
  await withDb(async (client) => {
    const users = await client.query<{ email: string; id: string; orgId: string }>(
      `SELECT u.email, u.id, m."orgId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email IN ('accountant@demo.local', 'reviewer@demo.local')`,
    );
    const by = (email: string) => users.rows.find((row) => row.email === email)!;
    await client.query(
      `INSERT INTO "Period" ("orgId", month, status, "submittedAt", "submittedById", "lockedAt", "lockedById") VALUES ($1, $2, 'LOCKED', now() - interval '1 hour', $3, now(), $4)
       ON CONFLICT ("orgId", month) DO UPDATE SET status = 'LOCKED', "submittedAt" = EXCLUDED."submittedAt", "submittedById" = EXCLUDED."submittedById", "lockedAt" = EXCLUDED."lockedAt", "lockedById" = EXCLUDED."lockedById"`,
      [by("reviewer@demo.local").orgId, MONTH, by("accountant@demo.local").id, by("reviewer@demo.local").id],
    );
  });
}

async function reopenMarch(): Promise<void> {
  await withDb((client) =>
    client.query(`UPDATE "Period" SET status = 'OPEN' WHERE month = $1 AND "orgId" IN (SELECT m."orgId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'reviewer@demo.local')`, [MONTH]),
  );
}

async function runAndWait(page: Page) {
  const runs = page.getByTestId("reconcile-runs").getByRole("row");
  const before = await runs.count();
  await page.getByRole("button", { name: "开始对账" }).click();
  await expect(runs).toHaveCount(before + 1, { timeout: 15_000 });
  await expect(runs.first()).toContainText("已完成", { timeout: 90_000 });
  return runs.first();
}

const TABS = [
  { path: "/reconcile", name: "overview" },
  { path: "/reconcile/proposals", name: "proposals" },
  { path: "/reconcile/unmatched", name: "unmatched" },
  { path: "/reconcile/approvals", name: "approvals" },
  { path: "/reconcile/matched", name: "matched" },
  { path: "/reconcile/periods", name: "periods" },
];

test.afterAll(reopenMarch);

test("a locked month: the banner on every tab, a run that keeps its proposals and says so", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "accountant@demo.local");
  await page.goto("/reconcile");
  await runAndWait(page);
  await page.goto("/reconcile/proposals");
  const proposals = Number((await page.getByRole("link", { name: /待确认建议/ }).first().textContent())?.replace(/\D/g, ""));
  expect(proposals).toBeGreaterThan(0);

  // Before the lock: no banner anywhere.
  await expect(page.getByTestId("month-state-banner")).toHaveCount(0);

  await lockMarch();
  try {
    // Every tab says March is locked, by whom and when, and what that means — before any form.
    for (const tab of TABS) {
      await page.goto(tab.path);
      const banner = page.getByTestId("month-state-banner");
      await expect(banner, tab.path).toContainText("2025-03 已锁定");
      await expect(banner).toContainText("陈静（复核） 于");
      await expect(banner).toContainText("张敏（会计） 提交");
      await expect(banner).toContainText("不能再匹配、取消匹配或撤销");
      await expect(banner).toContainText("所有者可在“月结”中重新打开");
    }
    // A view that does not reach March does not warn about it; one that does, does.
    await page.goto("/reconcile/matched?from=2025-04-01");
    await expect(page.getByTestId("month-state-banner")).toHaveCount(0);
    await page.goto("/reconcile/unmatched?lfrom=2025-04-01&rfrom=2025-03-20");
    await expect(page.getByTestId("month-state-banner")).toContainText("2025-03 已锁定");

    // The proposals of the locked month say so and cannot be selected (confirming would fail).
    await page.goto("/reconcile/proposals?from=2025-03-01&to=2025-03-31");
    const first = page.getByTestId("group-row").first();
    await expect(first).toContainText("该月已锁定");
    // No checkbox to pick it with (confirming it would only be refused).
    await expect(first.getByRole("checkbox")).toHaveCount(0);

    // A run now keeps March's open proposals and says so on the overview.
    await page.goto("/reconcile");
    await runAndWait(page);
    const notice = page.getByRole("status").filter({ hasText: "已锁定月份（2025-03）本次未处理" });
    await expect(notice).toContainText("组待确认建议原样保留");
    const kept = Number(/原有 (\d+) 组待确认建议原样保留/.exec((await notice.textContent()) ?? "")?.[1]);
    expect(kept).toBeGreaterThan(0);
    // None of them was lost: the tab still counts every proposal.
    await expect(page.getByRole("link", { name: /待确认建议/ }).first()).toContainText(String(proposals));
    await screenshot(page, "month-state-run-notice-zh");

    // Screenshots of every tab with the banner, and of the home page, at both widths in both languages.
    for (const language of ["zh", "en"] as const) {
      if (language === "en") {
        await page.getByRole("button", { name: "English" }).click();
        await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
      }
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const tab of [{ path: `/?month=${MONTH}`, name: "home" }, ...TABS]) {
          await page.goto(tab.path);
          await expect(page.getByTestId(tab.name === "home" ? "month-state" : "month-state-banner")).toBeVisible();
          // The home page does not scroll sideways (the workspace tabs' tables scroll inside themselves).
          if (tab.name === "home") expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `home at ${width}`).toBeLessThanOrEqual(0);
          await screenshot(page, `month-state-${tab.name}-${width}-${language}`);
        }
      }
    }
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
    await page.setViewportSize({ width: 1280, height: 720 });
  } finally {
    await reopenMarch();
  }
});

test("the home page shows the month's state, and a run scoped to a store leaves the others' proposals alone", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "accountant@demo.local");
  await page.goto(`/?month=${MONTH}`);
  const month = page.getByTestId("month-state");
  await expect(month).toContainText("2025-03 对账情况");
  await expect(month).toContainText("未提交");
  await expect(page.getByTestId("money-expected")).toContainText("¥");
  await expect(page.getByTestId("money-received")).toContainText("¥");
  await expect(page.getByText("自动对账即将上线")).toHaveCount(0);
  // The to-do links open the workspace on the month.
  await month.locator('[data-todo="orders"]').getByRole("link").click();
  await expect(page).toHaveURL(/\/reconcile\/unmatched\?left=orders&lfrom=2025-03-01&lto=2025-03-31/);

  // A run for one store only: the runs table and the notice name the scope.
  await page.goto("/reconcile");
  const form = page.getByTestId("run-form");
  await form.getByLabel("店铺").selectOption({ label: "天猫旗舰店" });
  const run = await runAndWait(page);
  await expect(run.getByTestId("run-scope")).toHaveText("天猫旗舰店");
  await expect(page.getByRole("status").filter({ hasText: "最近一次对账只处理了 天猫旗舰店" })).toContainText("待确认建议原样保留");

  // A month that is not YYYY-MM is refused with a message (typed where the browser has no month picker).
  await form.getByLabel("店铺").selectOption({ label: "全部店铺" });
  await form.getByLabel("月份").evaluate((input: HTMLInputElement) => {
    input.type = "text";
    input.value = "2025-13";
  });
  await page.getByRole("button", { name: "开始对账" }).click();
  await expect(form.getByRole("alert")).toContainText("请按“年-月”填写月份");
});
