// Reads `COPY (…) TO STDOUT` text output straight from the socket's bytes: one callback per row,
// fields read on demand. Millions of rows go through here per run, so numbers are parsed from the
// bytes without making a string, and strings are made only for the fields a caller asks for, each
// as its own small string (not a slice that would keep a whole network chunk alive).
// Text format: fields separated by TAB, rows by LF, NULL as \N, and \\ \t \n \r \b \f \v \ooo
// escapes inside values (PostgreSQL "COPY" docs, "Text Format").
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

const TAB = 9;
const LF = 10;
const BACKSLASH = 92;
const MAX_FIELDS = 64;

export class CopyRow {
  buffer: Buffer = Buffer.alloc(0);
  /** starts[i] … ends[i] are field i's bytes; escaped[i] is 1 when they contain a backslash. */
  readonly starts = new Int32Array(MAX_FIELDS);
  readonly ends = new Int32Array(MAX_FIELDS);
  readonly escaped = new Uint8Array(MAX_FIELDS);
  count = 0;

  isNull(field: number): boolean {
    const start = this.starts[field]!;
    return this.ends[field]! - start === 2 && this.buffer[start] === BACKSLASH && this.buffer[start + 1] === 78; // \N
  }

  /** The value as text (UTF-8), escapes undone; undefined for NULL. */
  text(field: number): string | undefined {
    if (this.isNull(field)) return undefined;
    const value = this.buffer.toString("utf8", this.starts[field]!, this.ends[field]!);
    return this.escaped[field] ? unescapeCopyText(value) : value;
  }

  /** ASCII-only values (ids, numbers, dates, enum labels): latin1 decoding, the cheapest there is. */
  ascii(field: number): string | undefined {
    if (this.isNull(field)) return undefined;
    return this.buffer.toString("latin1", this.starts[field]!, this.ends[field]!);
  }

  /** Whether an ASCII field is `value` (an enum label, say), without making a string. */
  is(field: number, value: string): boolean {
    const start = this.starts[field]!;
    if (this.ends[field]! - start !== value.length || this.escaped[field]) return false;
    for (let i = 0; i < value.length; i++) if (this.buffer[start + i] !== value.charCodeAt(i)) return false;
    return true;
  }

  /** An integer column (int, bigint within ±2^53) as a number, without making a string; NaN for NULL. */
  integer(field: number): number {
    if (this.isNull(field)) return Number.NaN;
    const buffer = this.buffer;
    let at = this.starts[field]!;
    const end = this.ends[field]!;
    let sign = 1;
    if (buffer[at] === 45) {
      sign = -1;
      at++;
    }
    let value = 0;
    for (; at < end; at++) value = value * 10 + (buffer[at]! - 48);
    if (!Number.isSafeInteger(value)) throw new RangeError(`integer out of range: ${this.ascii(field)}`);
    return sign * value;
  }

  /** A date "YYYY-MM-DD" as the number YYYYMMDD (a key for sharing one string per day); NaN for NULL. */
  dateKey(field: number): number {
    if (this.isNull(field)) return Number.NaN;
    const b = this.buffer;
    const s = this.starts[field]!;
    // Written out, not a helper closure: this runs for every date of every row.
    return (
      (b[s]! - 48) * 10_000_000 +
      (b[s + 1]! - 48) * 1_000_000 +
      (b[s + 2]! - 48) * 100_000 +
      (b[s + 3]! - 48) * 10_000 +
      (b[s + 5]! - 48) * 1000 +
      (b[s + 6]! - 48) * 100 +
      (b[s + 8]! - 48) * 10 +
      (b[s + 9]! - 48)
    );
  }

  /** A timestamp without zone "YYYY-MM-DD HH:MM:SS" as "YYYY-MM-DDTHH:MM:SS" (the engine's wall clock). */
  wallClock(field: number): string | undefined {
    if (this.isNull(field)) return undefined;
    const start = this.starts[field]!;
    this.buffer[start + 10] = 84; // "T"; the row's bytes are ours and read once
    return this.buffer.toString("latin1", start, start + 19);
  }
}

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };

export function unescapeCopyText(value: string): string {
  return value.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g, (_match, octal?: string, hex?: string, other?: string) => {
    if (octal) return String.fromCharCode(parseInt(octal, 8));
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    return ESCAPES[other!] ?? other!;
  });
}

/** Splits complete rows out of the byte stream and hands each to `onRow`; returns the row count. */
export async function readCopyRows(client: pg.ClientBase, sql: string, onRow: (row: CopyRow) => void): Promise<number> {
  const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT`));
  const row = new CopyRow();
  let rows = 0;
  let rest: Buffer | undefined;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    row.buffer = buffer;
    let lineStart = 0;
    let field = 0;
    row.starts[0] = 0;
    row.escaped[0] = 0;
    for (let at = 0; at < buffer.length; at++) {
      const byte = buffer[at]!;
      if (byte === TAB) {
        row.ends[field] = at;
        field++;
        row.starts[field] = at + 1;
        row.escaped[field] = 0;
      } else if (byte === LF) {
        row.ends[field] = at;
        row.count = field + 1;
        onRow(row);
        rows++;
        lineStart = at + 1;
        field = 0;
        row.starts[0] = lineStart;
        row.escaped[0] = 0;
      } else if (byte === BACKSLASH) {
        row.escaped[field] = 1;
        at++; // the escaped byte is never a separator
      }
    }
    rest = lineStart < buffer.length ? buffer.subarray(lineStart) : undefined;
  }
  if (rest) throw new Error("COPY output ended inside a row");
  return rows;
}
