// Distribution-ready keys (issue 13): when one PostgreSQL is no longer enough, tenant tables are to be
// distributed by "orgId" (Citus), which only accepts a primary key, a unique constraint or index, or a
// foreign key between distributed tables that contains the distribution column. This reads the live
// schema the migrations built, so a new table, index or migration that breaks the rule fails here.
import { afterAll, describe, expect, it } from "vitest";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";

afterAll(() => closePgPool());

/**
 * Tables without "orgId": not per company. In Citus they would be reference tables (copied to every
 * node) or stay on the coordinator; either way nothing distributes them, so their keys are free.
 */
const GLOBAL_TABLES: Record<string, string> = {
  Organization: "the tenants themselves; its id is what the other tables are distributed by",
  User: "one login belongs to several organizations (Membership)",
  UserSession: "a login's signed-in browsers, across its organizations",
  LoginAttempt: "password throttling per e-mail and client address, before any organization is known",
  _prisma_migrations: "Prisma's record of applied migrations",
};

/**
 * Tables with "orgId" that would stay on the coordinator instead of being distributed, so their keys
 * need not contain it. Job: workers claim the next job of any organization with
 * SELECT … FOR UPDATE SKIP LOCKED, which Citus cannot run across shards (citusdata/citus#4647); the
 * queue is small (rows of live work) and only ever touched by id or by status.
 */
const COORDINATOR_LOCAL_TABLES: Record<string, string> = {
  Job: "the cross-company work queue, claimed with FOR UPDATE SKIP LOCKED",
};

type TableRow = { table: string; hasOrgId: boolean };
type KeyRow = { table: string; name: string; kind: string; columns: string[] };

async function tables(): Promise<TableRow[]> {
  const { rows } = await getPgPool().query<TableRow>(
    `SELECT c.relname AS "table",
            EXISTS (SELECT 1 FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attname = 'orgId' AND NOT a.attisdropped) AS "hasOrgId"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      ORDER BY 1`,
  );
  return rows;
}

/** Primary keys and every unique index (constraint or not, partial or not), with their key columns. */
async function uniqueKeys(): Promise<KeyRow[]> {
  const { rows } = await getPgPool().query<KeyRow>(
    `SELECT t.relname AS "table", i.relname AS name,
            CASE WHEN x.indisprimary THEN 'primary key' ELSE 'unique index' END AS kind,
            ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) AS k(attnum)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
       FROM pg_index x
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND x.indisunique
      ORDER BY 1, 2`,
  );
  return rows;
}

/** Foreign keys whose both ends are tables, with the referencing columns. */
async function foreignKeys(): Promise<(KeyRow & { references: string })[]> {
  const { rows } = await getPgPool().query<KeyRow & { references: string }>(
    `SELECT t.relname AS "table", c.conname AS name, 'foreign key' AS kind, r.relname AS "references",
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) AS k(attnum)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND c.contype = 'f'
      ORDER BY 1, 2`,
  );
  return rows;
}

describe("distribution-ready keys", () => {
  it("every table either carries orgId or is listed as global, with a reason", async () => {
    const all = await tables();
    const unlisted = all.filter((t) => !t.hasOrgId && !(t.table in GLOBAL_TABLES)).map((t) => t.table);
    expect(unlisted, "tables without orgId that are not on the list of global tables").toEqual([]);

    // The lists stay honest: no entry for a table that is gone or that became a tenant table.
    const names = new Map(all.map((t) => [t.table, t.hasOrgId]));
    expect(Object.keys(GLOBAL_TABLES).filter((t) => names.get(t) !== false)).toEqual([]);
    expect(Object.keys(COORDINATOR_LOCAL_TABLES).filter((t) => names.get(t) !== true)).toEqual([]);
  });

  it("every tenant table has a primary key, and it and every unique index contain orgId", async () => {
    const distributed = new Set(
      (await tables()).filter((t) => t.hasOrgId && !(t.table in COORDINATOR_LOCAL_TABLES)).map((t) => t.table),
    );
    const keys = (await uniqueKeys()).filter((k) => distributed.has(k.table));

    const withoutPrimaryKey = [...distributed].filter((t) => !keys.some((k) => k.table === t && k.kind === "primary key"));
    expect(withoutPrimaryKey, "tenant tables without a primary key").toEqual([]);

    const lackingOrgId = keys.filter((k) => !k.columns.includes("orgId")).map((k) => `${k.table}: ${k.kind} ${k.name} (${k.columns.join(", ")})`);
    expect(lackingOrgId, "keys of tenant tables that do not contain orgId").toEqual([]);
  });

  it("every foreign key between two tenant tables contains orgId (colocated joins)", async () => {
    const distributed = new Set(
      (await tables()).filter((t) => t.hasOrgId && !(t.table in COORDINATOR_LOCAL_TABLES)).map((t) => t.table),
    );
    const lackingOrgId = (await foreignKeys())
      .filter((k) => distributed.has(k.table) && distributed.has(k.references) && !k.columns.includes("orgId"))
      .map((k) => `${k.table} → ${k.references}: ${k.name} (${k.columns.join(", ")})`);
    expect(lackingOrgId).toEqual([]);
  });
});
