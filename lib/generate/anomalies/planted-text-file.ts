// A generated text file (CSV) opened for a planter: decoded from its encoding into lines, changed,
// and written back in the same encoding and line ending, so the importer reads it as it read the
// original. Rows are numbered as the importer numbers them: 1-based lines, preamble included.
import fs from "node:fs";
import iconv from "iconv-lite";
import type { GeneratedFile, GeneratedMonth } from "../generate-month";

export type TextFile = { file: GeneratedFile; lines: string[]; eol: string; bom: boolean };

export function findFile(month: GeneratedMonth, format: string): GeneratedFile {
  const file = month.files.find((f) => f.format === format);
  if (!file) throw new Error(`the month has no ${format} file`);
  return file;
}

export function readTextFile(file: GeneratedFile): TextFile {
  if (file.encoding === "xlsx") throw new Error(`${file.name} is not a text file`);
  const bytes = fs.readFileSync(file.path);
  const bom = file.encoding === "utf-8-bom";
  let text = iconv.decode(bytes, file.encoding === "utf-8-bom" ? "utf-8" : file.encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(eol);
  if (lines[lines.length - 1] === "") lines.pop();
  return { file, lines, eol, bom };
}

export function writeTextFile(text: TextFile): void {
  const body = text.lines.join(text.eol) + text.eol;
  const encoding = text.file.encoding === "utf-8-bom" ? "utf-8" : text.file.encoding;
  const bytes = iconv.encode(body, encoding, { addBOM: text.bom });
  fs.writeFileSync(text.file.path, bytes);
}

/** Index (0-based) of the last data line: the last line before the trailing "#" footer lines. */
export function lastDataIndex(lines: readonly string[]): number {
  let index = lines.length - 1;
  while (index >= 0 && (lines[index]!.startsWith("#") || lines[index]!.trim() === "")) index--;
  return index;
}

/** Fen from a money text ("1,234.50", "-0.47", "99.80元"), in integers. */
export function fenOf(text: string): number {
  const clean = text.replace(/[元,\s\t]/g, "");
  const negative = clean.startsWith("-");
  const [whole = "0", fraction = ""] = clean.replace(/^[-+]/, "").split(".");
  const fen = Number(whole) * 100 + Number((fraction + "00").slice(0, 2));
  return negative ? -fen : fen;
}

/** "1234.50" from fen (no thousands separators, as the generated files print money). */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
