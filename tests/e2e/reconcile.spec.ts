// 对账处理: the demo company runs reconciliation from the page, sees it progress, then the results.
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("run reconciliation on the demo company and see the results", async ({ page }) => {
  await signIn(page, "accountant@demo.local");
  await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "对账处理" }).click();
  await page.getByRole("button", { name: "开始对账" }).click();
  const latestRun = page.getByTestId("reconcile-runs").getByRole("row").first();
  await expect(latestRun).toContainText("已完成", { timeout: 60_000 });
  // The generated month has withdrawals that match their bank receipts by id: confirmed automatically.
  const autoConfirmed = Number(await latestRun.getByTestId("run-auto-confirmed").textContent());
  expect(autoConfirmed).toBeGreaterThan(0);
  await expect(page.getByRole("link", { name: /待确认建议/ }).first()).toBeVisible();
  await screenshot(page, "reconcile-zh");
});

test("a VIEWER sees the runs but cannot start one", async ({ page }) => {
  await signIn(page, "viewer@demo.local");
  await page.goto("/reconcile");
  await expect(page.getByRole("heading", { name: "对账处理" })).toBeVisible();
  await expect(page.getByRole("button", { name: "开始对账" })).toHaveCount(0);
});
