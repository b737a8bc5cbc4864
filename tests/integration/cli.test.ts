// The CLI as automation uses it: a real process on the test database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

function cli(...args: string[]) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

const ICBC = path.resolve("../shared/fixtures/bank-icbc/example-icbc-debit-v2-records.csv");

describe("npm run cli", () => {
  const slug = `cli-${randomBytes(3).toString("hex")}`;

  it("creates an organization, a store and an account, and imports a statement idempotently", () => {
    expect(JSON.parse(cli("org", "create", slug, "--name", "CLI 测试").stdout)).toMatchObject({ slug, name: "CLI 测试" });
    expect(JSON.parse(cli("store", "create", "--org", slug, "--name", "京东店", "--platform", "jd", "--terms-days", "15", "--fee-rate", "0.08").stdout)).toMatchObject({
      platform: "JD",
      settlementTermsDays: 15,
      feeRateBps: 800,
    });
    // The account the ICBC file prints (卡号: 1234****9876) is this one: the CLI finds it without --account.
    const account = cli("account", "create", "--org", slug, "--name", "工行", "--type", "bank", "--institution", "中国工商银行", "--number", "1234567890129876");
    expect(JSON.parse(account.stdout)).toMatchObject({ type: "BANK" });

    const first = cli("import", "--org", slug, "--file", ICBC, "--json");
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(Object.keys(result)).toEqual(["batchId", "format", "kind", "rows", "inserted", "duplicates", "errors"]);
    expect(result).toMatchObject({ format: "icbc-statement", kind: "bank", duplicates: 0 });
    expect(result.inserted).toBeGreaterThan(0);

    const second = JSON.parse(cli("import", "--org", slug, "--file", ICBC, "--json").stdout);
    expect(second).toMatchObject({ inserted: 0, duplicates: result.inserted });
  });

  it("exits non-zero with a one-line reason for a file it cannot read", () => {
    const file = path.join(os.tmpdir(), `garbage-${process.pid}.csv`);
    fs.writeFileSync(file, randomBytes(4096));
    const result = cli("import", "--org", slug, "--file", file, "--account", "工行", "--json");
    expect(result.code).not.toBe(0);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(file);
    expect(JSON.parse(result.stdout)).toMatchObject({ inserted: 0, errors: [expect.objectContaining({ row: null })] });
    expect(cli("import", "--org", slug, "--file", "/no/such/file.csv").code).toBe(2);
    // A 300 MB file (sparse: no disk used) is refused by its size before anything is read.
    const huge = path.join(os.tmpdir(), `huge-${process.pid}.csv`);
    fs.closeSync(fs.openSync(huge, "w"));
    fs.truncateSync(huge, 300 * 1024 * 1024);
    const tooLarge = cli("import", "--org", slug, "--file", huge, "--account", "工行");
    fs.rmSync(huge);
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.stderr).toBe(`${huge}: 文件超过大小上限 200 MB。`);
    expect(cli("import", "--org", "no-such-org", "--file", ICBC).stderr).toBe("找不到标识为 “no-such-org” 的公司（--org）。");
  });

  // Every refusal in --lang (zh-CN by default), naming the CLI's flags; with --json also one object
  // { ok: false, error: { code, message, row, column } } on stdout, the exit code still non-zero.
  describe("refusals follow --lang and --json", () => {
    const refusal = (result: ReturnType<typeof cli>) => {
      expect(result.code).toBe(2);
      expect(result.stdout.split("\n")).toHaveLength(1);
      return JSON.parse(result.stdout) as { ok: boolean; error: { code: string; message: string; row: number | null; column: string | null } };
    };

    it("names --org, --store and --account, in English or Chinese", () => {
      const org = refusal(cli("import", "--org", "no-such-org", "--file", ICBC, "--json", "--lang", "en"));
      expect(org).toEqual({ ok: false, error: { code: "orgNotFound", message: "No company with the slug “no-such-org” (--org).", row: null, column: null } });
      const store = cli("import", "--org", slug, "--file", ICBC, "--store", "没有这个店", "--json", "--lang", "en");
      expect(refusal(store).error).toMatchObject({ code: "storeNotFound", message: "No store named “没有这个店” (--store)." });
      expect(store.stderr).toBe("No store named “没有这个店” (--store).");
      const account = cli("import", "--org", slug, "--file", ICBC, "--account", "没有这个账户", "--json");
      expect(refusal(account).error).toMatchObject({ code: "accountNotFound", message: "找不到名为 “没有这个账户” 的资金账户（--account）。" });
    });

    it("asks for --account, never fundAccountId, when the file's account cannot be told", () => {
      const lonely = `cli-lonely-${randomBytes(3).toString("hex")}`;
      expect(cli("org", "create", lonely).code).toBe(0);
      const english = cli("import", "--org", lonely, "--file", ICBC, "--json", "--lang", "en");
      expect(refusal(english)).toEqual({
        ok: false,
        error: { code: "accountRequired", message: "Choose the fund account this statement belongs to. Name it with --account <name>.", row: null, column: null },
      });
      expect(english.stderr).toBe("Choose the fund account this statement belongs to. Name it with --account <name>.");
      const chinese = cli("import", "--org", lonely, "--file", ICBC);
      expect(chinese.code).toBe(2);
      expect(chinese.stderr).toBe("请选择这份流水所属的资金账户。请用 --account <名称> 指定。");
      expect(chinese.stdout).toBe("");
      for (const result of [english, chinese]) expect(result.stdout + result.stderr).not.toMatch(/fundAccountId|storeId/);
    });

    it("says a file of no known layout is one, with the import's own error in the JSON", () => {
      // A comma file whose quoted cell holds a TAB: the header scan's TAB trial trips on it, the comma reading does not.
      const file = path.join(os.tmpdir(), `mystery-${process.pid}.csv`);
      fs.writeFileSync(file, '日期,备注,数额\n2024-01-01,"货款\t""加急""",1.00\n2024-01-02,运费,2.00\n');
      const english = cli("import", "--org", slug, "--file", file, "--account", "工行", "--json", "--lang", "en");
      const message = "No known layout: none of the first 60 rows is a header of a known format. Map the columns to import it.";
      const output = refusal(english) as ReturnType<typeof refusal> & { inserted: number; errors: Array<{ code: string }> };
      expect(output).toMatchObject({ ok: false, error: { code: "UNKNOWN_FORMAT", message, row: null, column: null }, inserted: 0 });
      expect(output.errors.map((error) => error.code)).toEqual(["UNKNOWN_FORMAT"]);
      expect(english.stderr).toBe(`${file}: ${message}`);
      const chinese = cli("import", "--org", slug, "--file", file, "--account", "工行");
      expect(chinese.code).toBe(2);
      expect(chinese.stderr).toBe(`${file}: 不是已知的文件格式：前 60 行中没有可识别的表头。请手动指定各列的含义（列映射）后导入。`);
      fs.rmSync(file);
    });

    it("refuses invalid rows with exit 1 and the first bad row named", () => {
      const file = path.join(os.tmpdir(), `cmb-bad-${process.pid}.csv`);
      fs.writeFileSync(file, "记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要\n2024-01-01,CNY,-3.00,81.22,消费,某店,\n2024-01-02,CNY,abc,80.22,消费,某店,\n");
      const result = cli("import", "--org", slug, "--file", file, "--account", "工行", "--json", "--lang", "en");
      fs.rmSync(file);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({
        ok: false,
        error: { code: "importInvalidRows", message: "1 invalid row; nothing stored (use --skip-invalid to store the valid rows).", row: 3, column: "交易金额" },
        inserted: 0,
        errors: [{ row: 3, column: "交易金额", code: "INVALID_AMOUNT", message: "Row 3, column “交易金额”: Unrecognised amount “abc”" }],
      });
      expect(result.stderr).toBe(`${file}: 1 invalid row; nothing stored (use --skip-invalid to store the valid rows).`);
    });

    it("words its flag errors in --lang instead of a stack trace", () => {
      expect(refusal(cli("import", "--org", slug, "--bogus", "--json", "--lang", "en")).error).toMatchObject({ code: "unknownOption", message: expect.stringContaining("Unknown option --bogus") });
      const missing = cli("import", "--org", slug, "--file");
      expect(missing).toMatchObject({ code: 2, stderr: "选项 --file 需要一个值。" });
      expect(refusal(cli("formats", "--lang", "fr", "--json")).error).toMatchObject({ code: "langInvalid", message: "--lang 只能是 zh-CN 或 en。" });
      const store = refusal(cli("store", "create", "--org", slug, "--name", "", "--platform", "nope", "--json", "--lang", "en")).error;
      expect(store.code).toBe("storeInvalid");
      expect(store.message).toBe("Invalid store: --name: Required.; --platform: Please choose one.");
      expect(cli("reconcile", "--org", slug, "--from", "2025-13", "--lang", "en").stderr).toBe("Invalid date “2025-13”: use YYYY-MM-DD.");
    });

    it("prints its own summaries in --lang", () => {
      const english = cli("import", "--org", slug, "--file", ICBC, "--lang", "en");
      expect(english.code).toBe(0);
      expect(english.stdout.split("\n")[0]).toMatch(/^.+: icbc-statement \(bank or wallet statement\), \d+ rows, 0 new, \d+ already imported, 0 invalid — imported$/);
      const chinese = cli("import", "--org", slug, "--file", ICBC);
      expect(chinese.stdout.split("\n")[0]).toMatch(/^.+：icbc-statement（银行\/钱包流水），共 \d+ 行，新增 0 行，\d+ 行此前已导入，0 行有误 — 已导入$/);
      expect(cli("formats", "--lang", "en").stdout).toContain("ICBC statement");
      expect(cli("formats").stdout).toContain("工商银行明细");
    });
  });

  it("exports the imported statement's rows to Excel and the import list to PDF, and refuses what the page would", () => {
    const out = path.join(os.tmpdir(), `cli-export-${process.pid}.xlsx`);
    const excel = cli("export", "unmatched", "--org", slug, "--format", "xlsx", "--out", out, "--list", "bank", "--min", "0.01");
    expect(excel, excel.stderr).toMatchObject({ code: 0, stdout: out });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK"); // a zip: an xlsx workbook
    const pdf = path.join(os.tmpdir(), `cli-export-${process.pid}.pdf`);
    expect(cli("export", "imports", "--org", slug, "--format", "pdf", "--out", pdf, "--lang", "en")).toMatchObject({ code: 0, stdout: pdf });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    for (const file of [out, pdf]) fs.rmSync(file);

    const refused = cli("export", "matched", "--org", slug, "--format", "xlsx", "--out", out, "--min", "abc");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("筛选条件有误");
    expect(fs.existsSync(out)).toBe(false);
    expect(cli("export", "nothing", "--org", slug, "--format", "xlsx", "--out", out)).toMatchObject({ code: 2, stderr: expect.stringContaining("export <what>") });
  });

  it("lists the formats it knows", () => {
    const lines = cli("formats").stdout.split("\n");
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(expect.arrayContaining(["alipay-transactions", "wechat-pay-bill", "ccb-statement", "tmall-orders", "pdd-account-ledger", "amazon-settlement-v2", "shopify-payments", "generic-bank"]));
  });
});
