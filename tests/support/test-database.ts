// A fresh, migrated database per test run, on the embedded server or on the server in DATABASE_URL.
// Further copies are cloned from it with CREATE DATABASE … TEMPLATE (milliseconds, not a migration).
import pg from "pg";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { applyMigrations } from "../../lib/db/run-prisma-cli";

export type TestDatabases = { urls: string[]; drop: () => Promise<void> };

const PREFIX = "recon_test_";
const STALE_AFTER_MS = 6 * 3600_000;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Databases left behind by runs that crashed hours ago. */
async function dropStaleTestDatabases(client: pg.Client, now: number): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}%`]);
  for (const { datname } of rows) {
    const startedAt = Number(datname.slice(PREFIX.length).split("_")[0]);
    if (startedAt && now - startedAt > STALE_AFTER_MS) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  }
}

export async function createTestDatabases(projectRoot: string, purposes: string[]): Promise<TestDatabases> {
  const server = await ensureDatabase({ projectRoot });
  const stamp = `${PREFIX}${Date.now()}_${process.pid}`;
  const template = `${stamp}_template`;
  const names = purposes.map((purpose) => `${stamp}_${purpose}`);

  await withClient(server.url, async (client) => {
    await dropStaleTestDatabases(client, Date.now());
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(template)}`);
  });
  await applyMigrations(projectRoot, withDatabase(server.url, template));
  await withClient(server.url, async (client) => {
    for (const name of names) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`);
    }
  });

  return {
    urls: names.map((name) => withDatabase(server.url, name)),
    drop: async () => {
      await withClient(server.url, async (client) => {
        for (const name of [...names, template]) {
          await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
        }
      });
      await server.stop();
    },
  };
}
