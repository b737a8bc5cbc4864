// npm run dev: the same database preparation as `npm start`, then `next dev` with hot reload and one
// job worker (scripts/worker.ts), which does the imports and runs the app queues.
import { spawn } from "node:child_process";
import path from "node:path";
import { createDbClient } from "../lib/db/client";
import { closePgPool, getPgPool } from "../lib/db/pg-pool";
import { prepareDatabase } from "../lib/db/prepare-database";
import { seedDemoCompany } from "../lib/seed/seed-demo";
import { ensureAuthSecret } from "./lib/auth-secret";

const projectRoot = process.cwd();
const database = await prepareDatabase({ projectRoot });
const db = createDbClient(database.url);
await seedDemoCompany(db, getPgPool(database.url));
await db.$disconnect();
await closePgPool();

const env = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: ensureAuthSecret(projectRoot), NEXT_TELEMETRY_DISABLED: "1" };
const server = spawn(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "dev"], { cwd: projectRoot, env, stdio: "inherit" });
const worker = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/worker.ts")], { cwd: projectRoot, env, stdio: "inherit" });
const stop = async () => {
  server.kill("SIGTERM");
  worker.kill("SIGTERM");
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
