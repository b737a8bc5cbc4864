// Builds the Next.js app when there is no build yet or a source file is newer than the build, so
// `npm start` on a fresh clone (or after a pull) just works, and a second start is immediate.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "messages", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export function buildIsCurrent(projectRoot: string, distDir: string): boolean {
  const buildId = path.join(projectRoot, distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].every((entry) => newestMtime(path.join(projectRoot, entry)) <= builtAt);
}

export function nextBuild(projectRoot: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], {
    cwd: projectRoot,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed (see the output above).");
}
