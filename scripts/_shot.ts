import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const base = "http://localhost:3000";
await page.goto(base + "/login");
await page.screenshot({ path: "/tmp/shot-login.png" });
await page.getByLabel("邮箱").fill("owner@demo.local");
await page.getByLabel("密码").fill("demo1234");
await page.getByRole("button", { name: "登录" }).click();
await page.waitForURL(base + "/");
await page.waitForLoadState("networkidle");
await page.screenshot({ path: "/tmp/shot-home.png", fullPage: true });
for (const p of process.argv.slice(2)) { await page.goto(base + p); await page.waitForLoadState("networkidle"); await page.screenshot({ path: `/tmp/shot-${p.replace(/\W+/g, "_")}.png`, fullPage: true }); }
await browser.close();
