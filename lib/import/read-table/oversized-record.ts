// Finds a record too wide or too long in text that is about to go to papaparse, without building
// its cells: papaparse splits a row completely before its step callback sees it, so one 2 MB row
// of a million quoted cells costs seconds there. Follows papaparse's rules for where a field ends
// (a quoted field closes at a quote followed by optional whitespace and a delimiter or line break;
// "" is a quote inside it; any other quote is kept and the search goes on), so it counts the cells
// papaparse would give and never more; the reader still checks each row papaparse gives.

const QUOTE = 0x22;

export type OversizedRecord = { start: number; code: "TOO_MANY_COLUMNS" | "LINE_TOO_LONG" };

/**
 * The first record of `text` (lines end in "\n") with more than maxColumns fields or more than
 * maxLineChars characters; null when there is none. A record cut off by the end of the text counts
 * as far as it goes: it can only grow, and a quote never closed (where papaparse's search for the
 * closing quote over a million stray quotes takes seconds) makes it run to the end of the file.
 */
export function findOversizedRecord(text: string, delimiter: string, maxColumns: number, maxLineChars: number): OversizedRecord | null {
  const length = text.length;
  let recordStart = 0;
  let fields = 1;
  let cursor = 0;
  let nextDelimiter = text.indexOf(delimiter);
  let nextNewline = text.indexOf("\n");
  const refresh = (from: number) => {
    if (nextDelimiter !== -1 && nextDelimiter < from) nextDelimiter = text.indexOf(delimiter, from);
    if (nextNewline !== -1 && nextNewline < from) nextNewline = text.indexOf("\n", from);
  };
  const blank = (from: number, to: number) => to >= from && text.slice(from, to).trim() === "";
  const tooLong = (end: number): OversizedRecord | null => (end - recordStart > maxLineChars ? { start: recordStart, code: "LINE_TOO_LONG" } : null);

  while (cursor < length) {
    let fieldEnd: number;
    if (text.charCodeAt(cursor) === QUOTE) {
      let quote = cursor;
      for (;;) {
        quote = text.indexOf('"', quote + 1);
        if (quote === -1 || quote === length - 1) return tooLong(length); // the field runs to the end of the text
        if (quote - recordStart > maxLineChars) return tooLong(quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          quote++;
          continue;
        }
        refresh(quote + 1);
        const upTo = nextNewline === -1 ? nextDelimiter : Math.min(nextDelimiter, nextNewline);
        if (nextDelimiter !== -1 && upTo !== -1 && blank(quote + 1, upTo) && upTo === nextDelimiter) {
          fieldEnd = nextDelimiter;
          break;
        }
        if (nextNewline !== -1 && blank(quote + 1, nextNewline)) {
          fieldEnd = nextNewline;
          break;
        }
      }
    } else {
      refresh(cursor);
      if (nextDelimiter !== -1 && (nextNewline === -1 || nextDelimiter < nextNewline)) fieldEnd = nextDelimiter;
      else if (nextNewline !== -1) fieldEnd = nextNewline;
      else return tooLong(length); // the last field, up to the end of the text
    }
    if (fieldEnd === nextDelimiter && text.startsWith(delimiter, fieldEnd)) {
      fields++;
      if (fields > maxColumns) return { start: recordStart, code: "TOO_MANY_COLUMNS" };
      cursor = fieldEnd + delimiter.length;
    } else {
      const oversized = tooLong(fieldEnd);
      if (oversized) return oversized;
      recordStart = fieldEnd + 1;
      fields = 1;
      cursor = recordStart;
    }
  }
  return null;
}
