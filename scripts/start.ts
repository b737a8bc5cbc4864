// npm start: database (embedded unless DATABASE_URL is set) → migrations → demo company on first
// start → build if needed → the app's server (scripts/serve.ts: Next's handler behind a plain Node
// HTTP server that knows the client's address) and one job worker (scripts/worker.ts: imports and
// runs are queued by the app, done there). Ctrl-C stops both and the embedded database.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createDbClient } from "../lib/db/client";
import { closePgPool, getPgPool } from "../lib/db/pg-pool";
import { prepareDatabase } from "../lib/db/prepare-database";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoCompany } from "../lib/seed/seed-demo";
import { ensureAuthSecret } from "./lib/auth-secret";
import { buildIsCurrent, nextBuild } from "./lib/next-build";

const projectRoot = process.cwd();
const port = Number(process.env.PORT ?? 3000);
const say = (line: string) => console.log(`[start] ${line}`);

say(process.env.DATABASE_URL ? "Using the PostgreSQL server in DATABASE_URL." : "Starting the embedded PostgreSQL (data in .data/pg) …");
const database = await prepareDatabase({ projectRoot });
say("Database ready, migrations applied.");

const db = createDbClient(database.url);
const seeded = await seedDemoCompany(db, getPgPool(database.url));
await db.$disconnect();
await closePgPool();
if (seeded.created) say(`Created the demo company 演示贸易有限公司 with a generated month (${seeded.rows} imported rows).`);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: ensureAuthSecret(projectRoot),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
};

if (!buildIsCurrent(projectRoot, ".next")) {
  say("Building the web app (first start or changed sources; takes a minute or two) …");
  nextBuild(projectRoot, env);
}

const server = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/serve.ts")], {
  cwd: projectRoot,
  env: { ...env, PORT: String(port) },
  stdio: ["ignore", "pipe", "inherit"],
});
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes("Ready")) {
    say(`Open http://localhost:${port} and sign in to the demo company:`);
    for (const user of DEMO_USERS) say(`  ${user.email.padEnd(24)} ${DEMO_PASSWORD}   (${user.role})`);
  }
});

let stopping = false;

// The worker does every import and run; one that dies (out of memory on a huge month, a crash) is
// started again, and its job is recovered by the new one's sweep (lib/jobs/sweep-jobs.ts).
let worker: ChildProcess;
function startJobWorker() {
  worker = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/worker.ts")], { cwd: projectRoot, env, stdio: ["ignore", "inherit", "inherit"] });
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    say(`The job worker stopped (${signal ?? `exit code ${code}`}); starting another in 2 s.`);
    setTimeout(() => stopping || startJobWorker(), 2000);
  });
}
startJobWorker();

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  worker.kill("SIGTERM");
  await new Promise((resolve) => (worker.exitCode !== null || worker.signalCode !== null ? resolve(null) : worker.once("exit", resolve)));
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
server.on("exit", (code) => void shutdown(code ?? 0));
