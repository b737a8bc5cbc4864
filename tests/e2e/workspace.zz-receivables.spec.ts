// 回款管理 on the demo company, after workspace.spec.ts reconciled and locked its month (file order:
// "workspace.zz-" sorts after every other workspace spec). The worker rebuilds the receivables
// shortly after each ledger change, so the test first waits for the page to say its figures are
// fresh. Then: the overview's per-store figures and aging table; an aging figure opens exactly its
// orders, whose 合计 is that figure; the drawer; the OWNER follows an order up (owner, next date,
// note) and finds it under 我的跟进; a bulk assignment; the English page; a VIEWER's read-only view.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { exportedExcel, minor, screenshot, signIn, switchLanguage } from "./helpers";

const OWNER_NAME = "王芳（老板）";
const ACCOUNTANT_NAME = "张敏（会计）";
/** An as-of day a few weeks after the demo month: its orders fall into several buckets. */
const AS_OF = "2025-04-10";

/** The drawer is fixed to the window: a full-page shot would cut it off, so it is shot as the window shows it. */
async function drawerShot(page: Page, name: string) {
  await page.getByTestId("receivable-drawer").getByTestId("drawer-body").evaluate((body) => body.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

/** Reloads until the page says its figures are fresh (the worker's rebuild after the last ledger change). */
async function waitForFreshFigures(page: Page, path: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByTestId("receivables-freshness")).toHaveAttribute("data-state", "fresh", { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
}

/** An aging cell of a CNY store with at least `orders` orders: its link, amount, order count and what it is. */
async function agingFigure(page: Page, orders: number): Promise<{ link: Locator; amount: bigint; count: number; label: string }> {
  const links = page.getByTestId("aging-row").getByTestId("aging-cell").getByRole("link");
  const total = await links.count();
  for (let i = 0; i < total; i++) {
    const link = links.nth(i);
    const count = Number(await link.getByTestId("aging-orders").getAttribute("data-orders"));
    const amountText = (await link.getByTestId("aging-amount").textContent()) ?? "";
    if (count >= orders && amountText.startsWith("¥")) return { link, amount: minor(amountText), count, label: (await link.getAttribute("aria-label")) ?? "" };
  }
  throw new Error(`no aging cell with ${orders}+ orders`);
}

test("回款管理: overview, a bucket's orders and their 合计, the drawer, follow-up, 我的跟进, English", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await waitForFreshFigures(page, "/receivables");

  // The default view is the newest order's month; per-store figures and the aging table.
  await expect(page.getByTestId("receivables-view")).toContainText("2025-03-01 至 2025-03-31");
  const summary = page.getByTestId("store-summary");
  await expect(summary.getByTestId("store-summary-row").first()).toBeVisible();
  await expect(summary).toContainText("天猫旗舰店");
  await expect(summary.getByTestId("store-summary-totals")).toContainText("合计");
  await expect(page.getByTestId("aging-table")).toBeVisible();

  // As of a day just after the month, so the orders spread over the buckets.
  await page.getByTestId("receivables-range").getByLabel("截至日期").fill(AS_OF);
  await page.getByTestId("receivables-range").getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`asOf=${AS_OF}`));
  await expect(page.getByTestId("receivables-view")).toContainText(`截至 ${AS_OF}`);
  await screenshot(page, "receivables-overview-1440-zh");

  // An aging figure opens exactly its orders: that store, that bucket, and the 合计 is the figure.
  const figure = await agingFigure(page, 3);
  const [storeName, bucketName] = figure.label.split(" · ") as [string, string];
  await figure.link.click();
  await expect(page).toHaveURL(/\/receivables\/orders\?.*bucket=/);
  const totals = page.getByTestId("table-totals");
  await expect(totals.locator('td[data-column="store"]')).toContainText(`合计（${figure.count} 单）`);
  expect(minor((await totals.locator('td[data-column="outstanding"]').textContent()) ?? "")).toBe(figure.amount);
  const rows = page.getByTestId("receivable-row");
  await expect(rows).toHaveCount(Math.min(figure.count, 50));
  expect(new Set(await rows.locator('td[data-column="store"]').allTextContents())).toEqual(new Set([storeName]));
  expect(new Set(await rows.locator('td[data-column="bucket"]').allTextContents())).toEqual(new Set([bucketName]));
  await screenshot(page, "receivables-list-1440-zh");

  // Bulk: the second and third orders to the accountant, in one change.
  const second = (await rows.nth(1).getAttribute("data-order-no"))!;
  await rows.nth(1).getByRole("checkbox").check();
  await rows.nth(2).getByRole("checkbox").check();
  await expect(page.getByTestId("selection-summary")).toContainText("已选 2 单");
  await page.getByRole("button", { name: "指派负责人" }).click();
  const dialog = page.getByRole("dialog", { name: "为 2 单指派负责人" });
  await dialog.getByLabel("负责人").selectOption({ label: ACCOUNTANT_NAME });
  await dialog.getByRole("button", { name: "应用到 2 单" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已更新 2 单的跟进。" })).toBeVisible();
  await expect(page.locator(`[data-order-no="${second}"] td[data-column="owner"]`)).toHaveText(ACCOUNTANT_NAME);

  // The first order's drawer: its money along the chain, the reason in words, its export rows.
  const orderNo = (await rows.first().getAttribute("data-order-no"))!;
  await rows.first().getByTestId("open-order").click();
  const drawer = page.getByTestId("receivable-drawer");
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(/order=/);
  await expect(drawer.getByRole("heading", { name: orderNo })).toBeVisible();
  await expect(drawer.getByTestId("drawer-chain")).toContainText("实付");
  await expect(drawer.getByTestId("drawer-chain")).toContainText("未回款");
  await expect(drawer.getByTestId("drawer-reason")).not.toBeEmpty();
  await expect(drawer.getByTestId("drawer-rows")).toContainText("行");

  // Follow it up: the owner takes it, with a next date and a note.
  const form = drawer.getByTestId("follow-up-form");
  await form.getByLabel("负责人").selectOption({ label: OWNER_NAME });
  await form.getByLabel("下次跟进日期").fill("2025-04-15");
  await form.getByLabel("跟进状态").selectOption({ label: "跟进中" });
  await form.getByRole("button", { name: "保存跟进" }).click();
  await expect(form.getByRole("status")).toHaveText("跟进已保存。");
  const note = `已联系平台客服，工单号 E2E-${Date.now()}`;
  await drawer.getByLabel("新的跟进记录").fill(note);
  await drawer.getByRole("button", { name: "添加记录" }).click();
  await expect(drawer.getByTestId("follow-up-notes")).toContainText(note);
  await expect(drawer.getByTestId("follow-up-notes")).toContainText(OWNER_NAME);
  await expect(page.locator(`[data-order-no="${orderNo}"] td[data-column="nextActionOn"]`)).toHaveText("2025-04-15");
  await drawerShot(page, "receivables-drawer-1440-zh");
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);

  // 我的跟进 lists it (and not the orders given to the accountant).
  await page.getByTestId("my-follow-ups").click();
  await expect(page).toHaveURL(/owner=/);
  await expect(page.locator(`[data-order-no="${orderNo}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-order-no="${second}"]`)).toHaveCount(0);
  await expect(page.locator('[data-testid="receivable-row"] td[data-column="owner"]').first()).toHaveText(OWNER_NAME);

  // A received order's drawer shows the groups along its chain, as the workspace does, and links there.
  await page.goto(`/receivables/orders?asOf=${AS_OF}&status=RECEIVED`);
  await page.getByTestId("open-order").first().click();
  const received = page.getByTestId("receivable-drawer");
  await expect(received.getByTestId("drawer-status")).toContainText("已到账");
  await expect(received.getByTestId("drawer-groups").getByTestId("group-detail").first()).toBeVisible();
  await expect(received.getByTestId("workspace-link")).toHaveAttribute("href", /\/reconcile\/matched\?store=/);
  await drawerShot(page, "receivables-drawer-received-1440-zh");

  // A filter the list cannot honour says so instead of showing rows.
  await page.goto("/receivables/orders?bucket=over:999");
  await expect(page.getByTestId("filter-bucket-error")).toContainText("没有这个账龄段");
  await expect(page.getByTestId("receivable-table")).toHaveCount(0);

  // Phone width, Chinese.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/receivables?asOf=${AS_OF}`);
  await screenshot(page, "receivables-overview-390-zh");
  await page.goto(`/receivables/orders?asOf=${AS_OF}&q=${orderNo}`);
  await screenshot(page, "receivables-list-390-zh");
  await page.getByTestId("open-order").first().click();
  await expect(page.getByTestId("receivable-drawer")).toBeVisible();
  await drawerShot(page, "receivables-drawer-390-zh");

  // English: the same pages, translated.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/receivables");
  await switchLanguage(page, "English");
  await page.goto(`/receivables?asOf=${AS_OF}`);
  await expect(page.getByRole("heading", { name: "Remittances", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "By store" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Aging" })).toBeVisible();
  await expect(page.getByTestId("receivables-freshness")).toContainText("Figures updated");
  await expect(page.locator("main")).not.toContainText("receivables.");
  await screenshot(page, "receivables-overview-1440-en");
  await page.goto(`/receivables/orders?asOf=${AS_OF}&owner=none`);
  await expect(page.getByRole("columnheader", { name: "Outstanding" })).toBeVisible();
  await expect(page.getByTestId("table-totals")).toContainText("Total (");
  await screenshot(page, "receivables-list-1440-en");
  await page.goto(`/receivables/orders?asOf=${AS_OF}&q=${orderNo}`);
  await page.getByTestId("open-order").first().click();
  const english = page.getByTestId("receivable-drawer");
  await expect(english.getByText("Money along the chain")).toBeVisible();
  await expect(english.getByTestId("follow-up-notes")).toContainText(note);
  await expect(english).not.toContainText("receivables.");
  await drawerShot(page, "receivables-drawer-1440-en");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/receivables?asOf=${AS_OF}`);
  await screenshot(page, "receivables-overview-390-en");
  await page.goto(`/receivables/orders?asOf=${AS_OF}&q=${orderNo}`);
  await screenshot(page, "receivables-list-390-en");
  await page.getByTestId("open-order").first().click();
  await expect(page.getByTestId("receivable-drawer")).toBeVisible();
  await drawerShot(page, "receivables-drawer-390-en");
  await page.goto("/receivables");
  await switchLanguage(page, "中文");
});

test("回款报表 exports to Excel with the page's 合计; a write-off in the locked month is refused with its reason", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.goto(`/receivables/report?month=2025-03&asOf=${AS_OF}`);
  const report = page.getByTestId("remittance-report-table");
  await expect(report).toContainText("天猫旗舰店");
  const pageTotals = report.getByTestId("table-totals");
  const received = minor((await pageTotals.locator('td[data-column="receivedMinor"]').textContent()) ?? "");
  const outstanding = minor((await pageTotals.locator('td[data-column="outstandingMinor"]').textContent()) ?? "");
  await screenshot(page, "receivables-report-1440-zh");

  const excel = await exportedExcel(page);
  expect(excel.titleBlock).toContain("回款报表 2025-03");
  expect(excel.totalMinor("已到账")).toBe(received);
  expect(excel.totalMinor("未回款")).toBe(outstanding);

  // The demo month is locked (workspace.spec.ts): writing off one of its orders says so and books nothing.
  await page.goto(`/receivables/orders?asOf=${AS_OF}&status=OVERDUE`);
  await page.getByTestId("open-order").first().click();
  const form = page.getByTestId("receivable-drawer").getByTestId("write-off-form");
  await expect(form).toBeVisible();
  await form.getByLabel("核销原因（必填）").fill("买家失联，平台无法追回");
  await form.getByRole("button", { name: "提交坏账核销" }).click();
  await expect(form.getByRole("alert")).toContainText("锁定");
});

test("a VIEWER reads 回款管理 but has no follow-up controls", async ({ page }) => {
  await signIn(page, "viewer@demo.local");
  await page.goto(`/receivables/orders?asOf=${AS_OF}`);
  await expect(page.getByTestId("receivable-row").first()).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "全选本页" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "指派负责人" })).toHaveCount(0);
  await page.getByTestId("open-order").first().click();
  const drawer = page.getByTestId("receivable-drawer");
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("button", { name: "保存跟进" })).toHaveCount(0);
  await expect(drawer.getByRole("button", { name: "添加记录" })).toHaveCount(0);
});
