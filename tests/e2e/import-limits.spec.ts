// A file past the import limits is read in its own process and refused on the batch page with the
// limit named, in the user's language; nothing can be committed.
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

const FILE_NAME = `超宽流水-${Date.now()}.csv`;
// The generic bank layout, then a row of 600 columns: past the default cap of 500.
const CSV = `交易日期,摘要,收入,支出,余额,对方户名\n2025-03-02,货款,1280.50,,51280.50,杭州某某贸易有限公司\n${"1,".repeat(599)}1\n`;

test("a file with a row wider than the column cap is refused with the limit named", async ({ page }) => {
  await signIn(page, "accountant@demo.local");
  await page.goto("/import");
  await page.getByLabel("选择文件").setInputFiles({ name: FILE_NAME, mimeType: "text/csv", buffer: Buffer.from(CSV) });

  await expect(page).toHaveURL(/\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByText("无法读取此文件")).toBeVisible();
  await expect(page.getByTestId("import-errors")).toContainText(`第 3 行：文件「${FILE_NAME}」超过了每行最多 500 列的上限，未导入任何数据。`);
  await expect(page.getByTestId("commit-form")).toHaveCount(0);
  await screenshot(page, "import-limit-refused-zh");
});
