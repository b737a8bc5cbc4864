// Issue 14, "every open item has a way out": a row marked not for reconciliation leaves 未匹配 and
// shows in the 已排除 view with its reason, and can be restored; suggestions are accepted in bulk;
// submitting a month with open items shows the checklist, needs a tick, and the close report keeps
// them. Also: the selection bar no longer covers the panes' last rows.
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn, signOut } from "./helpers";

async function filterLeft(page: Page, text: string) {
  const section = page.getByTestId("pane-left");
  await section.getByRole("textbox", { name: "搜索单号、备注、对方户名" }).fill(text);
  await section.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`lq=${text}`));
}

async function both(page: Page, name: string) {
  for (const [width, label] of [[1440, "1440"], [390, "390"]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${label}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("mark a row not for reconciliation, find it under 已排除, restore it; accept a suggestion", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "accountant@demo.local");
  await page.goto("/reconcile/unmatched");
  const leftRows = page.getByTestId("pane-left-rows").getByRole("row");
  const first = leftRows.first();
  const ref = (await first.getAttribute("data-row-ref"))!;
  expect(ref).not.toBe("");
  await first.getByRole("checkbox").check();
  await page.getByTestId("selection-bar").getByRole("button", { name: "不参与对账" }).click();
  const dialog = page.getByRole("dialog", { name: "标记为不参与对账（1 行）" });
  await dialog.getByRole("radio", { name: "其他" }).check();
  // "Other" needs a note before it can be saved.
  await expect(dialog.getByRole("button", { name: "标记" })).toBeDisabled();
  await dialog.getByRole("textbox", { name: /说明/ }).fill("样品单，不收款");
  await dialog.getByRole("button", { name: "标记" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已标记 1 行为不参与对账。" })).toBeVisible();
  await filterLeft(page, ref);
  await expect(page.getByTestId("pane-left-rows")).toContainText("没有");

  await page.getByTestId("unmatched-views").getByRole("link", { name: /已排除/ }).click();
  const excluded = page.getByTestId("excluded-rows").locator(`[data-row-ref="${ref}"]`);
  await expect(excluded).toContainText("其他");
  await expect(excluded).toContainText("样品单，不收款");
  await both(page, "exclusions-excluded-zh");
  await excluded.getByRole("checkbox").check();
  await page.getByRole("button", { name: /恢复对账/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "已恢复 1 行，重新参与对账。" })).toBeVisible();
  await expect(page.getByTestId("excluded-rows").locator(`[data-row-ref="${ref}"]`)).toHaveCount(0);
  await page.goto(`/reconcile/unmatched?lq=${ref}`);
  await expect(page.getByTestId("pane-left-rows").locator(`[data-row-ref="${ref}"]`)).toHaveCount(1);

  // Suggestions: shown, never applied by themselves; one click accepts the chosen ones.
  await page.goto("/reconcile/unmatched?view=suggested");
  const suggested = page.getByTestId("suggested-rows").getByRole("row");
  await expect(suggested.first()).toContainText("订单关闭/取消，无款项");
  const suggestedRef = (await suggested.first().getAttribute("data-row-ref"))!;
  await both(page, "exclusions-suggested-zh");
  await suggested.first().getByRole("checkbox").check();
  await page.getByRole("button", { name: /接受所选建议/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "已接受 1 条建议。" })).toBeVisible();
  await page.goto("/reconcile/unmatched?view=excluded");
  await expect(page.getByTestId("excluded-rows").locator(`[data-row-ref="${suggestedRef}"]`)).toContainText("订单关闭/取消，无款项");

  // The same views in English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await page.goto("/reconcile/unmatched?view=excluded");
  await expect(page.getByTestId("excluded-rows")).toContainText("Closed or cancelled order, no money");
  await both(page, "exclusions-excluded-en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
});

test("the selection bar never covers the panes' last rows", async ({ page }) => {
  await signIn(page, "accountant@demo.local");
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto("/reconcile/unmatched");
    const bar = page.getByTestId("selection-bar");
    // Down the left list by keyboard: the focused row must always stay above the bar.
    await page.getByTestId("pane-left-rows").getByRole("row").first().click();
    for (let step = 0; step < 25; step += 1) {
      await page.keyboard.press("j");
      const row = await page.locator('[data-testid="pane-left-rows"] tr[class*="outline-brand-500"]').boundingBox();
      const top = (await bar.boundingBox())!.y;
      expect(row!.y + row!.height, `row ${step + 2} at ${width}px`).toBeLessThanOrEqual(top + 1);
    }
    // Scrolled to the end, the right pane's pager (under its last row and totals) is above the bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const pager = await page.getByTestId("pane-right-table").getByTestId("table-page").boundingBox();
    expect(pager!.y + pager!.height, `pager at ${width}px`).toBeLessThanOrEqual((await bar.boundingBox())!.y);
  }
});

test("submitting a month with open items shows the checklist, needs a tick, and the report keeps them", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "accountant@demo.local");
  await page.goto("/reconcile/periods");
  const march = page.locator('[data-month="2025-03"]');
  await march.getByRole("button", { name: "提交结账" }).click();
  const checklist = page.getByRole("dialog", { name: "提交 2025-03 前的检查清单" });
  await expect(checklist.getByTestId("checklist-groups").getByRole("row").first()).toBeVisible();
  await expect(checklist.getByRole("button", { name: "提交", exact: true })).toBeDisabled();
  await both(page, "close-checklist-zh");
  await checklist.getByRole("checkbox", { name: /我已知晓仍有未达账项/ }).check();
  await checklist.getByRole("button", { name: "提交", exact: true }).click();
  await expect(march.getByText("已提交，待审批", { exact: true })).toBeVisible();

  await march.getByRole("link", { name: "2025-03" }).click();
  await expect(page.getByRole("heading", { name: "2025-03 对账报告" })).toBeVisible();
  await expect(page.getByTestId("report-status")).toContainText("提交：");
  await expect(page.getByTestId("report-open-summary")).toContainText("未达账项");
  await expect(page.getByTestId("report-open-rows").getByRole("row").first()).toBeVisible();
  // 合计 rows over every open item (from the snapshot's sums), not just the listed page.
  await expect(page.getByTestId("report-open-table").getByTestId("table-totals")).toContainText(/合计（\d+ 项未达）/);
  await expect(page.getByTestId("report-summary-table").getByTestId("table-totals")).toContainText("合计");
  await both(page, "close-report-zh");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Close report 2025-03" })).toBeVisible();
  await both(page, "close-report-en");
  await page.goto("/reconcile/periods");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
  await signOut(page);

  // The reviewer sends it back, so the month is open again for the other specs.
  await signIn(page, "reviewer@demo.local");
  await page.goto("/reconcile/periods");
  await page.locator('[data-month="2025-03"]').getByRole("button", { name: "退回" }).click();
  await expect(page.locator('[data-month="2025-03"]').getByText("未结账", { exact: true })).toBeVisible();
});
