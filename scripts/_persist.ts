import { chromium } from "@playwright/test";
const mode = process.argv[2];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage();
const base = "http://localhost:3000";
if (mode === "before") {
  await page.goto(base + "/signup");
  await page.getByLabel("公司名称").fill("持久化测试公司");
  await page.getByLabel("您的姓名").fill("测试");
  await page.getByLabel("邮箱").fill("persist@test.local");
  await page.getByLabel("密码").fill("persist-pass");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await page.getByRole("heading", { name: "概览" }).waitFor();
  await page.goto(base + "/settings/stores/new");
  await page.getByLabel("店铺名称").fill("重启后还在的店");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(base + "/settings/stores");
} else {
  await page.goto(base + "/login");
  await page.getByLabel("邮箱").fill("persist@test.local");
  await page.getByLabel("密码").fill("persist-pass");
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("heading", { name: "概览" }).waitFor();
  console.log("after restart:", (await page.getByTestId("overview-stores").textContent()));
  await page.screenshot({ path: "/tmp/shot-persist.png" });
}
await browser.close();
