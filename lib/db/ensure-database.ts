// One answer to "which PostgreSQL?": DATABASE_URL when it is set (used unchanged), otherwise the
// embedded server under .data/pg with a database of the given name, created on first use.
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";

export type Database = {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it. */
  stop: () => Promise<void>;
};

export const DEFAULT_DATABASE_NAME = "recon";

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(options: {
  projectRoot: string;
  database?: string;
  log?: (line: string) => void;
}): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres(options.projectRoot, options.log);
  const name = options.database ?? DEFAULT_DATABASE_NAME;
  await createDatabaseIfMissing(server.urlFor("postgres"), name);
  return { url: server.urlFor(name), embedded: true, stop: server.stop };
}
