// npm run db:migration:create -- <name>
// Prisma's `migrate dev` cannot run here (its WASM engine cannot introspect a live database, see
// ../shared/PLATFORM.md), so a migration is the diff between the schema of the previous migration
// (kept as prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma. The CLI insists on a
// reachable database even for a schema-to-schema diff, so the usual one is started; it is not changed.
import fs from "node:fs";
import path from "node:path";
import { ensureDatabase } from "../lib/db/ensure-database";
import { runPrismaCli } from "../lib/db/run-prisma-cli";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:create -- <name_in_snake_case>");
  process.exit(1);
}

const migrationsDir = path.resolve("prisma/migrations");
const snapshot = path.join(migrationsDir, "schema.snapshot.prisma");
const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];

const database = await ensureDatabase({ projectRoot: process.cwd() });
let sql: string;
try {
  sql = runPrismaCli(
    process.cwd(),
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    database.url,
  );
} finally {
  await database.stop();
}
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing to create.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync("prisma/schema.prisma", snapshot);
console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql — review it, then run npm run db:migrate.`);
