// A small tag scanner for the two markup statement formats: XML (CAMT.053, OFX 2) and OFX 1's SGML,
// whose leaf elements are never closed (<TRNAMT>-6.60<FITID>123). Each token knows its line.
import { LineCounter } from "./statement-table";

export type MarkupToken =
  | { type: "open"; name: string; attrs: Record<string, string>; selfClosing: boolean; line: number }
  | { type: "close"; name: string; line: number }
  | { type: "text"; text: string; line: number };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Local name: "ns:Ntry" → "Ntry". */
const localName = (name: string) => name.slice(name.indexOf(":") + 1);

export function* scanMarkup(text: string): Generator<MarkupToken> {
  const lines = new LineCounter(text);
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const end = lt === -1 ? text.length : lt;
    if (end > i) {
      const raw = text.slice(i, end);
      if (raw.trim() !== "") yield { type: "text", text: decodeEntities(raw), line: lines.at(i) };
    }
    if (lt === -1) return;
    if (text.startsWith("<!--", lt)) {
      const close = text.indexOf("-->", lt + 4);
      i = close === -1 ? text.length : close + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const close = text.indexOf("]]>", lt + 9);
      const body = text.slice(lt + 9, close === -1 ? text.length : close);
      if (body.trim() !== "") yield { type: "text", text: body, line: lines.at(lt) };
      i = close === -1 ? text.length : close + 3;
      continue;
    }
    const gt = text.indexOf(">", lt + 1);
    if (gt === -1) {
      // A tag cut off by the end of the file: reported as an unterminated element by the caller.
      yield { type: "open", name: "", attrs: {}, selfClosing: false, line: lines.at(lt) };
      return;
    }
    const body = text.slice(lt + 1, gt);
    i = gt + 1;
    if (body.startsWith("?") || body.startsWith("!")) continue;
    const line = lines.at(lt);
    if (body.startsWith("/")) {
      yield { type: "close", name: localName(body.slice(1).trim()), line };
      continue;
    }
    const selfClosing = body.endsWith("/");
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameMatch = /^\s*([^\s/>]+)/.exec(inner);
    const attrs: Record<string, string> = {};
    for (const m of inner.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[localName(m[1] ?? "")] = decodeEntities(m[2] ?? m[3] ?? "");
    }
    yield { type: "open", name: localName(nameMatch?.[1] ?? ""), attrs, selfClosing, line };
  }
}

/** An XML element with its children and text, and the line its start tag is on. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export type XmlParseResult =
  | { ok: true; root: XmlElement }
  | { ok: false; line: number; problem: "TRUNCATED" | "MISMATCHED_TAG"; tag: string };

/** Well-formedness as far as nesting goes: every element closed, in order. */
export function parseXml(text: string): XmlParseResult {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "", line: 1 };
  const stack: XmlElement[] = [root];
  for (const token of scanMarkup(text)) {
    const top = stack[stack.length - 1] as XmlElement;
    if (token.type === "text") {
      top.text += token.text;
    } else if (token.type === "open") {
      if (token.name === "") return { ok: false, line: token.line, problem: "TRUNCATED", tag: top.name };
      const element: XmlElement = { name: token.name, attrs: token.attrs, children: [], text: "", line: token.line };
      top.children.push(element);
      if (!token.selfClosing) stack.push(element);
    } else {
      if (stack.length === 1 || top.name !== token.name) {
        return { ok: false, line: token.line, problem: "MISMATCHED_TAG", tag: token.name };
      }
      stack.pop();
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1] as XmlElement;
    return { ok: false, line: open.line, problem: "TRUNCATED", tag: open.name };
  }
  return { ok: true, root };
}

export function child(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = element;
  for (const name of path) {
    current = current?.children.find((c) => c.name === name);
    if (!current) return undefined;
  }
  return current;
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of the element at the path, or undefined when absent or blank. */
export function textAt(element: XmlElement | undefined, ...path: string[]): string | undefined {
  const text = child(element, ...path)?.text.trim();
  return text ? text : undefined;
}
