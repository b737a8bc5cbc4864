// Writes rows into `COPY … FROM STDIN` (text format) in large chunks, waiting when the socket is
// full: PostgreSQL stores one chunk while Node builds the next, and memory stays flat however many
// rows a run writes.
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const CHUNK_CHARS = 1 << 18;
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A value as COPY text: NULL as \N, backslash, TAB and line breaks escaped. */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (char) => ESCAPED[char]!) : value;
}

export type CopyWriter = {
  /** One row: already escaped fields joined by TAB, ending with LF. */
  line: (text: string) => Promise<void> | undefined;
  end: () => Promise<void>;
};

export function openCopyWriter(client: pg.ClientBase, sql: string): CopyWriter {
  const stream = client.query(copyFrom(sql));
  let pending = "";
  const flush = async () => {
    const text = pending;
    pending = "";
    if (!stream.write(text)) await once(stream, "drain");
  };
  return {
    // Returns a promise only when a chunk went out, so callers await rarely (an await per row costs).
    line(text) {
      pending += text;
      return pending.length >= CHUNK_CHARS ? flush() : undefined;
    },
    async end() {
      if (pending) stream.write(pending);
      stream.end();
      await finished(stream);
    },
  };
}
