// Runs the Prisma CLI (migrate deploy, migrate diff) against a given database URL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export function runPrismaCli(
  projectRoot: string,
  args: string[],
  databaseUrl: string,
  options: { capture?: boolean } = {},
): string {
  const cli = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
    stdio: options.capture ? ["ignore", "pipe", "pipe"] : ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed:\n${result.stdout ?? ""}${result.stderr ?? ""}`);
  }
  return result.stdout;
}

function migrationNames(projectRoot: string): string[] {
  const dir = path.join(projectRoot, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name);
}

/** True when every migration folder is recorded as applied in Prisma's own table. */
async function allMigrationsApplied(projectRoot: string, databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return migrationNames(projectRoot).every((name) => applied.has(name));
  } catch {
    return false; // no _prisma_migrations table yet: a new database
  } finally {
    await client.end();
  }
}

/**
 * `prisma migrate deploy`, skipped when nothing is pending: the CLI's WASM engine keeps the
 * process alive about ten seconds after it is done, which every start and CLI call would pay.
 */
export async function applyMigrations(projectRoot: string, databaseUrl: string): Promise<void> {
  if (await allMigrationsApplied(projectRoot, databaseUrl)) return;
  runPrismaCli(projectRoot, ["migrate", "deploy"], databaseUrl, { capture: true });
}
