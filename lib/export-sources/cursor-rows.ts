// Every row of a query, a batch at a time, through a server-side cursor: a million-row export holds
// one batch in memory, and the query runs once (no OFFSET paging that reads the list again per
// page). Runs inside the export's transaction, so every batch sees the same snapshot.
import type { Tx } from "@/lib/db/client";

export const CURSOR_BATCH_ROWS = 2000;

let cursors = 0;

export async function* cursorRows<T>(tx: Tx, sql: string, params: readonly unknown[], batchSize = CURSOR_BATCH_ROWS): AsyncGenerator<T[]> {
  const name = `export_cursor_${++cursors}`;
  await tx.$executeRawUnsafe(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, ...params);
  try {
    while (true) {
      const batch = await tx.$queryRawUnsafe<T[]>(`FETCH ${batchSize} FROM ${name}`);
      if (batch.length > 0) yield batch;
      if (batch.length < batchSize) return;
    }
  } finally {
    // The transaction's end closes it too; closing early frees its memory for a long export.
    await tx.$executeRawUnsafe(`CLOSE ${name}`).catch(() => undefined);
  }
}
