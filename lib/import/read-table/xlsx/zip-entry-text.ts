// One entry of an XLSX (a ZIP already read whole into memory) as UTF-8 text, inflated piece by
// piece, so a sheet of a gigabyte of XML never exists as one string. Inflating more than the entry
// declared is refused: the zip-bomb guard checked the declared sizes, and this keeps them honest.
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import type { ZipEntry } from "../../decode/read-zip-central-directory";

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

export class XlsxReadError extends Error {}

/** The entry's compressed bytes, found through its local header. */
export function zipEntryData(buffer: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) return null;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end > buffer.length ? null : buffer.subarray(start, end);
}

/** The entry's inflated bytes, piece by piece. */
export async function* zipEntryBytes(buffer: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = zipEntryData(buffer, entry);
  if (!data) throw new XlsxReadError(`damaged entry ${entry.name}`);
  if (entry.method === METHOD_STORED) {
    yield data;
    return;
  }
  if (entry.method !== METHOD_DEFLATE) throw new XlsxReadError(`compression method of ${entry.name}`);
  const inflate = Readable.from([data]).pipe(createInflateRaw({ chunkSize: 1 << 20 }));
  let bytes = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > entry.uncompressedSize) throw new XlsxReadError(`${entry.name} is larger than it declares`);
      yield chunk;
    }
  } finally {
    inflate.destroy();
  }
}

export async function* zipEntryText(buffer: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of zipEntryBytes(buffer, entry)) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A small entry (workbook, relationships, styles) as one string. */
export async function zipEntryString(buffer: Buffer, entry: ZipEntry): Promise<string> {
  let text = "";
  for await (const piece of zipEntryText(buffer, entry)) text += piece;
  return text;
}
