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
    expect(cli("import", "--org", "no-such-org", "--file", ICBC).stderr).toContain("no organization");
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
