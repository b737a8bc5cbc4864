// Forms and small things that cost trust (issue 14): the match form says what is wrong on each
// field and why it cannot be saved, never suggests a negative fee when more money arrived, and
// keeps focus inside; undo says what it will take back and can be called off; filters refuse what
// they cannot honour; archived stores leave the filter choices.
// Nothing here is left booked: the one match made is undone again, so the other specs see the demo
// company as they expect.
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn, signOut } from "./helpers";

// A Douyin payout (¥302.00 received) and one of the orders it pays: with only this order picked,
// more arrived than the order was worth.
const DOUYIN_ORDER = "6988493771320551188";
const DOUYIN_PAYOUT = "DYJS2025032780446956";

const LABELS = {
  zh: { search: "搜索单号、备注、对方户名", filter: "筛选", total: "共", title: "人工匹配" },
  en: { search: "Search no., memo, counterparty", filter: "Filter", total: "in all", title: "Manual match" },
} as const;

async function filterPane(page: Page, pane: "left" | "right", text: string, lang: keyof typeof LABELS = "zh") {
  const section = page.getByTestId(`pane-${pane}`);
  await section.getByRole("textbox", { name: LABELS[lang].search }).fill(text);
  await section.getByRole("button", { name: LABELS[lang].filter, exact: true }).click();
  await expect(section.getByTestId(`pane-${pane}-total`)).toContainText(LABELS[lang].total, { timeout: 15_000 });
}

/** Picks the Douyin order (left) and its payout (right), then opens the match form with M. */
async function openMatchForm(page: Page, lang: keyof typeof LABELS = "zh") {
  await page.goto("/reconcile/unmatched");
  await filterPane(page, "right", DOUYIN_PAYOUT, lang);
  await page.getByTestId("pane-right-rows").getByRole("row").first().getByRole("checkbox").check();
  await filterPane(page, "left", DOUYIN_ORDER, lang);
  await page.getByTestId("pane-left-rows").getByRole("row").first().getByRole("checkbox").check();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("m");
  const dialog = page.getByRole("dialog", { name: LABELS[lang].title });
  await expect(dialog).toBeVisible();
  return dialog;
}

const focusInside = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest("dialog[open]")));

test("the match form keeps focus inside: first field focused, Tab and Shift+Tab wrap, Esc closes, focus returns", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "accountant@demo.local");
  const dialog = await openMatchForm(page);
  await expect(dialog.getByRole("textbox", { name: /^本次金额/ }).first()).toBeFocused();
  for (let i = 0; i < 14; i += 1) {
    await page.keyboard.press("Tab");
    expect(await focusInside(page)).toBe(true);
  }
  for (let i = 0; i < 14; i += 1) {
    await page.keyboard.press("Shift+Tab");
    expect(await focusInside(page)).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  // Focus goes back to what opened a dialog (the same shared dialog for candidates).
  const suggest = page.getByTestId("pane-right-rows").getByRole("row").first().getByRole("button", { name: "候选" });
  await suggest.click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(suggest).toBeFocused();
});

test("the match form never suggests a negative fee when more arrived, and says why it cannot be saved next to the button", async ({ page }) => {
  await signIn(page, "accountant@demo.local");
  const dialog = await openMatchForm(page);
  // More arrived (¥302.00) than the picked order was worth.
  const reason = dialog.getByRole("combobox", { name: "原因" });
  await expect(reason).not.toHaveValue("FEE");
  await expect(reason).toHaveValue("PROMOTION");
  await expect(dialog).toContainText("实际收到的比应收多");
  await expect(dialog.getByRole("button", { name: "确认匹配" })).toBeDisabled();
  await expect(dialog.getByTestId("match-blockers")).toContainText("有差额核销时必须填写说明");
  await dialog.getByRole("textbox", { name: "说明", exact: true }).fill("平台补贴");
  await expect(dialog.getByTestId("match-blockers")).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "确认匹配" })).toBeEnabled();
  await page.keyboard.press("Escape");
});

