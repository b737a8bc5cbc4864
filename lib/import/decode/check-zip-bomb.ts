// An XLSX is a ZIP, and a few kilobytes of ZIP can inflate to gigabytes. Before any spreadsheet
// library sees an upload we read the central directory and refuse files whose declared sizes are too
// big or whose compression ratio is absurd; then we inflate each entry into a byte counter (nothing
// kept) to catch archives that lie about their sizes.
import { createInflateRaw } from "node:zlib";
import { readZipCentralDirectory, type ZipEntry } from "./read-zip-central-directory";

export interface ZipBombLimits {
  /** Sum of uncompressed sizes of all entries. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed/compressed ratio above which an entry is refused… */
  maxCompressionRatio: number;
  /** …when it is also at least this large (tiny entries compress absurdly well, harmlessly). */
  ratioCheckMinBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_BOMB_LIMITS: ZipBombLimits = {
  // Sheets are read as they inflate (read-table/xlsx), so this bounds work, not memory. A 1M-row,
  // 61-column export is 1.2 GB of sheet XML in a 170 MB file; uploads stop at 200 MiB.
  maxTotalUncompressedBytes: 3 * 1024 * 1024 * 1024,
  // Worksheet XML compresses 10–30×, very repetitive sheets ~200×; deflate tops out near 1032×.
  maxCompressionRatio: 500,
  ratioCheckMinBytes: 1024 * 1024,
  maxEntries: 10_000,
};

export type ZipCheckResult =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; code: "ZIP_BOMB" | "CORRUPT_SPREADSHEET"; params: Record<string, string | number> };

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

/** Declared sizes only: cheap, run first. */
export function checkZipDeclaredSizes(buffer: Buffer, limits: ZipBombLimits = DEFAULT_ZIP_BOMB_LIMITS): ZipCheckResult {
  const directory = readZipCentralDirectory(buffer, limits.maxEntries);
  if (!directory.ok) {
    return directory.reason.startsWith("too many entries")
      ? { ok: false, code: "ZIP_BOMB", params: { reason: directory.reason } }
      : { ok: false, code: "CORRUPT_SPREADSHEET", params: { reason: directory.reason } };
  }
  let total = 0;
  for (const entry of directory.entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressedBytes) {
      return { ok: false, code: "ZIP_BOMB", params: { reason: "total size", bytes: total } };
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) {
      return { ok: false, code: "ZIP_BOMB", params: { reason: "ratio", entry: entry.name, ratio: Math.round(ratio) } };
    }
  }
  return { ok: true, entries: directory.entries };
}

function entryData(buffer: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) return null;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end > buffer.length ? null : buffer.subarray(start, end);
}

/** Inflates into a counter and stops as soon as an entry exceeds what it declared. */
function countInflatedBytes(data: Buffer, stopAbove: number): Promise<{ bytes: number; exceeded: boolean }> {
  return new Promise((resolve, reject) => {
    // 1 MiB pieces: a large sheet inflates in a quarter of the time the 16 KiB default takes.
    const inflate = createInflateRaw({ chunkSize: 1 << 20 });
    let bytes = 0;
    let settled = false;
    const finish = (exceeded: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ bytes, exceeded });
    };
    inflate.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > stopAbove) {
        finish(true);
        inflate.destroy();
      }
    });
    inflate.on("end", () => finish(false));
    inflate.on("error", (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    inflate.end(data);
  });
}

/** Declared sizes, then the real inflated sizes. */
export async function checkZipBomb(
  buffer: Buffer,
  limits: ZipBombLimits = DEFAULT_ZIP_BOMB_LIMITS,
): Promise<ZipCheckResult> {
  const declared = checkZipDeclaredSizes(buffer, limits);
  if (!declared.ok) return declared;
  for (const entry of declared.entries) {
    if (entry.name.endsWith("/")) continue;
    const data = entryData(buffer, entry);
    if (!data) return { ok: false, code: "CORRUPT_SPREADSHEET", params: { reason: "entry data", entry: entry.name } };
    if (entry.method === METHOD_STORED) continue;
    if (entry.method !== METHOD_DEFLATE) {
      return { ok: false, code: "CORRUPT_SPREADSHEET", params: { reason: "compression method", entry: entry.name } };
    }
    try {
      const inflated = await countInflatedBytes(data, entry.uncompressedSize);
      if (inflated.exceeded) {
        return { ok: false, code: "ZIP_BOMB", params: { reason: "size lie", entry: entry.name } };
      }
    } catch {
      return { ok: false, code: "CORRUPT_SPREADSHEET", params: { reason: "inflate", entry: entry.name } };
    }
  }
  return declared;
}
