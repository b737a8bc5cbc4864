// Issue 12, items 1 and 2 in the browser: two companies add the same e-mail; accepting an
// invitation with an existing account is throttled like sign-in.
// Each simulated person is a browser context of its own with its own X-Forwarded-For (the test
// server trusts one proxy hop, see playwright.config.ts), so this spec's failures never throttle
// the other specs' 127.0.0.1.
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { formAlert, screenshot, signUp, uniqueEmail } from "./helpers";

async function personAt(browser: Browser, testInfo: TestInfo, ip: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    extraHTTPHeaders: { "x-forwarded-for": ip },
  });
  return context.newPage();
}

/** Adds a member through the members page and returns what the page shows: the link and the message. */
async function addMember(page: Page, email: string, role: string): Promise<{ link: string; message: string }> {
  await page.goto("/settings/members");
  const form = page.locator("form", { has: page.getByRole("button", { name: "生成邀请链接" }) });
  await form.getByLabel("邮箱").fill(email);
  await form.getByLabel("角色").selectOption({ label: role });
  await form.getByRole("button", { name: "生成邀请链接" }).click();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  const message = (await page.getByRole("status").filter({ has: page.getByTestId("invite-link") }).textContent())!;
  return { link, message: message.replace(link, "<link>") };
}

/** Submits the invitation form and waits until the answer is on the page (the form resets then). */
async function submitPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel("密码").fill(password);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/invite/"));
  await page.getByRole("button", { name: "接受邀请" }).click();
  await answered;
  await expect(page.getByLabel("密码")).toHaveValue("");
}

test("two companies add the same e-mail: neither sees a password, and only the holder's own password joins", async ({ browser }, testInfo) => {
  const x = uniqueEmail("x");
  const ownerBEmail = uniqueEmail("owner-b");
  const ownerB = await personAt(browser, testInfo, "198.51.100.11");
  await signUp(ownerB, "乙公司", ownerBEmail);
  const byB = await addMember(ownerB, x, "管理员");
  await expect(ownerB.getByText("一次性密码")).toHaveCount(0);
  await expect(ownerB.getByTestId("one-time-password")).toHaveCount(0);
  await screenshot(ownerB, "identity-b-adds-x");

  const ownerC = await personAt(browser, testInfo, "198.51.100.12");
  await signUp(ownerC, "丙公司", uniqueEmail("owner-c"));
  const byC = await addMember(ownerC, x, "管理员");
  // Adding an e-mail that already has an account answers exactly like a new one.
  const existingAccount = await addMember(ownerC, ownerBEmail, "会计");
  expect(existingAccount.message).toBe(byC.message);
  await expect(ownerC.getByTestId("members-table")).not.toContainText(x);

  // The real x opens C's link and chooses their own password.
  const realX = await personAt(browser, testInfo, "198.51.100.13");
  await realX.goto(byC.link);
  await expect(realX.getByText("设置您的姓名和密码以创建账号。")).toBeVisible();
  await realX.getByLabel("您的姓名").fill("小徐");
  await realX.getByLabel("密码").fill("x-own-password");
  await realX.getByRole("button", { name: "接受邀请" }).click();
  await expect(realX.getByRole("heading", { name: "概览" })).toBeVisible();
  await expect(realX.getByTestId("current-user")).toContainText("管理员");

  // B's owner opens B's own link: it asks for the password of the account x created, which B never had.
  await ownerB.goto(byB.link);
  await expect(ownerB.getByText("该邮箱已有账号，请输入密码确认加入。")).toBeVisible();
  await expect(ownerB.getByLabel("您的姓名")).toHaveCount(0);
  await ownerB.getByLabel("密码").fill("password-b-would-have-set");
  await ownerB.getByRole("button", { name: "接受邀请" }).click();
  await expect(formAlert(ownerB).first()).toContainText("密码不正确。");
  await screenshot(ownerB, "identity-b-cannot-join-as-x");
  // And B's owner is still only in B.
  await ownerB.goto("/");
  await expect(ownerB.getByRole("combobox", { name: "切换公司" })).toHaveCount(0);
  await expect(ownerB.getByText("丙公司")).toHaveCount(0);
});

test("an existing account's invitation page refuses even the right password once throttled, in Chinese", async ({ browser }, testInfo) => {
  const holderEmail = uniqueEmail("holder");
  const holder = await personAt(browser, testInfo, "198.51.100.21");
  await signUp(holder, "丁公司", holderEmail, "holder-pass-1");

  const inviter = await personAt(browser, testInfo, "198.51.100.22");
  await signUp(inviter, "戊公司", uniqueEmail("owner-e"));
  const { link } = await addMember(inviter, holderEmail, "复核");

  const guesser = await personAt(browser, testInfo, "198.51.100.23");
  await guesser.goto(link);
  for (let i = 0; i < 5; i++) {
    await submitPassword(guesser, `guess-${i}`);
    await expect(formAlert(guesser).first()).toContainText("密码不正确。");
  }
  await submitPassword(guesser, "holder-pass-1");
  await expect(formAlert(guesser).first()).toContainText(/尝试次数过多，请 \d+ 秒后再试。/);
  await expect(guesser).toHaveURL(/\/invite\//);
  await screenshot(guesser, "identity-invite-throttled");
});

test("changing a password asks for the new one twice and refuses two that differ", async ({ browser }, testInfo) => {
  const page = await personAt(browser, testInfo, "10.77.3.1");
  const email = uniqueEmail("twice");
  await signUp(page, "两次密码公司", email, "password-e2e");
  await page.goto("/account/password");
  await page.getByLabel("当前密码").fill("password-e2e");
  await page.getByLabel("新密码", { exact: true }).fill("new-password-1");
  await page.getByLabel("再次输入新密码").fill("new-password-2");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("两次输入的新密码不一致。")).toBeVisible();
  await screenshot(page, "password-twice-differ");

  // React resets a form after its action: type all three again.
  await page.getByLabel("当前密码").fill("password-e2e");
  await page.getByLabel("新密码", { exact: true }).fill("new-password-1");
  await page.getByLabel("再次输入新密码").fill("new-password-1");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/$/);
});
