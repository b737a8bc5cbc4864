// The shared dense table on the workspace: server-side sort over the whole list, the 合计 row of
// the filtered set (not the page), rows per page, and a person's column layout remembered across
// reloads. Then screenshots of every workspace tab at 1440 and 390 px, in Chinese and English.
// Runs after workspace.spec.ts (file order), on the month it reconciled; as the OWNER, whose
// layout no other spec touches.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

/** "¥1,234.50" / "-¥3.00" → minor units. */
function minor(text: string): bigint {
  const clean = text.replace(/[^\d.-]/g, "");
  const [whole = "0", fraction = ""] = clean.replace("-", "").split(".");
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2) || "0");
  return clean.startsWith("-") ? -value : value;
}

async function columnAmounts(rows: Locator, column: string): Promise<bigint[]> {
  return (await rows.locator(`td[data-column="${column}"]`).allTextContents()).map(minor);
}

const leftPane = (page: Page) => page.getByTestId("pane-left");
const leftRows = (page: Page) => page.getByTestId("pane-left-rows").getByRole("row");

test("sort, 合计 over the filtered list, page size and a remembered layout", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.goto("/reconcile/unmatched?lsize=500");
  const totalText = (await leftPane(page).getByTestId("table-totals").locator('td[data-column="remaining"]').textContent()) ?? "";
  const count = await leftRows(page).count();
  expect(count).toBeGreaterThan(50); // the demo month leaves more open orders than one page of 50
  // The 合计 row is the whole filtered list: with every row on one page it is their exact sum…
  const all = await columnAmounts(leftRows(page), "remaining");
  expect(minor(totalText)).toBe(all.reduce((sum, value) => sum + value, 0n));

  // …and a page of 50 still shows the same 合计, not the sum of its own rows.
  await leftPane(page).getByRole("combobox", { name: "每页行数" }).selectOption("50");
  await expect(page).toHaveURL(/lsize=50/);
  await expect(leftRows(page)).toHaveCount(50);
  await expect(leftPane(page).getByTestId("table-totals").locator('td[data-column="remaining"]')).toHaveText(totalText);
  const pageSum = (await columnAmounts(leftRows(page), "remaining")).reduce((sum, value) => sum + value, 0n);
  expect(pageSum).not.toBe(minor(totalText));

  // Sorting is done by the server over the whole list: the largest open order comes first on page 1.
  const header = leftPane(page).locator('th[data-column="remaining"]');
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/lsort=remaining/);
  if ((await header.getAttribute("aria-sort")) !== "descending") {
    await header.getByRole("button").click();
    await expect(header).toHaveAttribute("aria-sort", "descending");
  }
  await expect(page).toHaveURL(/ldir=desc/);
  const sorted = await columnAmounts(leftRows(page), "remaining");
  expect(sorted).toEqual([...sorted].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  expect(sorted[0]).toBe(all.reduce((max, value) => (value > max ? value : max), all[0]!));
  await screenshot(page, "table-sorted");

  // Page size, a hidden column and a wider column are remembered for this person, without the URL.
  await leftPane(page).getByRole("combobox", { name: "每页行数" }).selectOption("100");
  await expect(leftRows(page)).toHaveCount(Math.min(100, count));
  await leftPane(page).locator("summary", { hasText: "列" }).click();
  await leftPane(page).getByRole("checkbox", { name: "说明 / 备注" }).uncheck();
  await expect(leftPane(page).locator('th[data-column="detail"]')).toHaveCount(0);
  const dateHeader = leftPane(page).locator('th[data-column="day"]');
  const before = (await dateHeader.boundingBox())!;
  const handle = (await leftPane(page).getByTestId("resize-day").boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 80, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await dateHeader.boundingBox())!.width).toBeGreaterThan(before.width + 60);
  await page.waitForTimeout(500); // the layout is saved by a server action after the drag

  await page.goto("/reconcile/unmatched");
  await expect(leftRows(page)).toHaveCount(Math.min(100, count));
  await expect(leftPane(page).locator('th[data-column="detail"]')).toHaveCount(0);
  expect((await leftPane(page).locator('th[data-column="day"]').boundingBox())!.width).toBeGreaterThan(before.width + 60);
  // The other pane is a table of its own, laid out as before.
  await expect(page.getByTestId("pane-right").locator('th[data-column="detail"]')).toHaveCount(1);

  // Put the column back (the screenshots below show the default layout).
  await leftPane(page).locator("summary", { hasText: "列" }).click();
  await leftPane(page).getByRole("checkbox", { name: "说明 / 备注" }).check();
  await expect(leftPane(page).locator('th[data-column="detail"]')).toHaveCount(1);
});

test("groups are rows: 11+ groups fit a screen, open to their items and adjustments", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@demo.local");
  await page.goto("/reconcile/matched?rule=ORDER_NO");
  const rows = page.getByTestId("group-rows").getByTestId("group-row");
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  // One line per group: 11 groups take a few hundred pixels, not 4,000.
  const first = (await rows.nth(0).boundingBox())!;
  const last = (await rows.nth(count - 1).boundingBox())!;
  expect((last.y + last.height - first.y) / count).toBeLessThan(36);
  await expect(page.getByTestId("group-table").getByTestId("table-totals")).toContainText("合计");
  await rows.first().getByRole("button", { name: "展开" }).click();
  const detail = page.getByTestId("group-detail");
  await expect(detail).toBeVisible();
  // Amounts as accountants read them: the order is a positive receivable, never "-¥…".
  const orderRow = detail.getByRole("row").filter({ hasText: "订单" }).first();
  await expect(orderRow).toContainText("¥");
  await expect(orderRow).not.toContainText("-¥");
});

const TABS = ["", "proposals", "unmatched", "approvals", "matched", "periods"] as const;

test("screenshots of every workspace tab at 1440 and 390 px, in Chinese and English", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "owner@demo.local");
  for (const language of ["zh", "en"] as const) {
    if (language === "en") {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    }
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const tab of TABS) {
        await page.goto(`/reconcile${tab ? `/${tab}` : ""}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await screenshot(page, `workspace-${tab || "overview"}-${width}-${language}`);
      }
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "English" })).toBeVisible();
});
