// Runs the Prisma CLI (migrate deploy, migrate diff) against a given database URL.
import { spawnSync } from "node:child_process";
import path from "node:path";

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

export function applyMigrations(projectRoot: string, databaseUrl: string): void {
  runPrismaCli(projectRoot, ["migrate", "deploy"], databaseUrl, { capture: true });
}
