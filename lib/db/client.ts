// The one Prisma client of the process. It talks to PostgreSQL through the pg driver adapter
// (no query-engine binary: see ../shared/PLATFORM.md). Stateless apart from its connection pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createDbClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

function connectionStringFromEnv(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return url;
}

/** Lazily created so that importing this module never needs a database (e.g. during `next build`). */
export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createDbClient(connectionStringFromEnv());
  return globalForPrisma.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
