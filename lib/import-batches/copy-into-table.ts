// Bulk load through COPY into a temporary staging table, then one INSERT … SELECT … ON CONFLICT DO
// NOTHING into the real table: rows already stored (same org, store/account and natural key) are
// skipped, which makes re-importing a file, or an overlapping statement, add nothing twice.
// Runs inside the caller's transaction, so a failure leaves nothing behind.
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { NormalizedRow } from "@/lib/import/types";
import { ROW_TABLES, toCopyLine, type RowScope } from "./row-tables";
import type { ImportKind } from "@/lib/import/types";

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

export type CopyLoader = {
  write: (rows: NormalizedRow[]) => Promise<void>;
  /** Moves the staged rows into the real table; returns how many were new. */
  finish: () => Promise<{ inserted: number; staged: number }>;
  /** Ends the COPY without using its rows (the caller then rolls back). */
  abort: () => Promise<void>;
};

export async function openCopyLoader(client: pg.PoolClient, kind: ImportKind, scope: RowScope): Promise<CopyLoader> {
  const spec = ROW_TABLES[kind];
  const columns = spec.columns.map(quote).join(", ");
  const stage = `import_stage_${kind}`;
  await client.query(`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${columns} FROM ${quote(spec.table)} WITH NO DATA`);
  const copy = client.query(copyFrom(`COPY ${stage} (${columns}) FROM STDIN WITH (FORMAT csv)`));
  // Errors still reach the caller through finished() and once("drain"); this listener only keeps
  // a COPY that dies with its dropped connection (after a failure elsewhere) from crashing the process.
  copy.on("error", () => {});
  let staged = 0;

  return {
    async write(rows) {
      if (rows.length === 0) return;
      let text = "";
      for (const row of rows) text += toCopyLine(spec.values(row, scope));
      staged += rows.length;
      if (!copy.write(text)) await once(copy, "drain");
    },
    async abort() {
      copy.end();
      await finished(copy);
    },
    async finish() {
      copy.end();
      await finished(copy);
      const result = await client.query(
        `INSERT INTO ${quote(spec.table)} (${columns}) SELECT ${columns} FROM ${stage}
         ON CONFLICT ("orgId", ${quote(spec.targetColumn)}, "naturalKey") DO NOTHING`,
      );
      return { inserted: result.rowCount ?? 0, staged };
    },
  };
}
