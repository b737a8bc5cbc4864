// A bank statement goes to the account it is a statement of (issue 14): another bank's file is never
// pre-assigned to the company's only bank account; the user chooses, and is warned when the chosen
// account contradicts the file. The preview shows what the file says (account, dates, totals,
// balance check); a multi-file upload commits all at once once clean; Back shows the fresh list.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signUp, uniqueEmail } from "./helpers";

const fixture = (...parts: string[]) => path.resolve("../shared/fixtures", ...parts);
const CCB_XLS = fixture("bank-ccb", "交易明细_xxxx_2025xxxx_2025xxxx.xls");
const BOC_CSV = fixture("bank-boc", "example-boc-debit-records.csv");

/** A generic bank export that prints its account above the header, with running balances. */
function statementCsv(accountNumber: string, rows: string[]): Buffer {
  return Buffer.from(["账户明细", `账号：${accountNumber}`, "户名：测试贸易有限公司", "交易日期,摘要,收入,支出,余额,对方户名", ...rows, ""].join("\n"));
}
const CLEAN_ROWS = ["2025-03-02,货款,1280.50,,51280.50,杭州某某贸易有限公司", "2025-03-15,手续费,,10.00,51270.50,招商银行", "2025-03-31,货款,200.00,,51470.50,某某公司"];

async function companyWithOneCmbAccount(page: Page, label: string) {
  await signUp(page, `对账测试 ${label} ${Date.now()}`, uniqueEmail(label));
  await page.goto("/settings/accounts/new");
  await page.getByLabel("账户名称").fill("招商银行基本户");
  await page.getByLabel("开户行 / 机构").fill("招商银行");
  await page.getByLabel("账号").fill("6214830012345678");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/settings\/accounts$/);
}

async function upload(page: Page, files: { name: string; buffer: Buffer }[]) {
  await page.goto("/import");
  await page.getByLabel("选择文件").setInputFiles(files.map((file) => ({ ...file, mimeType: "application/octet-stream" })));
}

async function expectPreview(page: Page) {
  await expect(page).toHaveURL(/\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("commit-form")).toBeVisible();
}

test("another bank's statement gets no default account; choosing the CMB account warns", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await companyWithOneCmbAccount(page, "ccb");
  const form = page.getByTestId("commit-form");

  for (const [file, bank] of [
    [CCB_XLS, "中国建设银行"],
    [BOC_CSV, "中国银行"],
  ] as const) {
    await upload(page, [{ name: path.basename(file), buffer: readFileSync(file) }]);
    await expectPreview(page);
    // No default: the only bank account is CMB's, the file is another bank's.
    await expect(form.getByLabel("所属资金账户")).toHaveValue("");
    await expect(page.getByTestId("fact-bank")).toContainText(bank);
    await form.getByRole("button", { name: "确认导入" }).click();
    await expect(form.locator("#fundAccountId-error")).toHaveText("请选择这份流水所属的资金账户。");

    await form.getByLabel("所属资金账户").selectOption({ label: "招商银行基本户" });
    await expect(page.getByTestId("account-mismatch")).toContainText(`文件是${bank}的流水，所选账户属于招商银行`);
    await screenshot(page, `import-account-mismatch-${bank === "中国银行" ? "boc" : "ccb"}-zh-1440`);
  }

  // The BOC statement prints balances newest first: the check follows them.
  await expect(page.getByTestId("statement-facts")).toContainText("余额核对一致");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "import-account-mismatch-boc-zh-390");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("statement-facts")).toContainText("Balances agree");
  await page.getByTestId("commit-form").getByLabel("Fund account").selectOption({ label: "招商银行基本户" });
  await expect(page.getByTestId("account-mismatch")).toContainText("the file is a 中国银行 statement, the chosen account is at 招商银行");
  await screenshot(page, "import-account-mismatch-boc-en-390");
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, "import-account-mismatch-boc-en-1440");
});

test("a statement whose number matches an account gets it by default, and its preview shows what the file says", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await companyWithOneCmbAccount(page, "match");
  await upload(page, [{ name: `招行流水-${Date.now()}.csv`, buffer: statementCsv("6214 **** **** 5678", CLEAN_ROWS) }]);
  await expectPreview(page);
  const form = page.getByTestId("commit-form");
  await expect(form.getByLabel("所属资金账户")).not.toHaveValue("");
  await expect(form.getByLabel("所属资金账户").locator("option:checked")).toHaveText("招商银行基本户");
  await expect(page.getByTestId("account-mismatch")).toHaveCount(0);

  await expect(page.getByTestId("fact-account")).toHaveText("6214 **** **** 5678");
  await expect(page.getByTestId("fact-dates")).toHaveText("2025-03-02 至 2025-03-31");
  await expect(page.getByTestId("fact-count")).toHaveText("3 笔");
  await expect(page.getByTestId("fact-in")).toHaveText("¥1,480.50");
  await expect(page.getByTestId("fact-out")).toHaveText("¥10.00");
  await expect(page.getByTestId("fact-opening")).toHaveText("¥50,000.00");
  await expect(page.getByTestId("fact-closing")).toHaveText("¥51,470.50");
  await expect(page.getByTestId("statement-facts")).toContainText("余额核对一致：期初 ¥50,000.00 + 收入 ¥1,480.50 − 支出 ¥10.00 = 期末 ¥51,470.50。");
  await screenshot(page, "import-statement-facts-zh-1440");

  // A printed balance that breaks the chain is named by its row (file line 7: three lines above the header).
  const broken = [...CLEAN_ROWS.slice(0, 2), "2025-03-31,货款,200.00,,99999.99,某某公司"];
  await upload(page, [{ name: `断档流水-${Date.now()}.csv`, buffer: statementCsv("6214830012345678", broken) }]);
  await expectPreview(page);
  await expect(page.getByTestId("statement-facts")).toContainText("余额不连续：第 7 行");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "import-statement-facts-broken-zh-390");
});

test("a multi-file upload commits all at once when every preview is clean; Back shows the fresh list", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await companyWithOneCmbAccount(page, "all");
  const stamp = Date.now();
  const names = [`三月上-${stamp}.csv`, `三月下-${stamp}.csv`];
  await upload(page, [
    { name: names[0]!, buffer: statementCsv("6214830012345678", CLEAN_ROWS.slice(0, 2)) },
    { name: names[1]!, buffer: statementCsv("6214830012345678", CLEAN_ROWS.slice(2)) },
  ]);
  const group = page.getByTestId("upload-group");
  await expect(group).toContainText(names[0]!);
  await expect(group).toContainText(names[1]!);
  const commitAll = group.getByRole("button", { name: "全部导入" });
  await expect(commitAll).toBeEnabled({ timeout: 30_000 });
  await screenshot(page, "import-upload-group-zh-1440");
  await commitAll.click();
  for (const name of names) {
    await expect(page.getByTestId("import-batches").getByRole("row", { name: new RegExp(name) })).toContainText("已导入", { timeout: 30_000 });
  }

  // One more file: its preview opens; Back must list it, not the list from before the upload.
  const single = `单个-${stamp}.csv`;
  await upload(page, [{ name: single, buffer: statementCsv("6214830012345678", ["2025-04-01,货款,1.00,,51471.50,某某公司"]) }]);
  await expectPreview(page);
  await page.goBack();
  await expect(page).toHaveURL(/\/import(\?|$)/);
  await expect(page.getByTestId("import-batches").getByRole("row", { name: new RegExp(single) })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "import-list-after-back-zh-390");
});
