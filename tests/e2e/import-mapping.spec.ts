// An unknown layout: the user maps its columns once; the next file of that layout is recognised.
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

const stamp = Date.now();
const header = `入账时点,变动额,附言,凭证编码\n`;
const fileA = `某地方银行对账单\n${header}2025-03-04,+2300.00,三月货款,PZ${stamp}01\n2025-03-05,-15.00,手续费,PZ${stamp}02\n`;
const fileB = `某地方银行对账单\n${header}2025-03-06,+880.00,补款,PZ${stamp}03\n`;

test("map an unknown layout's columns, then the same layout is recognised next time", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/import");
  await page.getByLabel("选择文件").setInputFiles({ name: `地方银行-${stamp}-a.csv`, mimeType: "text/csv", buffer: Buffer.from(fileA) });
  await expect(page.getByText("无法读取此文件")).toBeVisible();

  const form = page.getByTestId("mapping-form");
  await expect(form.getByLabel("表头所在行")).toHaveValue("1");
  await form.getByLabel("格式名称（例如：某某银行流水）").fill(`地方银行 ${stamp}`);
  await form.getByLabel("日期", { exact: true }).selectOption("入账时点");
  await form.getByLabel("金额", { exact: true }).selectOption("变动额");
  // One amount column and no direction column: the person says what a positive amount means.
  await form.getByLabel("金额为正表示").selectOption("positiveIsIn");
  await form.getByLabel("摘要 / 备注").selectOption("附言");
  await form.getByLabel("流水号").selectOption("凭证编码");
  await screenshot(page, "import-mapping-zh");
  await form.getByRole("button", { name: "保存并按此读取" }).click();

  await expect(page.getByText("待确认")).toBeVisible();
  await expect(page.getByText(`识别为：自定义列映射「地方银行 ${stamp}」`)).toBeVisible();
  await expect(page.getByTestId("sample-rows")).toContainText("三月货款");
  await expect(page.getByTestId("sample-rows")).toContainText("-¥15.00");
  const commit = page.getByTestId("commit-form");
  await commit.getByLabel("所属资金账户").selectOption({ label: "工商银行一般户" });
  await commit.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("已导入：新增 2 行")).toBeVisible();

  // The second file of the same layout needs no mapping.
  await page.goto("/import");
  await page.getByLabel("选择文件").setInputFiles({ name: `地方银行-${stamp}-b.csv`, mimeType: "text/csv", buffer: Buffer.from(fileB) });
  await expect(page.getByText("待确认")).toBeVisible();
  await expect(page.getByText(`识别为：自定义列映射「地方银行 ${stamp}」`)).toBeVisible();
  await expect(page.getByTestId("sample-rows")).toContainText("补款");
});
