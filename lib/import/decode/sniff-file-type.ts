// The type of an upload is decided by its bytes, never by its name: banks send HTML named .xls,
// people rename .xlsx to .csv, and a binary renamed .csv must be refused rather than "parsed".

export type SniffedFileType =
  | { type: "xlsx" }
  | { type: "xls" }
  | { type: "text" }
  | { type: "binary"; detected: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// Formats people upload by mistake; all are binary, named here so the message can say what it was.
const BINARY_MAGIC: Array<[string, number[]]> = [
  ["PDF", [0x25, 0x50, 0x44, 0x46]],
  ["PNG", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG", [0xff, 0xd8, 0xff]],
  ["GIF", [0x47, 0x49, 0x46, 0x38]],
  ["GZIP", [0x1f, 0x8b]],
  ["RAR", [0x52, 0x61, 0x72, 0x21]],
  ["7Z", [0x37, 0x7a, 0xbc, 0xaf]],
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.length <= bytes.length && magic.every((byte, i) => bytes[i] === byte);
}

/** Needs the first 8 bytes of the file (fewer only when the file is shorter). */
export function sniffFileType(head: Uint8Array): SniffedFileType {
  if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) return { type: "xlsx" };
  if (startsWith(head, OLE2)) return { type: "xls" };
  for (const [name, magic] of BINARY_MAGIC) {
    if (startsWith(head, magic)) return { type: "binary", detected: name };
  }
  return { type: "text" };
}

/**
 * Text formats we recognise but do not import (ISO 20022 camt messages other than camt.052/053/054,
 * named by their number, "camt.086") and HTML tables that some Chinese banks serve as ".xls". Named so
 * the user learns what to export instead. OFX, camt.052/053/054 and MT940 statements are imported
 * (statements/parse-statement.ts) and are checked for before this.
 */
export function detectUnsupportedTextFormat(textHead: string): string | null {
  const head = textHead.slice(0, 4096);
  const camt = /urn:iso:std:iso:20022:tech:xsd:camt\.(\d{3})\./i.exec(head);
  if (camt) return `camt.${camt[1]}`;
  if (/^\s*<(?:!doctype\s+html|html|table)\b/i.test(head)) return "HTML";
  return null;
}
