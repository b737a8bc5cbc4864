// What `npm start`, the CLI and the test runner do before touching data: pick the server, apply
// pending migrations.
import { ensureDatabase, type Database } from "./ensure-database";
import { applyMigrations } from "./run-prisma-cli";

export async function prepareDatabase(options: {
  projectRoot: string;
  database?: string;
  log?: (line: string) => void;
}): Promise<Database> {
  const database = await ensureDatabase(options);
  try {
    await applyMigrations(options.projectRoot, database.url);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}
