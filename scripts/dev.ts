// npm run dev: the same database preparation as `npm start`, then `next dev` with hot reload.
import { spawn } from "node:child_process";
import path from "node:path";
import { createDbClient } from "../lib/db/client";
import { closePgPool, getPgPool } from "../lib/db/pg-pool";
import { prepareDatabase } from "../lib/db/prepare-database";
import { failInterruptedRuns } from "../lib/reconcile-runs/interrupted-runs";
import { seedDemoCompany } from "../lib/seed/seed-demo";
import { ensureAuthSecret } from "./lib/auth-secret";

const projectRoot = process.cwd();
const database = await prepareDatabase({ projectRoot });
const db = createDbClient(database.url);
await seedDemoCompany(db, getPgPool(database.url));
await failInterruptedRuns(db);
await db.$disconnect();
await closePgPool();

const server = spawn(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "dev"], {
  cwd: projectRoot,
  env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: ensureAuthSecret(projectRoot), NEXT_TELEMETRY_DISABLED: "1" },
  stdio: "inherit",
});
const stop = async () => {
  server.kill("SIGTERM");
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
