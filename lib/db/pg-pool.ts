// A plain `pg` pool beside Prisma, for what Prisma cannot do: COPY for bulk loads.
import pg from "pg";

const globalForPool = globalThis as unknown as { pgPool?: pg.Pool; pgPoolUrl?: string };

export function getPgPool(connectionString = process.env.DATABASE_URL): pg.Pool {
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  if (!globalForPool.pgPool || globalForPool.pgPoolUrl !== connectionString) {
    globalForPool.pgPool = new pg.Pool({ connectionString, max: 5 });
    // An idle connection dropped by the server (restart, shutdown at exit) must not crash the
    // process; the next query opens a new one.
    globalForPool.pgPool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    globalForPool.pgPoolUrl = connectionString;
  }
  return globalForPool.pgPool;
}

export async function closePgPool(): Promise<void> {
  await globalForPool.pgPool?.end();
  globalForPool.pgPool = undefined;
}
