// Every row of a query, a batch at a time, through a server-side cursor: a million-row export holds
// two batches in memory, and the query runs once (no OFFSET paging that reads the list again per
// page). Runs inside the export's transaction, so every batch sees the same snapshot. The next batch
// is asked for before the current one is handed on, so PostgreSQL finds it while the writer works.
import type { Tx } from "@/lib/db/client";

export const CURSOR_BATCH_ROWS = 2000;

let cursors = 0;

export async function* cursorRows<T>(tx: Tx, sql: string, params: readonly unknown[], batchSize = CURSOR_BATCH_ROWS): AsyncGenerator<T[]> {
  const name = `export_cursor_${++cursors}`;
  const fetch = () => {
    const batch = tx.$queryRawUnsafe<T[]>(`FETCH ${batchSize} FROM ${name}`);
    // Marked handled now: it is awaited only once the writer is done with the batch before it, and a
    // failure in between must reach that await, not end the process as an unhandled rejection.
    batch.catch(() => undefined);
    return batch;
  };
  await tx.$executeRawUnsafe(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, ...params);
  let next: Promise<T[]> | undefined = fetch();
  try {
    while (next) {
      const batch: T[] = await next;
      next = batch.length < batchSize ? undefined : fetch();
      if (batch.length > 0) yield batch;
    }
  } finally {
    // A reader that stopped early (a cancel, an error) leaves a fetch in flight: let it land first.
    await next?.catch(() => undefined);
    // The transaction's end closes the cursor too; closing early frees its memory for a long export.
    await tx.$executeRawUnsafe(`CLOSE ${name}`).catch(() => undefined);
  }
}
