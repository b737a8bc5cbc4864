// A minimal reader of a ZIP file's central directory: names, sizes and where each entry's data is.
// It exists so an XLSX can be judged (zip bomb? really a workbook?) before any parser inflates it.
// Supports ZIP64 because honest writers use it for big files and dishonest ones to hide sizes.

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectoryResult = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

function readU64(buffer: Buffer, offset: number): number {
  // Sizes above 2^53 are absurd for an upload; reading them as a (huge) number is enough to refuse.
  return Number(buffer.readBigUInt64LE(offset));
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const stop = Math.max(0, buffer.length - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH);
  for (let i = buffer.length - EOCD_MIN_LENGTH; i >= stop; i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

export function readZipCentralDirectory(buffer: Buffer, maxEntries: number): ZipDirectoryResult {
  if (buffer.length < EOCD_MIN_LENGTH) return { ok: false, reason: "too short" };
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) return { ok: false, reason: "no end of central directory" };

  let entryCount = buffer.readUInt16LE(eocd + 10);
  let directorySize = buffer.readUInt32LE(eocd + 12);
  let directoryOffset = buffer.readUInt32LE(eocd + 16);

  if (entryCount === U16_MAX || directorySize === U32_MAX || directoryOffset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) {
      return { ok: false, reason: "zip64 locator missing" };
    }
    const record = readU64(buffer, locator + 8);
    if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) {
      return { ok: false, reason: "zip64 record missing" };
    }
    entryCount = readU64(buffer, record + 32);
    directorySize = readU64(buffer, record + 40);
    directoryOffset = readU64(buffer, record + 48);
  }

  if (entryCount > maxEntries) return { ok: false, reason: `too many entries (${entryCount})` };
  if (directoryOffset + directorySize > buffer.length) return { ok: false, reason: "directory outside file" };

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let n = 0; n < entryCount; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER_SIGNATURE) {
      return { ok: false, reason: "broken central directory" };
    }
    const method = buffer.readUInt16LE(offset + 10);
    let compressedSize = buffer.readUInt32LE(offset + 20);
    let uncompressedSize = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    let localHeaderOffset = buffer.readUInt32LE(offset + 42);
    const nameStart = offset + 46;
    if (nameStart + nameLength + extraLength > buffer.length) return { ok: false, reason: "entry outside file" };
    const name = buffer.toString("utf8", nameStart, nameStart + nameLength);

    // ZIP64 extra field (id 0x0001) holds, in this order, only the sizes that overflowed 32 bits.
    let extra = nameStart + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = buffer.readUInt16LE(extra);
      const size = buffer.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === U32_MAX && field + 8 <= extraEnd) {
          uncompressedSize = readU64(buffer, field);
          field += 8;
        }
        if (compressedSize === U32_MAX && field + 8 <= extraEnd) {
          compressedSize = readU64(buffer, field);
          field += 8;
        }
        if (localHeaderOffset === U32_MAX && field + 8 <= extraEnd) localHeaderOffset = readU64(buffer, field);
      }
      extra += 4 + size;
    }

    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    offset = nameStart + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}
