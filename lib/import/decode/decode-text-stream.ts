// Streaming decode of an uploaded text file. The encoding is decided lazily: ASCII is the same in
// UTF-8 and GB18030, so a file is passed through untouched until its first non-ASCII byte, and the
// decision is made on a window starting there. A GBK file whose first megabyte is ASCII (a long
// English preamble, or only numbers) is therefore still detected correctly.
import iconv from "iconv-lite";
import {
  chooseUtf8OrGb18030,
  detectBom,
  firstNonAsciiIndex,
  guessUtf16WithoutBom,
  looksBinary,
  type TextEncoding,
} from "./detect-text-encoding";
import { Gb18030Decoder, type StreamDecoder } from "./gb18030-decoder";

export class TextDecodeError extends Error {
  constructor(readonly code: "BINARY_FILE" | "UNKNOWN_ENCODING") {
    super(code);
    this.name = "TextDecodeError";
  }
}

const SNIFF_BYTES = 64 * 1024;

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** Text of the next bytes; the GB18030 decoder hands it out in pieces of at most 48K characters. */
function decodePieces(decoder: StreamDecoder, bytes: Buffer): string[] {
  return decoder instanceof Gb18030Decoder ? decoder.writePieces(bytes) : [decoder.write(bytes)];
}

export async function* decodeTextStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onEncoding?: (encoding: TextEncoding) => void,
): AsyncGenerator<string> {
  const input =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : toAsync(source)[Symbol.asyncIterator]();
  let exhausted = false;
  // However decoding ends (done, refused, or the consumer leaving early) the source is closed.
  try {
    let pending: Buffer = Buffer.alloc(0);
    const readMore = async (): Promise<boolean> => {
      if (exhausted) return false;
      const next = await input.next();
      if (next.done) {
        exhausted = true;
        return false;
      }
      pending = pending.length === 0 ? Buffer.from(next.value) : Buffer.concat([pending, next.value]);
      return true;
    };

    /** The next chunk of the source, or null at the end. */
    const readChunk = async (): Promise<Buffer | null> => {
      const next = await input.next();
      if (next.done) {
        exhausted = true;
        return null;
      }
      return Buffer.from(next.value);
    };

    while (pending.length < SNIFF_BYTES && (await readMore()));
    if (pending.length === 0) return;

    let encoding: TextEncoding | null = detectBom(pending)?.encoding ?? guessUtf16WithoutBom(pending);
    if (!encoding && looksBinary(pending.subarray(0, SNIFF_BYTES))) throw new TextDecodeError("BINARY_FILE");

    while (!encoding) {
      const nonAscii = firstNonAsciiIndex(pending);
      if (nonAscii === -1) {
        if (pending.length > 0) yield pending.toString("latin1");
        pending = Buffer.alloc(0);
        if (!(await readMore())) {
          onEncoding?.("utf-8");
          return;
        }
        continue;
      }
      while (pending.length - nonAscii < SNIFF_BYTES && (await readMore()));
      const window = pending.subarray(nonAscii, nonAscii + SNIFF_BYTES);
      encoding = chooseUtf8OrGb18030(window, exhausted && nonAscii + SNIFF_BYTES >= pending.length);
      if (!encoding) throw new TextDecodeError("UNKNOWN_ENCODING");
    }

    onEncoding?.(encoding);
    // iconv-lite decoders keep a multi-byte character split across chunks and strip a BOM.
    const decoder: StreamDecoder = encoding === "gb18030" ? new Gb18030Decoder() : iconv.getDecoder(encoding);
    // The first text comes whole, as it always did: the header scan reads text until it has enough
    // lines, and this way it normally has them from the first text, however later text is cut.
    const first = decoder.write(pending);
    yield first.startsWith("\ufeff") ? first.slice(1) : first;
    pending = Buffer.alloc(0);
    for (let bytes = await readChunk(); bytes; bytes = await readChunk()) {
      for (const text of decodePieces(decoder, bytes)) if (text) yield text;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  } finally {
    if (!exhausted) await input.return?.();
  }
}

/** Whole-buffer convenience for small files and tests. */
export async function decodeTextBuffer(
  data: Uint8Array,
): Promise<{ ok: true; text: string; encoding: TextEncoding } | { ok: false; code: TextDecodeError["code"] }> {
  let encoding: TextEncoding = "utf-8";
  try {
    let text = "";
    for await (const chunk of decodeTextStream([data], (e) => (encoding = e))) text += chunk;
    return { ok: true, text, encoding };
  } catch (error) {
    if (error instanceof TextDecodeError) return { ok: false, code: error.code };
    throw error;
  }
}
