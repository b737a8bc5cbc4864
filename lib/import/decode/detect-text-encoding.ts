// Chinese exports come as UTF-8 (with or without BOM), UTF-16 (Excel "Unicode text") or GBK/GB18030
// (Alipay, Pinduoduo, most banks). Nothing in a CSV says which, so we decide from the bytes:
// a BOM is certain; otherwise text that is valid UTF-8 is UTF-8 (GBK Chinese almost never is), and
// text that decodes as GB18030 without errors is GB18030. Anything else is refused, not garbled.
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export function detectBom(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  return null;
}

/**
 * UTF-16 without a BOM still has a tell: every ASCII character (digits, commas, line breaks) leaves
 * a NUL in the high byte, so NULs sit on one parity only. Binaries have NULs on both. The candidate
 * must then decode to text without control characters or broken surrogate pairs.
 */
export function guessUtf16WithoutBom(sample: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenNul++;
    if (sample[2 * i + 1] === 0) oddNul++;
  }
  // A few NULs on the other parity are CJK characters like 一 (U+4E00) whose low byte is 00.
  const candidate: TextEncoding | null =
    oddNul / pairs > 0.1 && evenNul / pairs < 0.05 ? "utf-16le" : evenNul / pairs > 0.1 && oddNul / pairs < 0.05 ? "utf-16be" : null;
  if (!candidate) return null;
  const text = iconv.decode(Buffer.from(sample.subarray(0, pairs * 2)), candidate);
  // Allow TAB, LF, CR; a lone surrogate at the very end may be a pair cut by the sample.
  const suspicious = /[\u0000-\u0008\u000b\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])(?!$)|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  return suspicious.test(text) ? null : candidate;
}

/** NUL bytes, or many control characters, mean this is not a text export whatever its name says. */
export function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // TAB, LF, FF, CR and the DOS end-of-file mark (0x1A) occur in real text exports.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a) control++;
  }
  return control > 8 && control / sample.length > 0.01;
}

export function firstNonAsciiIndex(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return i;
  return -1;
}

/** Drop a UTF-8 sequence cut off by the end of a sample window, so the cut is not taken as invalid. */
function withoutTruncatedUtf8Tail(bytes: Uint8Array): Uint8Array {
  const limit = Math.max(0, bytes.length - 4);
  for (let i = bytes.length - 1; i >= limit; i--) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) return bytes;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return i + length > bytes.length ? bytes.subarray(0, i) : bytes;
    }
  }
  return bytes;
}

// GB18030 maps almost every byte sequence, so a handful of undecodable bytes in a large window is
// tolerated (a corrupted cell) while Latin-1 or Shift-JIS text fails quickly.
const MAX_GB18030_REPLACEMENT_SHARE = 0.005;

/** Decide between UTF-8 and GB18030 from a window that starts at the first non-ASCII byte. */
export function chooseUtf8OrGb18030(window: Uint8Array, windowEndsAtEof: boolean): TextEncoding | null {
  const utf8Candidate = windowEndsAtEof ? window : withoutTruncatedUtf8Tail(window);
  if (isUtf8(utf8Candidate)) return "utf-8";
  const decoded = iconv.decode(Buffer.from(window), "gb18030");
  // The last character may be a multi-byte sequence cut by the window; do not count it.
  const body = windowEndsAtEof ? decoded : decoded.slice(0, -1);
  let replacements = 0;
  for (const ch of body) if (ch === "\ufffd") replacements++;
  if (body.length > 0 && replacements / body.length <= MAX_GB18030_REPLACEMENT_SHARE) return "gb18030";
  return null;
}
