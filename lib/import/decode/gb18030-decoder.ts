// GB18030 (GBK) text is decoded with the platform's TextDecoder, which is several times faster than
// iconv-lite, but the result must stay exactly what iconv-lite gives. The two agree on every valid
// byte sequence except 18 two-byte codes that GB18030-2022 moved from private-use code points to the
// vertical forms U+FE10–U+FE19 and the ideographs U+9FB4–U+9FBB; they differ in how they replace
// invalid bytes. So TextDecoder runs in fatal mode, and at the first invalid byte or one of those
// characters the rest of the file goes to iconv-lite's streaming decoder, as it always did.
//
// Bytes are cut after a byte below 0x30 (line break, comma, space, quote…): no multi-byte GB18030
// sequence contains one, so each piece of valid text decodes on its own, and iconv-lite starts the
// rest in the same state it would have reached itself. Pieces are also kept small, and end at a line
// break where they can: strings under ~100 KB die young in V8's garbage collector, where megabyte
// strings would pile up in the old generation until a full collection.
import iconv from "iconv-lite";

/** What a decoder of a byte stream offers; iconv-lite's decoders have the same shape. */
export interface StreamDecoder {
  write(bytes: Buffer): string;
  end(): string | undefined;
}

const MAPPED_DIFFERENTLY = /[\ufe10-\ufe19\u9fb4-\u9fbb]/;
const EMPTY = Buffer.alloc(0);
const LINE_FEED = 0x0a;
/** At most this many bytes per piece of text: at most as many characters, under 100 KB as UTF-16. */
const PIECE_BYTES = 48 * 1024;

/** Bytes up to and including the last byte below 0x30 before `end`; `start` when there is none. */
function safeCut(bytes: Uint8Array, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if ((bytes[i] ?? 0) < 0x30) return i + 1;
  return start;
}

/** Where the piece starting at `start` ends: after a line break if one is in reach, else a safe cut. */
function pieceEnd(bytes: Buffer, start: number): number {
  const limit = Math.min(bytes.length, start + PIECE_BYTES);
  if (limit === bytes.length) return safeCut(bytes, start, limit);
  const lineEnd = bytes.lastIndexOf(LINE_FEED, limit - 1);
  return lineEnd >= start ? lineEnd + 1 : safeCut(bytes, start, limit);
}

function platformDecoder(): TextDecoder | null {
  try {
    return new TextDecoder("gb18030", { fatal: true, ignoreBOM: true });
  } catch {
    return null; // a Node.js built without ICU's GB18030 converter
  }
}

export class Gb18030Decoder implements StreamDecoder {
  private fast: TextDecoder | null = platformDecoder();
  private slow: StreamDecoder | null = null;
  /** Bytes after the last safe cut, waiting for the rest of their characters. */
  private carry: Buffer = EMPTY;

  write(bytes: Buffer): string {
    return this.writePieces(bytes).join("");
  }

  /** The text of the bytes, in pieces of at most PIECE_BYTES characters (iconv-lite's come whole). */
  writePieces(bytes: Buffer): string[] {
    if (this.slow) return [this.slow.write(bytes)];
    const carry = this.carry;
    this.carry = EMPTY;
    const data = carry.length === 0 ? bytes : Buffer.concat([carry, bytes]);
    const pieces: string[] = [];
    let start = 0;
    while (start < data.length) {
      const end = pieceEnd(data, start);
      if (end === start) break; // no safe cut in reach
      const text = this.decodeExactly(data.subarray(start, end));
      if (text === null) break;
      pieces.push(text);
      start = end;
    }
    if (start === data.length) return pieces;
    // The rest waits for more bytes, unless it is already piece-sized (no exporter writes that many
    // bytes without a comma or line break) or TextDecoder could not take it: then iconv-lite does.
    if (this.fast && data.length - start <= PIECE_BYTES && safeCut(data, start, data.length) === start) {
      this.carry = Buffer.from(data.subarray(start)); // a copy: the caller may reuse its buffer
      return pieces;
    }
    // The carry is undecoded only while start is 0 (every cut lies beyond it).
    pieces.push(start === 0 ? this.switchToIconv(carry, bytes) : this.switchToIconv(EMPTY, data.subarray(start)));
    return pieces;
  }

  end(): string | undefined {
    let text = "";
    if (!this.slow) {
      const fast = this.carry.length === 0 ? "" : this.decodeExactly(this.carry);
      if (fast !== null) return fast;
      text = this.switchToIconv(this.carry);
    }
    return text + (this.slow?.end() ?? "");
  }

  /** TextDecoder's text when it is certainly iconv-lite's too; else null. */
  private decodeExactly(bytes: Uint8Array): string | null {
    if (!this.fast) return null;
    let text: string;
    try {
      text = this.fast.decode(bytes);
    } catch {
      return null;
    }
    return MAPPED_DIFFERENTLY.test(text) ? null : text;
  }

  /**
   * From here on iconv-lite decodes, and it is given the bytes in the same pieces it would have had
   * from the start: iconv-lite's handling of an invalid sequence split between two writes depends
   * on where the split is. It would have been in its initial state where the undecoded bytes begin
   * (right after a byte below 0x30): the carry, the tail of the previous write (written on its own,
   * as then), and then `rest`, this write's bytes from there on.
   */
  private switchToIconv(carry: Buffer, rest?: Buffer): string {
    this.fast = null;
    this.carry = EMPTY;
    const slow = iconv.getDecoder("gb18030");
    this.slow = slow;
    const carried = carry.length > 0 ? slow.write(carry) : "";
    return rest ? carried + slow.write(rest) : carried;
  }
}
