// Column widths have to be known before the first row is written (XLSX writes <cols> ahead of the
// data; a PDF lays out its header first), but rows stream. So the first rows are read ahead,
// measured, and then replayed in front of the rest of the stream.
import type { ExportRow } from "./export-table";

export async function peekRows(
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  count: number,
): Promise<{ head: ExportRow[]; all: AsyncIterable<ExportRow> }> {
  const iterator =
    Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : (rows as Iterable<ExportRow>)[Symbol.iterator]();
  const head: ExportRow[] = [];
  let done = false;
  while (head.length < count) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  async function* all(): AsyncGenerator<ExportRow> {
    yield* head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, all: all() };
}
