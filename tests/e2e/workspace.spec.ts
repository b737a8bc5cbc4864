// 对账处理 workspace, the whole month on the demo company: run → bulk-confirm proposals → match a
// leftover by hand with a fee write-off → a REVIEWER approves (the maker cannot) → the month is
// submitted and locked → an edit in that month is refused.
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn, signOut } from "./helpers";

// A Douyin payout the engine can only suggest (no settlement number ties it): ¥302.00 received for
// three order rows worth ¥313.90, the platform keeping ¥11.90.
const DOUYIN_ORDER_TWO_ROWS = "6988493770283362728";
const DOUYIN_ORDER = "6988493771320551188";
const DOUYIN_PAYOUT = "DYJS2025032780446956";

async function filterPane(page: Page, pane: "left" | "right", text: string) {
  const section = page.getByTestId(`pane-${pane}`);
  await section.getByRole("textbox", { name: "搜索单号、备注、对方户名" }).fill(text);
  await section.getByRole("button", { name: "筛选" }).click();
  await expect(section.getByTestId(`pane-${pane}-total`)).toContainText("共", { timeout: 15_000 });
}

test("run, bulk-confirm, match by hand with a fee write-off, approve, close the month", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "accountant@demo.local");
  await page.goto("/reconcile");
  const runs = page.getByTestId("reconcile-runs").getByRole("row");
  const runsBefore = await runs.count();
  await page.getByRole("button", { name: "开始对账" }).click();
  await expect(runs).toHaveCount(runsBefore + 1, { timeout: 15_000 });
  await expect(runs.first()).toContainText("已完成", { timeout: 60_000 });

  // Bulk-confirm the proposals found by order number: count and total are shown before confirming.
  await page.goto("/reconcile/proposals?rule=ORDER_NO");
  const cards = page.getByTestId("group-row");
  const proposals = await cards.count();
  expect(proposals).toBeGreaterThan(0);
  await page.getByRole("checkbox", { name: "全选本页" }).check();
  await expect(page.getByTestId("selection-summary")).toContainText(`已选 ${proposals} 组`);
  await screenshot(page, "workspace-proposals");
  await page.getByRole("button", { name: "确认所选" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`确认 ${proposals} 组匹配？`);
  await dialog.getByRole("button", { name: "确认所选" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已确认 ${proposals} 组` })).toBeVisible();
  await expect(page.getByText("没有符合条件的待确认建议。")).toBeVisible();

  // The leftover Douyin payout: three order rows on the left, the receipt on the right, by keyboard.
  await page.goto("/reconcile/unmatched");
  await filterPane(page, "right", DOUYIN_PAYOUT);
  await expect(page.getByTestId("pane-right-rows").getByRole("row")).toHaveCount(1);
  await page.getByTestId("pane-right-rows").getByRole("row").first().click();
  await page.keyboard.press("Space");
  await filterPane(page, "left", DOUYIN_ORDER_TWO_ROWS);
  const leftRows = page.getByTestId("pane-left-rows").getByRole("row");
  await expect(leftRows).toHaveCount(2);
  await leftRows.nth(0).getByRole("checkbox").check();
  await leftRows.nth(1).getByRole("checkbox").check();
  await filterPane(page, "left", DOUYIN_ORDER);
  await expect(leftRows).toHaveCount(1);
  await leftRows.first().getByRole("checkbox").check();
  await expect(page.getByTestId("difference")).toHaveText("¥11.90");
  await screenshot(page, "workspace-unmatched");

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("m");
  const matchDialog = page.getByRole("dialog", { name: "人工匹配" });
  await expect(matchDialog).toBeVisible();
  // Without a note the write-off cannot be saved.
  await expect(matchDialog.getByRole("button", { name: "确认匹配" })).toBeDisabled();
  await matchDialog.getByRole("combobox", { name: "原因" }).selectOption({ label: "手续费" });
  await expect(matchDialog.getByRole("textbox", { name: "金额", exact: true })).toHaveValue("11.90");
  await matchDialog.getByRole("textbox", { name: "说明", exact: true }).fill("抖音技术服务费");
  await expect(matchDialog.getByTestId("unexplained")).toHaveText("差额已全部解释。");
  await screenshot(page, "workspace-match-dialog");
  await matchDialog.getByRole("button", { name: "确认匹配" }).click();
  await expect(page.getByRole("status").filter({ hasText: "匹配已保存，差额核销需复核人审批。" })).toBeVisible();

  // A note on a row that stays open, and ranked candidates for a receipt.
  await page.goto("/reconcile/unmatched");
  const firstOrder = page.getByTestId("pane-left-rows").getByRole("row").first();
  await firstOrder.getByRole("button", { name: "添加备注" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("买家申请退款中，下周再核");
  await page.getByRole("dialog").getByRole("button", { name: "添加备注" }).click();
  await expect(firstOrder.getByLabel("备注: 张敏（会计）：买家申请退款中，下周再核")).toBeVisible();
  await page.getByTestId("pane-right-rows").getByRole("row").first().getByRole("button", { name: "候选" }).click();
  await expect(page.getByRole("dialog")).toContainText("的候选");
  await screenshot(page, "workspace-suggestions");
  await page.keyboard.press("Escape");

  // The maker sees it waiting but has no way to approve it.
  await page.goto("/reconcile/approvals");
  await expect(page.getByTestId("group-row")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "审批通过" })).toHaveCount(0);
  await signOut(page);

  // A reviewer approves it.
  await signIn(page, "reviewer@demo.local");
  await page.goto("/reconcile/approvals");
  const pending = page.getByTestId("group-row").first();
  await expect(pending).toContainText("人工匹配");
  await expect(pending).toContainText("抖音技术服务费");
  await pending.getByRole("button", { name: "审批通过" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已审批 1 组" })).toBeVisible();
  await signOut(page);

  // The accountant submits March; the reviewer locks it.
  await signIn(page, "accountant@demo.local");
  await page.goto("/reconcile/periods");
  const march = page.locator('[data-month="2025-03"]');
  await march.getByRole("button", { name: "提交结账" }).click();
  // The close checklist: March still has open items, so going on needs an explicit tick.
  const checklist = page.getByRole("dialog", { name: "提交 2025-03 前的检查清单" });
  await expect(checklist.getByTestId("checklist-counts")).toContainText("未达账项");
  await expect(checklist.getByRole("button", { name: "提交", exact: true })).toBeDisabled();
  await checklist.getByRole("checkbox", { name: /我已知晓仍有未达账项/ }).check();
  await checklist.getByRole("button", { name: "提交", exact: true }).click();
  await expect(march.getByText("已提交，待审批", { exact: true })).toBeVisible();
  await signOut(page);
  await signIn(page, "reviewer@demo.local");
  await page.goto("/reconcile/periods");
  await page.locator('[data-month="2025-03"]').getByRole("button", { name: "审批并锁定" }).click();
  const lockChecklist = page.getByRole("dialog", { name: "锁定 2025-03 前的检查清单" });
  await lockChecklist.getByRole("checkbox", { name: /我已知晓仍有未达账项/ }).check();
  await lockChecklist.getByRole("button", { name: "锁定", exact: true }).click();
  // The status badge itself, not just the outcome message.
  await expect(page.locator('[data-month="2025-03"]').getByText("已锁定", { exact: true })).toBeVisible();
  await screenshot(page, "workspace-periods");
  await signOut(page);

  // An edit in the locked month is not offered: the row says why instead of failing after a click
  // (the server still refuses it: tests/integration/workspace.test.ts).
  await signIn(page, "accountant@demo.local");
  await page.goto("/reconcile/matched?rule=MANUAL");
  const lockedRow = page.getByTestId("group-row").first();
  await expect(lockedRow).toContainText("该月已锁定");
  await expect(lockedRow.getByRole("button", { name: "取消匹配" })).toHaveCount(0);
  await expect(lockedRow.getByTitle("2025-03 已锁定：不能确认、拒绝或取消匹配。所有者可在“月结”中重新打开。").first()).toBeVisible();
  await expect(page.getByTestId("month-state-banner")).toContainText("2025-03 已锁定");

  // The same workspace in English (then back: the language is remembered per user).
  await page.getByRole("button", { name: "English" }).click();
  // The choice is saved by a server action: wait for it to land before leaving the page.
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await page.goto("/reconcile/unmatched");
  await expect(page.getByRole("heading", { name: "Unmatched" })).toBeVisible();
  await screenshot(page, "workspace-unmatched-en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "未匹配" })).toBeVisible();
});

test("a VIEWER reads the workspace but has no way to change it", async ({ page }) => {
  await signIn(page, "viewer@demo.local");
  await page.goto("/reconcile/unmatched");
  await expect(page.getByTestId("pane-left")).toBeVisible();
  await expect(page.getByRole("button", { name: "匹配", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "添加备注" })).toHaveCount(0);
  await page.goto("/reconcile/proposals");
  await expect(page.getByRole("button", { name: "确认所选" })).toHaveCount(0);
  await page.goto("/reconcile/periods");
  await expect(page.getByRole("button", { name: /提交结账|审批并锁定|重新打开/ })).toHaveCount(0);
});
