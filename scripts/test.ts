// npm test: typecheck → lint → unit + integration tests (vitest, real PostgreSQL) → production build
// → browser tests (Playwright + Chromium). Each run gets fresh databases, dropped at the end.
// Ends with one line "Total: N passed, M failed" over every test that ran.
//   npm test                 everything
//   npm test -- unit e2e     only the named stages (static, unit, integration, e2e)
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createDbClient } from "../lib/db/client";
import { closePgPool, getPgPool } from "../lib/db/pg-pool";
import { seedDemoCompany } from "../lib/seed/seed-demo";
import { createTestDatabases, type TestDatabases } from "../tests/support/test-database";
import { chromiumPath } from "../playwright.config";

const projectRoot = process.cwd();
const resultsDir = path.join(projectRoot, ".data", "test-results");
const STAGES = ["static", "unit", "integration", "e2e"] as const;
type Stage = (typeof STAGES)[number];

const requested = process.argv.slice(2).filter((arg): arg is Stage => (STAGES as readonly string[]).includes(arg));
const stages = new Set<Stage>(requested.length ? requested : STAGES);
/** Anything else is handed to Playwright, e.g. `npm test -- e2e workspace` runs the specs matching "workspace". */
const playwrightFilters = process.argv.slice(2).filter((arg) => !(STAGES as readonly string[]).includes(arg));
const counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(title: string, command: string, args: string[], env: Record<string, string | undefined> = {}): boolean {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(title);
  return ok;
}

const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

function readJson(file: string): Record<string, unknown> | null {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : null;
}

function countVitest(file: string) {
  const report = readJson(file) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  if (!report) return;
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file: string) {
  const report = readJson(file) as { stats?: { expected?: number; unexpected?: number; skipped?: number; flaky?: number } } | null;
  if (!report?.stats) return;
  counts.passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  counts.failed += report.stats.unexpected ?? 0;
  counts.skipped += report.stats.skipped ?? 0;
}

function vitest(project: string, env: Record<string, string | undefined> = {}) {
  const output = path.join(resultsDir, `vitest-${project}.json`);
  run(`${project} tests (vitest)`, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`], env);
  countVitest(output);
}

fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

if (stages.has("static")) {
  run("typecheck (tsc)", bin("tsc"), ["--noEmit"]);
  run("lint (eslint)", bin("eslint"), ["--max-warnings=0", "."]);
}
if (stages.has("unit")) vitest("unit", { TZ: "UTC" });

let databases: TestDatabases | undefined;
try {
  const needsDb = stages.has("integration") || stages.has("e2e");
  if (needsDb) {
    console.log(`\n▶ fresh test databases on ${process.env.DATABASE_URL ? "DATABASE_URL's server" : "the embedded PostgreSQL"}`);
    databases = await createTestDatabases(projectRoot, ["integration", "e2e"]);
  }
  if (stages.has("integration")) vitest("integration", { TZ: "UTC", TEST_DATABASE_URL: databases!.urls[0] });

  if (stages.has("e2e")) {
    if (!fs.existsSync(chromiumPath)) {
      console.error(
        `\n✘ Browser tests need Chromium at ${chromiumPath} (Playwright cannot download browsers here).\n` +
          "  Install it with: apt-get update && apt-get install -y chromium   (or set CHROMIUM_PATH)",
      );
      failures.push("e2e: Chromium missing");
      counts.failed += 1;
    } else {
      const e2eUrl = databases!.urls[1]!;
      const db = createDbClient(e2eUrl);
      await seedDemoCompany(db, getPgPool(e2eUrl));
      await db.$disconnect();
      await closePgPool();
      if (run("production build for browser tests (next build)", process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], { NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-test", NEXT_TELEMETRY_DISABLED: "1" })) {
        // The app only queues imports and runs; a job worker beside it does them, as under npm start.
        const worker = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/worker.ts")], {
          cwd: projectRoot,
          env: { ...process.env, DATABASE_URL: e2eUrl },
          stdio: ["ignore", "ignore", "inherit"],
        });
        try {
          run("browser tests (playwright)", bin("playwright"), ["test", ...playwrightFilters], { E2E_DATABASE_URL: e2eUrl });
        } finally {
          worker.kill("SIGKILL");
        }
        countPlaywright(path.join(resultsDir, "playwright.json"));
      }
    }
  }
} finally {
  await databases?.drop();
}

console.log("");
if (failures.length) console.log(`Failed steps: ${failures.join("; ")}`);
console.log(`Total: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`);
process.exit(failures.length || counts.failed ? 1 : 0);
