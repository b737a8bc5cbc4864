// exceljs' streaming writer has no backpressure: rows committed faster than the zip compresses them
// pile up in memory (a plain loop buffered a whole 1M-row sheet, 1.7 GiB). So the writers pause
// every so many rows while the zip entry's input holds more than a few MiB. The sheet's stream and
// its pipe are exceljs/archiver internals (exceljs 4.4); if they move, the backlog reads 0 and the
// writer simply stops pausing — the export still works, only its memory grows.
import type ExcelJS from "exceljs";

export const PAUSE_EVERY_ROWS = 1000;
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;

type StreamState = { length?: number };
type SheetStream = { pipes?: { _writableState?: StreamState; _readableState?: StreamState }[] };

function backlogBytes(sheet: ExcelJS.Worksheet): number {
  const pipe = (sheet as unknown as { stream?: SheetStream }).stream?.pipes?.[0];
  return (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
}

/** Yields to the event loop until the zip has caught up with the sheet. */
export async function drainSheet(sheet: ExcelJS.Worksheet): Promise<void> {
  do await new Promise((resolve) => setImmediate(resolve));
  while (backlogBytes(sheet) > MAX_BACKLOG_BYTES);
}
