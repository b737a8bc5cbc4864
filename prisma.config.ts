// Prisma 6.19 with its bundled WASM schema engine and the pg driver adapter: the only combination
// that runs offline here (see ../shared/PLATFORM.md). No engine binaries are downloaded.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

/**
 * The pg adapter applies a migration by splitting it on every ";", which breaks PL/pgSQL bodies
 * and runs each statement on its own. Sending the script as one simple-protocol query instead lets
 * PostgreSQL parse it properly and run it as one implicit transaction: a migration applies whole or
 * not at all.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await adapter.underlyingDriver().query(script);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error("DATABASE_URL is not set; run migrations through `npm run db:migrate`.");
    }
    return new WholeScriptPg({ connectionString });
  },
});