test("the match form puts a message on an amount that is not one, never a silent ¥0.00", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "accountant@demo.local");
  const dialog = await openMatchForm(page);
  const orderAmount = dialog.getByRole("textbox", { name: /^本次金额/ }).first();
  for (const [text, message] of [
    ["abc", "不是有效金额"],
    ["1e9", "不是有效金额"],
    ["12345678901234567890", "金额过大"],
    ["1.234", "最多两位小数"],
    ["", "请输入金额"],
  ] as const) {
    await orderAmount.fill(text);
    await expect(orderAmount).toHaveAttribute("aria-invalid", "true");
    const describedBy = await orderAmount.getAttribute("aria-describedby");
    await expect(dialog.locator(`[id="${describedBy}"]`)).toContainText(message);
  }
  await expect(dialog.getByTestId("match-blockers")).toContainText("有金额填写有误");
  await orderAmount.fill("abc");
  await dialog.getByRole("textbox", { name: "金额", exact: true }).fill("1e9");
  await expect(dialog).toContainText("不是有效金额：请只输入数字");
  await screenshot(page, "match-form-errors-1440-zh");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "match-form-errors-390-zh");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press("Escape");

  // The same form in English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  try {
    const english = await openMatchForm(page, "en");
    await english.getByRole("textbox", { name: /^Amount used/ }).first().fill("1e9");
    await expect(english).toContainText("Not an amount");
    await expect(english.getByTestId("match-blockers")).toContainText("A write-off needs a note");
    await screenshot(page, "match-form-errors-1440-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "match-form-errors-390-en");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press("Escape");
  } finally {
    // Back to Chinese for the other specs, whatever failed above (a dialog left open included).
    if (await page.locator("dialog[open]").count()) await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
  }
});

test("undo says what it will take back, can be called off, and says what it undid", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "accountant@demo.local");

  // A small match to undo: ¥1.00 of the order against ¥1.00 of the payout, nothing to explain.
  const dialog = await openMatchForm(page);
  await dialog.getByRole("textbox", { name: /^本次金额/ }).first().fill("1.00");
  await dialog.getByRole("textbox", { name: /^本次金额/ }).nth(1).fill("1.00");
  // (Before this issue the form kept the first suggested adjustment after the amounts changed.)
  const stale = dialog.getByRole("button", { name: "删除" });
  if (await stale.count()) await stale.click();
  await expect(dialog.getByTestId("unexplained")).toHaveText("差额已全部解释。");
  await dialog.getByRole("button", { name: "确认匹配" }).click();
  await expect(page.getByRole("status").filter({ hasText: "匹配已保存" })).toBeVisible();

  // U asks first, in words.
  await page.goto("/reconcile/unmatched");
  const confirm = page.getByRole("dialog", { name: "撤销上一步？" });
  // Pressed again only if the page was not yet listening (hydration); the dialog ignores U.
  await expect(async () => {
    await page.keyboard.press("u");
    await expect(confirm).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(confirm.getByTestId("undo-summary")).toContainText(/将撤销你在 .+ 的人工匹配：1 组，2 行，金额 ¥1\.00。/);
  await screenshot(page, "undo-confirm-1440-zh");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "undo-confirm-390-zh");
  await page.setViewportSize({ width: 1440, height: 900 });

  // Called off: nothing changes.
  await confirm.getByRole("button", { name: "不撤销" }).click();
  await expect(confirm).toHaveCount(0);
  await page.goto(`/reconcile/matched?rule=MANUAL`);
  await expect(page.getByTestId("group-row").filter({ hasText: "¥1.00" })).toHaveCount(1);

  // In English, then undone for real.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  try {
    await page.goto("/reconcile/unmatched");
    await page.getByRole("button", { name: "Undo last action" }).click();
    const english = page.getByRole("dialog", { name: "Undo your last action?" });
    // (The yuan's symbol in English is lib/money's choice, not this form's.)
    await expect(english.getByTestId("undo-summary")).toContainText(/This undoes your manual match of .+: 1 group, 2 rows, \S*¥1\.00\./);
    await screenshot(page, "undo-confirm-1440-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "undo-confirm-390-en");
    await page.setViewportSize({ width: 1440, height: 900 });
    await english.getByRole("button", { name: "Undo", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Undone: your manual match, 1 group, 2 rows, \S*¥1\.00\./ })).toBeVisible();
  } finally {
    // Back to Chinese for the other specs, whatever failed above (a dialog left open included).
    if (await page.locator("dialog[open]").count()) await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
  }
  await page.goto(`/reconcile/matched?rule=MANUAL`);
  await expect(page.getByTestId("group-row").filter({ hasText: "¥1.00" })).toHaveCount(0);
});

