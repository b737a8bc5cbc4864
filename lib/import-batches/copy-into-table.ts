// Bulk load through COPY, in chunks, inside the caller's transaction (a failure leaves nothing).
//
// Rows already stored (same org, store/account and natural key) must be skipped, which makes
// re-importing a file, or an overlapping statement, add nothing twice. A chunk is first COPYed
// straight into the real table under a savepoint: when none of its keys is stored yet (a new
// month's export, a new store) that is all. If COPY hits a stored key (unique violation), the
// chunk is rolled back to the savepoint and loaded the careful way: COPY into a temporary staging
// table, then INSERT … SELECT … ON CONFLICT DO NOTHING. Once a chunk needed that, the rest of the
// file goes the careful way too (an overlapping file tends to overlap throughout).
//
// Chunks are loaded while the next one is parsed, so an import takes about as long as the slower
// of parsing and PostgreSQL rather than their sum. The parser may run at most one chunk ahead.
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { ImportKind, NormalizedRow } from "@/lib/import/types";
import { ROW_TABLES, toCopyLine, type RowScope } from "./row-tables";

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** 100k rows of a wide export are ~30 MB of COPY text; two chunks are in memory at a time. */
const DEFAULT_CHUNK_ROWS = 100_000;
const UNIQUE_VIOLATION = "23505";

export type CopyLoader = {
  write: (rows: NormalizedRow[]) => Promise<void>;
  /** Loads what is left; returns how many rows were new and how many were given. */
  finish: () => Promise<{ inserted: number; staged: number }>;
  /** Stops loading (the caller then rolls back). */
  abort: () => Promise<void>;
};

type Chunk = { parts: Buffer[]; rows: number };

export type CopyLoaderOptions = { chunkRows?: number };

export async function openCopyLoader(client: pg.PoolClient, kind: ImportKind, scope: RowScope, options: CopyLoaderOptions = {}): Promise<CopyLoader> {
  const spec = ROW_TABLES[kind];
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  const columns = spec.columns.map(quote).join(", ");
  const table = quote(spec.table);
  const stage = `import_stage_${kind}`;
  let direct = true;
  let stageCreated = false;
  let inserted = 0;
  let staged = 0;
  let current: Chunk = { parts: [], rows: 0 };
  let loading: Promise<void> = Promise.resolve();
  let failure: unknown;

  /** COPY the chunk's text into `into`; resolves with the rows PostgreSQL took. */
  async function copyChunk(into: string, chunk: Chunk): Promise<number> {
    // One part in flight at a time (highWaterMark 0: every write waits for its drain), so
    // pg-copy-streams never holds queued parts when PostgreSQL refuses the data mid-way: it would
    // write them to a COPY that has already ended. once() rejects when the stream reports an error.
    const copy = client.query(copyFrom(`COPY ${into} (${columns}) FROM STDIN WITH (FORMAT csv)`, { highWaterMark: 0 }));
    // Errors reach us through once() and finished(); this keeps a late one (after a failure
    // elsewhere dropped the connection) from crashing the process.
    copy.on("error", () => {});
    for (const part of chunk.parts) if (!copy.write(part)) await once(copy, "drain");
    copy.end();
    await finished(copy);
    return copy.rowCount;
  }

  async function loadCarefully(chunk: Chunk): Promise<void> {
    if (!stageCreated) {
      await client.query(`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${columns} FROM ${table} WITH NO DATA`);
      stageCreated = true;
    }
    await copyChunk(stage, chunk);
    const result = await client.query(
      `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${stage}
       ON CONFLICT ("orgId", ${quote(spec.targetColumn)}, "naturalKey") DO NOTHING`,
    );
    inserted += result.rowCount ?? 0;
    await client.query(`TRUNCATE ${stage}`);
  }

  async function load(chunk: Chunk): Promise<void> {
    if (direct) {
      await client.query("SAVEPOINT import_chunk");
      try {
        inserted += await copyChunk(table, chunk);
        await client.query("RELEASE SAVEPOINT import_chunk");
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        await client.query("ROLLBACK TO SAVEPOINT import_chunk");
        await client.query("RELEASE SAVEPOINT import_chunk");
        direct = false;
      }
    }
    await loadCarefully(chunk);
  }

  /** Waits for the previous chunk, then starts loading this one without waiting for it. */
  async function handOver(chunk: Chunk): Promise<void> {
    await loading;
    if (chunk.rows === 0) return;
    loading = load(chunk);
    // Seen by the next write, handOver or finish; this only keeps it from being "unhandled".
    loading.catch((error: unknown) => (failure ??= error));
  }

  return {
    async write(rows) {
      if (failure) throw failure;
      if (rows.length === 0) return;
      let text = "";
      for (const row of rows) text += toCopyLine(spec.values(row, scope));
      current.parts.push(Buffer.from(text));
      current.rows += rows.length;
      staged += rows.length;
      if (current.rows >= chunkRows) {
        const full = current;
        current = { parts: [], rows: 0 };
        await handOver(full);
      }
    },
    async finish() {
      await handOver(current);
      current = { parts: [], rows: 0 };
      await loading;
      return { inserted, staged };
    },
    async abort() {
      current = { parts: [], rows: 0 };
      await loading.catch(() => {});
    },
  };
}
