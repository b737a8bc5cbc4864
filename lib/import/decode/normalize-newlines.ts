// Line endings: exports mix CRLF rows with LF inside cells, and some old Mac-style files use CR alone.
// Lone CRs become "\n" here; "\r\n" is left for the CSV reader, which ends rows at "\n" and drops the
// "\r" before it (folding CRLF in a separate pass over every megabyte costs more than the reader
// spends on it). Counting "\n" then gives the line number a text editor shows for the uploaded file,
// whichever ending it used.

const LINE_FEED = 0x0a;

/** Lone "\r" → "\n"; "\r\n" stays. Walks the CRs, which in a CRLF file end every line. */
function foldLoneCarriageReturns(text: string): string {
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) !== LINE_FEED) return text.replace(/\r(?!\n)/g, "\n");
  }
  return text;
}

export async function* normalizeNewlines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let heldCarriageReturn = false;
  for await (const chunk of chunks) {
    if (chunk === "") continue;
    let text: string = heldCarriageReturn ? `\r${chunk}` : chunk;
    // A chunk ending in "\r" may be the first half of "\r\n": keep it until the next chunk.
    heldCarriageReturn = text.endsWith("\r");
    if (heldCarriageReturn) text = text.slice(0, -1);
    yield foldLoneCarriageReturns(text);
  }
  if (heldCarriageReturn) yield "\n";
}