test("filters refuse what they cannot honour, next to the filter, and show no rows for it", async ({ page }) => {
  await signIn(page, "accountant@demo.local");

  await page.goto("/reconcile/matched?min=500&max=100");
  await expect(page.getByTestId("filter-max-error")).toHaveText("“金额不低于”大于“金额不高于”。");
  await expect(page.getByRole("alert").filter({ hasText: "筛选条件有误，未显示结果" })).toBeVisible();
  await expect(page.getByTestId("group-row")).toHaveCount(0);

  await page.goto("/reconcile/proposals?min=abc&from=2025-02-30&to=2025-01-01");
  await expect(page.getByTestId("filter-min-error")).toContainText("不是有效金额");
  await expect(page.getByTestId("filter-from-error")).toContainText("不是有效日期");

  await page.goto("/reconcile/matched?from=2025-04-01&to=2025-03-01&store=00000000-0000-7000-8000-000000000000");
  await expect(page.getByTestId("filter-to-error")).toContainText("开始日期晚于结束日期");
  await expect(page.getByTestId("filter-store-error")).toContainText("没有这个店铺");

  await page.goto("/reconcile/matched?page=999");
  await expect(page.getByRole("alert").filter({ hasText: "没有第 999 页" })).toBeVisible();

  await page.goto("/reconcile/unmatched?lmin=1e9&rfrom=2025-02-30");
  await expect(page.getByTestId("pane-left-filter-problems")).toContainText("金额不低于：不是有效金额");
  await expect(page.getByTestId("pane-right-filter-problems")).toContainText("开始日期：“2025-02-30”不是有效日期");
  await expect(page.getByTestId("pane-left-rows")).toHaveCount(0);
  await screenshot(page, "filter-refused-unmatched");
});

test("an archived store leaves the filter choices", async ({ page }) => {
  await signIn(page, "owner@demo.local");
  await page.goto("/settings/stores/new");
  await page.getByLabel("店铺名称").fill("已关店测试店");
  await page.getByLabel("平台").selectOption({ label: "拼多多" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/stores$/);

  // Offered while active…
  await page.goto("/reconcile/matched");
  await expect(page.locator('select[name="store"] option', { hasText: "已关店测试店" })).toHaveCount(1);

  await page.goto("/settings/stores");
  await page.getByTestId("stores-table").getByRole("row", { name: /已关店测试店/ }).getByRole("link", { name: "编辑" }).click();
  await page.locator("form", { has: page.getByRole("button", { name: "归档" }) }).getByRole("button", { name: "归档" }).click();
  await expect(page.getByText("该店铺已归档")).toBeVisible();

  // …and not once archived, on the group lists and in the unmatched panes.
  await page.goto("/reconcile/matched");
  await expect(page.locator('select[name="store"] option', { hasText: "已关店测试店" })).toHaveCount(0);
  await page.goto("/reconcile/unmatched");
  await expect(page.getByTestId("pane-left").locator('select[name="owner"] option', { hasText: "已关店测试店" })).toHaveCount(0);
  await signOut(page);
});
