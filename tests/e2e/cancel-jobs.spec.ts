// 取消: a run waiting for the worker and an import being read are cancelled from their progress
// bars, and the pages say what that left. The one worker beside the test server is kept busy by
// reading a large file (1.5 M rows, several seconds), so the run queued behind it is certainly
// still waiting, and the read certainly still going, when the buttons are clicked.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

const ROWS = 1_500_000;

function writeLargeBankCsv(): string {
  const file = path.join(os.tmpdir(), `银行流水-大文件-${Date.now()}.csv`);
  const lines = ["交易日期,摘要,收入,支出,余额,对方户名"];
  for (let i = 0; i < ROWS; i++) lines.push(`2025-03-${String((i % 28) + 1).padStart(2, "0")},货款${i},${(i % 9000) + 1}.25,,0,客户${i % 97}`);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

test("cancel a queued run and an import being read: nothing stored, both can start again", async ({ page }) => {
  test.setTimeout(180_000);
  const file = writeLargeBankCsv();
  try {
    await signIn(page, "accountant@demo.local");
    await page.goto("/import");
    await page.getByLabel("选择文件").setInputFiles(file);
    await expect(page).toHaveURL(/\/import\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const batchUrl = page.url();
    const cancel = page.getByRole("button", { name: "取消", exact: true });
    await expect(cancel).toBeVisible();

    // The worker is reading the file: a run started now waits in the queue behind it.
    await page.goto("/reconcile");
    await page.getByRole("button", { name: "开始对账" }).click();
    await expect(page.getByRole("progressbar", { name: /正在等待后台处理进程开始/ })).toBeVisible();
    await screenshot(page, "reconcile-queued-zh");
    await cancel.click();
    await expect(page.getByText("对账已取消，没有写入任何结果。可以随时重新开始对账。")).toBeVisible();
    await expect(page.getByTestId("reconcile-runs").getByRole("row").first()).toContainText("已取消");
    await expect(page.getByRole("button", { name: "开始对账" })).toBeEnabled();
    await screenshot(page, "reconcile-cancelled-zh");

    // Back to the file, still being read: cancel it at the worker's next progress report.
    await page.goto(batchUrl);
    await expect(page.getByRole("progressbar", { name: /正在读取文件/ })).toBeVisible();
    await cancel.click();
    await expect(page.getByText(/已取消读取此文件，没有保存任何数据/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "按此格式重新识别" })).toBeVisible();
    await screenshot(page, "import-read-cancelled-zh");
  } finally {
    fs.rmSync(file, { force: true });
  }
});
