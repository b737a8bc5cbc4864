// The whole path through the job queue, as a new company walks it: sign up, set up a store and its
// two accounts, upload a generated month's Tmall orders, Alipay ledger and bank statement (each
// read and loaded by the worker beside the test server), then run reconciliation (the worker
// again) and find what the files prove confirmed automatically.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { describeFundAccounts, describeStores, generateMonth } from "@/lib/generate";
import { formatBpsAsPercent } from "@/lib/shared/percent-bps";
import { screenshot, signUp, uniqueEmail } from "./helpers";

async function createStore(page: Page, store: ReturnType<typeof describeStores>[number]) {
  await page.goto("/settings/stores/new");
  await page.getByLabel("店铺名称").fill(store.name);
  await page.getByLabel("平台").selectOption({ label: "天猫" });
  await page.getByLabel("账期", { exact: true }).fill(String(store.settlementTermsDays));
  await page.getByLabel("合同费率（%）").fill(formatBpsAsPercent(store.feeRateBps));
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/stores$/);
}

async function createAccount(page: Page, account: ReturnType<typeof describeFundAccounts>[number], typeLabel: string) {
  await page.goto("/settings/accounts/new");
  await page.getByLabel("账户名称").fill(account.name);
  await page.getByLabel("类型").selectOption({ label: typeLabel });
  await page.getByLabel("开户行 / 机构").fill(account.institution);
  await page.getByLabel("账号", { exact: true }).fill(account.accountNumber);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/accounts$/);
}

/** Upload one file, wait for the worker's preview, choose where it goes, confirm, wait for the load. */
async function importFile(page: Page, file: string, target: { label: string; name: string }) {
  await page.goto("/import");
  await page.getByLabel("选择文件").setInputFiles(file);
  await expect(page).toHaveURL(/\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByText("待确认")).toBeVisible({ timeout: 60_000 });
  const form = page.getByTestId("commit-form");
  await form.getByLabel(target.label).selectOption({ label: target.name });
  await form.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText(/已导入：新增 \d+ 行/)).toBeVisible({ timeout: 60_000 });
}

test("a new company imports a month through the queue and reconciles it", async ({ page }) => {
  test.setTimeout(240_000);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "import-to-run-"));
  try {
    const month = await generateMonth({ orders: 30, seed: 21, outDir });
    const tmall = describeStores().find((store) => store.key === "tmall")!;
    const accounts = describeFundAccounts();
    const alipay = accounts.find((account) => account.key === "alipay")!;
    const bank = accounts.find((account) => account.key === "bank")!;
    const fileFor = (key: string) => month.files.find((file) => file.storeOrAccount.key === key)!.path;

    await signUp(page, "队列测试商贸有限公司", uniqueEmail("queue"), "password-e2e");
    await createStore(page, tmall);
    await createAccount(page, alipay, "支付宝");
    await createAccount(page, bank, "银行账户");

    await importFile(page, fileFor("tmall"), { label: "所属店铺", name: tmall.name });
    await importFile(page, fileFor("alipay"), { label: "所属资金账户", name: alipay.name });
    await importFile(page, fileFor("bank"), { label: "所属资金账户", name: bank.name });
    await page.goto("/import");
    await expect(page.getByTestId("import-batches").getByRole("row").filter({ hasText: "已导入" })).toHaveCount(3);
    await screenshot(page, "import-to-run-batches");

    await page.goto("/reconcile");
    await page.getByRole("button", { name: "开始对账" }).click();
    const latestRun = page.getByTestId("reconcile-runs").getByRole("row").first();
    await expect(latestRun).toContainText("已完成", { timeout: 90_000 });
    // The Alipay withdrawals name their bank receipts: the worker's run books them by itself.
    expect(Number(await latestRun.getByTestId("run-auto-confirmed").textContent())).toBeGreaterThan(0);
    await screenshot(page, "import-to-run-reconciled");
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});
