// exceljs (through archiver) stamps every entry of an .xlsx with the time it was written, in the
// machine's zone. Two runs would then differ in those bytes, so after writing we overwrite each
// entry's DOS date and time, in the local headers and the central directory, with one fixed moment.
import { readFileSync, writeFileSync } from "node:fs";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

/** DOS time/date fields for a wall-clock moment (2-second resolution, as the format has). */
export function dosDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  return {
    time: (hour << 11) | (minute << 5) | Math.floor(second / 2),
    date: ((year - 1980) << 9) | (month << 5) | day,
  };
}

export function fixZipTimestamps(path: string, stamp: { time: number; date: number }): void {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) throw new Error(`${path}: not a zip file`);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < entries; entry++) {
    if (zip.readUInt32LE(at) !== CENTRAL_ENTRY) throw new Error(`${path}: broken central directory`);
    zip.writeUInt16LE(stamp.time, at + 12);
    zip.writeUInt16LE(stamp.date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_ENTRY) throw new Error(`${path}: broken local header`);
    zip.writeUInt16LE(stamp.time, local + 10);
    zip.writeUInt16LE(stamp.date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  writeFileSync(path, zip);
}
