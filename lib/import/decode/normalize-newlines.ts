// Line endings are folded to "\n" before CSV parsing: exports mix CRLF rows with LF inside cells, and
// some old Mac-style files use CR alone. Counting "\n" afterwards gives the line number a text editor
// shows for the uploaded file, whichever ending it used.
export async function* normalizeNewlines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let heldCarriageReturn = false;
  for await (const chunk of chunks) {
    if (chunk === "") continue;
    let text: string = heldCarriageReturn ? `\r${chunk}` : chunk;
    // A chunk ending in "\r" may be the first half of "\r\n": keep it until the next chunk.
    heldCarriageReturn = text.endsWith("\r");
    if (heldCarriageReturn) text = text.slice(0, -1);
    yield text.replace(/\r\n?/g, "\n");
  }
  if (heldCarriageReturn) yield "\n";
}
