// The CLI door keeps the import limits too (it reads the file in its own process already): a file
// past IMPORT_MAX_ROWS is refused with exit code 2, the limit's message in --json, and no row stored.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "./fixtures";

function cli(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

const ICBC = path.resolve("../shared/fixtures/bank-icbc/example-icbc-debit-v2-records.csv");

describe("npm run cli -- import, past the row limit", () => {
  it("exits 2 with the limit named in the file's error and stores nothing", async () => {
    const slug = `cli-limits-${randomBytes(3).toString("hex")}`;
    expect(cli({}, "org", "create", slug, "--name", "限额测试").code).toBe(0);
    expect(cli({}, "account", "create", "--org", slug, "--name", "工行", "--type", "bank").code).toBe(0);

    const refused = cli({ IMPORT_MAX_ROWS: "2" }, "import", "--org", slug, "--file", ICBC, "--account", "工行", "--json", "--lang", "en");
    expect(refused.code).toBe(2);
    const output = JSON.parse(refused.stdout);
    expect(output).toMatchObject({ inserted: 0, errors: [{ row: expect.any(Number), column: null }] });
    expect(output.errors).toHaveLength(1);
    expect(output.errors[0].message).toContain(`The file “${path.basename(ICBC)}” has more than 2 data rows, the limit per file; nothing was imported.`);
    const org = await db.organization.findUniqueOrThrow({ where: { slug } });
    expect(await db.bankTransaction.count({ where: { orgId: org.id } })).toBe(0);
    expect(await db.importBatch.findFirst({ where: { orgId: org.id } })).toMatchObject({ status: "FAILED" });
  });
});
