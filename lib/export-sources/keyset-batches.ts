// Every row of a newest-first list, a batch at a time, for lists the page reads through Prisma with
// a `where` of its own (the audit log, the import batches): each batch continues after the last row
// of the one before by (createdAt, id), an index range on (orgId, createdAt), so the export reuses
// the page's `where` as it is (no second spelling of its filters in SQL) and a big log is never in
// memory at once. Inside the export's REPEATABLE READ transaction every batch sees one snapshot.
import { CURSOR_BATCH_ROWS } from "./cursor-rows";

/** "After the last row" in (createdAt DESC, id DESC) order, as a Prisma condition ({} for the first batch). */
export type OlderThan<I> = { OR: [{ createdAt: { lt: Date } }, { createdAt: Date; id: { lt: I } }] } | Record<string, never>;

/** `fetch` returns up to `take` rows matching its own where AND `after`, ordered by createdAt DESC, id DESC. */
export async function* keysetBatches<T extends { createdAt: Date; id: I }, I>(fetch: (after: OlderThan<I>, take: number) => Promise<T[]>, batchSize = CURSOR_BATCH_ROWS): AsyncGenerator<T[]> {
  let after: OlderThan<I> = {};
  while (true) {
    const batch = await fetch(after, batchSize);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    const last = batch.at(-1)!;
    after = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
}
