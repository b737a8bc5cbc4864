// 数据导入: upload → preview (with a row error shown) → commit → batch list → undo.
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

const FILE_NAME = `银行流水-${Date.now()}.csv`;
// A generic bank layout with one good row and one row whose 支出 is not an amount (file line 3).
const CSV = "交易日期,摘要,收入,支出,余额,对方户名\n2025-03-02,货款,1280.50,,51280.50,杭州某某贸易有限公司\n2025-03-03,手续费,,abc,51270.50,招商银行\n";

test("upload → preview with a row error → commit → batch list → undo", async ({ page }) => {
  await signIn(page, "accountant@demo.local");
  await page.goto("/import");
  await page.getByLabel("选择文件").setInputFiles({ name: FILE_NAME, mimeType: "text/csv", buffer: Buffer.from(CSV) });

  // The preview: detected layout, counts, the bad row named by row and column, the good row.
  await expect(page).toHaveURL(/\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByText("待确认")).toBeVisible();
  await expect(page.getByTestId("batch-summary")).toContainText("共 2 行数据");
  await expect(page.getByTestId("batch-summary")).toContainText("1 行无效");
  const errorRow = page.getByTestId("import-errors").getByRole("row").first();
  await expect(errorRow).toContainText("3");
  await expect(errorRow).toContainText("支出");
  await expect(errorRow).toContainText("abc");
  await expect(page.getByTestId("sample-rows")).toContainText("杭州某某贸易有限公司");
  await expect(page.getByTestId("sample-rows")).toContainText("¥1,280.50");
  await screenshot(page, "import-preview-zh");

  // Committing without choosing to skip the bad row is refused with a clear message.
  const form = page.getByTestId("commit-form");
  await form.getByLabel("所属资金账户").selectOption({ label: "招商银行基本户" });
  await form.getByRole("button", { name: "确认导入" }).click();
  await expect(form.getByText("文件中有 1 行无效数据")).toBeVisible();

  await form.getByLabel("所属资金账户").selectOption({ label: "招商银行基本户" });
  await form.getByLabel("跳过 1 行无效数据，只导入有效行").check();
  await form.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("已导入：新增 1 行")).toBeVisible();
  await screenshot(page, "import-committed-zh");

  // The batch list.
  await page.getByRole("link", { name: "返回导入列表" }).click();
  const listRow = page.getByTestId("import-batches").getByRole("row", { name: new RegExp(FILE_NAME) });
  await expect(listRow).toContainText("已导入");
  await expect(listRow).toContainText("招商银行基本户");
  await screenshot(page, "import-list-zh");

  // Undo.
  await listRow.getByRole("link", { name: "查看" }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "撤销此次导入" }).click();
  await expect(page.getByText("此次导入已于")).toBeVisible();
  await page.goto("/import");
  await expect(page.getByTestId("import-batches").getByRole("row", { name: new RegExp(FILE_NAME) })).toContainText("已撤销");
});

test("a VIEWER sees the imports but cannot upload", async ({ page }) => {
  await signIn(page, "viewer@demo.local");
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "数据导入" })).toBeVisible();
  await expect(page.getByLabel("选择文件")).toHaveCount(0);
  const response = await page.request.post("/api/imports?fileName=x.csv", { data: CSV });
  expect(response.status()).toBe(403);
});
