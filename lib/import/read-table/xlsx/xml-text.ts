// Just enough XML for SpreadsheetML parts written by Excel, WPS and the export libraries: attribute
// values, element text with the five named entities and numeric character references.
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = decimal ? Number(decimal) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The value of attribute `name` in a start tag's attribute text, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  // Preceded by white space, so "r" does not match inside "spans" or "x14ac:dyDescent".
  let at = tag.indexOf(` ${name}="`);
  if (at < 0) {
    at = tag.indexOf(`\n${name}="`);
    if (at < 0) return undefined;
  }
  const start = at + name.length + 3;
  const end = tag.indexOf('"', start);
  return end < 0 ? undefined : decodeXmlText(tag.slice(start, end));
}

/**
 * The text of a string item (<si> or <is>): every <t> joined, as Excel shows it. Phonetic runs
 * (<rPh>, the furigana of Japanese workbooks) are not part of the value.
 */
export function stringItemText(xml: string): string {
  let text = "";
  let from = 0;
  for (;;) {
    const open = xml.indexOf("<t", from);
    if (open < 0) return text;
    const after = xml.charCodeAt(open + 2);
    // <t> or <t xml:space="preserve">, not <tx…>; <t/> is empty.
    if (after !== 0x3e && after !== 0x20) {
      from = open + 2;
      continue;
    }
    const phonetic = xml.lastIndexOf("<rPh", open);
    const tagEnd = xml.indexOf(">", open);
    if (tagEnd < 0) return text;
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
      from = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf("</t>", tagEnd);
    if (close < 0) return text;
    if (phonetic < 0 || xml.lastIndexOf("</rPh>", open) > phonetic) text += decodeXmlText(xml.slice(tagEnd + 1, close));
    from = close + 4;
  }
}

/**
 * Complete elements `<name …>…</name>` (or `<name …/>`) from text arriving in pieces, as many as
 * each piece completes; the unfinished tail waits for the next piece. Elements must not nest.
 */
export async function* completeElements(pieces: AsyncIterable<string>, name: string): AsyncGenerator<string[]> {
  const open = `<${name}`;
  const close = `</${name}>`;
  let pending = "";
  for await (const piece of pieces) {
    pending += piece;
    const found: string[] = [];
    let from = 0;
    for (;;) {
      const start = pending.indexOf(open, from);
      if (start < 0) {
        // The piece may end inside the next start tag's name ("…<ro"): keep that much.
        from = Math.max(from, pending.length - open.length);
        break;
      }
      if (start + open.length >= pending.length) {
        from = start; // the piece ends right after the name: decide with the next one
        break;
      }
      const next = pending.charCodeAt(start + open.length);
      if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x0a && next !== 0x0d && next !== 0x09) {
        // Another element whose name starts the same (<rows>, <sis>): skip it.
        from = start + open.length;
        continue;
      }
      const tagEnd = pending.indexOf(">", start);
      if (tagEnd < 0) {
        from = start;
        break;
      }
      if (pending.charCodeAt(tagEnd - 1) === 0x2f) {
        found.push(pending.slice(start, tagEnd + 1));
        from = tagEnd + 1;
        continue;
      }
      const end = pending.indexOf(close, tagEnd);
      if (end < 0) {
        from = start;
        break;
      }
      found.push(pending.slice(start, end + close.length));
      from = end + close.length;
    }
    pending = pending.slice(from);
    if (found.length > 0) yield found;
  }
}
