// Merged cells (<mergeCell ref="A1:K1"/>) show the top-left cell's value across the whole range, and
// exports merge their titles and preambles that way. The list comes after the rows in the sheet XML,
// so it is found first by a pass over the inflated bytes that only looks for that tag.
import type { ZipEntry } from "../../decode/read-zip-central-directory";
import { zipEntryBytes } from "./zip-entry-text";

export type MergedRange = { top: number; left: number; bottom: number; right: number };

const TAG = Buffer.from("<mergeCell ");
// Longest tag kept across two inflated pieces: <mergeCell ref="XFD1048576:XFD1048576"/> and spare.
const OVERLAP_BYTES = 256;

function cellAt(reference: string): { row: number; column: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(reference);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 0x40);
  return { row: Number(match[2]), column };
}

function parseRange(tag: string): MergedRange | null {
  const ref = /\sref="([^"]+)"/.exec(tag)?.[1];
  const [from, to] = (ref ?? "").split(":");
  const start = from ? cellAt(from) : null;
  const end = to ? cellAt(to) : start;
  if (!start || !end) return null;
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
}

export async function readMergedRanges(buffer: Buffer, entry: ZipEntry): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  let carry = Buffer.alloc(0);
  for await (const chunk of zipEntryBytes(buffer, entry)) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let from = 0;
    let keepFrom = Math.max(0, bytes.length - OVERLAP_BYTES);
    for (;;) {
      const at = bytes.indexOf(TAG, from);
      if (at < 0) break;
      const end = bytes.indexOf(0x3e, at);
      if (end < 0) {
        keepFrom = Math.min(keepFrom, at);
        break;
      }
      const range = parseRange(bytes.toString("latin1", at, end));
      if (range) ranges.push(range);
      from = end + 1;
      keepFrom = Math.max(keepFrom, from);
    }
    carry = Buffer.from(bytes.subarray(keepFrom));
  }
  return ranges;
}
