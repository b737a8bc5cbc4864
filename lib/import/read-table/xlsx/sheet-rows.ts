// The rows of one worksheet part, scanned as its XML inflates: <row r="…"> elements, their <c>
// cells placed by their r="B7" reference (empty cells are simply absent from the XML), each value
// turned into the text the rest of the pipeline expects, like exceljs would give it. Indexes into
// the inflated text rather than cutting each row and cell out: a million-row sheet has ~40M tags.
import { ImportLimitError, type ReaderLimits } from "../../limits";
import type { RawRow } from "../../types";
import { cleanCell } from "../clean-cell";
import { dateToText, numberToText } from "../spreadsheet-value-to-text";
import { MergeFiller } from "./merge-filler";
import type { MergedRange } from "./merged-cells";
import type { WorkbookParts } from "./workbook-parts";
import { attribute, decodeXmlText, stringItemText } from "./xml-text";

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** 1-based column of the reference starting at `at` ("AB12" → 28; letters only are read). */
function columnAt(text: string, at: number): number {
  let column = 0;
  for (let i = at; ; i++) {
    const code = text.charCodeAt(i); // NaN past the end, which also stops the loop
    if (!(code >= 0x41 && code <= 0x5a)) return column;
    column = column * 26 + (code - 0x40);
  }
}

/** What exceljs does with a date cell: milliseconds rounded, then the wall-clock text. */
function serialToDateText(serial: number, date1904: boolean): string {
  return dateToText(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000)));
}

// A plain decimal of at most 15 characters is already what numberToText would make of it (Excel's
// 15 significant digits, no trailing zeros, no exponent); most number cells are, and skipping the
// float round trip for them is measurable on a million rows.
const CANONICAL_NUMBER = /^(?:0|-?[1-9]\d*)(?:\.\d*[1-9])?$/;
const numberText = (raw: string) => (raw.length <= 15 && CANONICAL_NUMBER.test(raw) ? raw : numberToText(Number(raw)));

/** The text between <name …> and </name> inside text[from, to), or undefined. */
function innerText(text: string, name: string, from: number, to: number): string | undefined {
  const open = text.indexOf(`<${name}`, from);
  if (open < 0 || open >= to) return undefined;
  const tagEnd = text.indexOf(">", open);
  if (tagEnd < 0 || tagEnd >= to || text.charCodeAt(tagEnd - 1) === 0x2f) return undefined;
  const close = text.indexOf(`</${name}>`, tagEnd);
  return close < 0 || close > to ? undefined : text.slice(tagEnd + 1, close);
}

// The attributes of the cell being read (set by readCellTag): one pass over the start tag instead
// of a search per attribute.
let cellColumn = 0;
let cellType = "";
let cellStyle = -1;

function readCellTag(text: string, from: number, tagEnd: number): void {
  cellColumn = 0;
  cellType = "";
  cellStyle = -1;
  let i = from;
  for (;;) {
    const equals = text.indexOf('="', i);
    if (equals < 0 || equals > tagEnd) return;
    const valueEnd = text.indexOf('"', equals + 2);
    // Only the one-letter names r, t and s matter; "cm", "vm" and prefixed names do not.
    if (isSpace(text.charCodeAt(equals - 2))) {
      const name = text.charCodeAt(equals - 1);
      if (name === 0x72) cellColumn = columnAt(text, equals + 2);
      else if (name === 0x74) cellType = text.slice(equals + 2, valueEnd);
      else if (name === 0x73) cellStyle = Number(text.slice(equals + 2, valueEnd));
    }
    i = valueEnd + 1;
  }
}

/** A value cell's text from its <v> content and the cell's type and style. */
function valueText(raw: string, type: string, style: number, parts: WorkbookParts): string {
  switch (type) {
    case "s":
      return parts.sharedStrings[Number(raw)] ?? "";
    case "str":
      return decodeXmlText(raw);
    case "b":
      return Number(raw) !== 0 ? "TRUE" : "FALSE";
    case "e":
      return "";
    default:
      return style >= 0 && parts.dateStyles[style] ? serialToDateText(Number(raw), parts.date1904) : numberText(raw);
  }
}

/** The text of the cell whose body is text[from, to), or undefined when it holds no value. */
function cellText(text: string, from: number, to: number, parts: WorkbookParts): string | undefined {
  if (cellType === "inlineStr") {
    const item = innerText(text, "is", from, to);
    return item === undefined ? undefined : stringItemText(item);
  }
  const raw = innerText(text, "v", from, to);
  return raw === undefined ? undefined : valueText(raw, cellType, cellStyle, parts);
}

// The shape Excel, WPS and exceljs write for almost every cell: attributes r, s, t in that order
// and a bare <v>. One sticky regular expression reads such a cell in a single native pass; any
// other shape (inline strings, formulas, other attributes) goes through the general path.
const PLAIN_CELL = /<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="([a-z]+)")?><v>([^<]*)<\/v><\/c>/y;

/** The cells of the row whose content is text[from, to), by column (gaps ""); null when none has a value. */
function readCells(text: string, from: number, to: number, parts: WorkbookParts): string[] | null {
  const cells: string[] = [];
  let hasValue = false;
  let start = text.indexOf("<c", from);
  while (start >= 0 && start < to) {
    let value: string | undefined;
    let column: number;
    PLAIN_CELL.lastIndex = start;
    const plain = PLAIN_CELL.exec(text);
    if (plain && PLAIN_CELL.lastIndex <= to) {
      column = columnAt(plain[1]!, 0);
      value = valueText(plain[4]!, plain[3] ?? "", plain[2] === undefined ? -1 : Number(plain[2]), parts);
      from = PLAIN_CELL.lastIndex;
    } else {
      const after = text.charCodeAt(start + 2);
      if (!isSpace(after) && after !== 0x3e && after !== 0x2f) {
        start = text.indexOf("<c", start + 2);
        continue; // another element whose name starts with c
      }
      const tagEnd = text.indexOf(">", start);
      readCellTag(text, start + 2, tagEnd);
      column = cellColumn > 0 ? cellColumn : cells.length + 1;
      if (text.charCodeAt(tagEnd - 1) === 0x2f) from = tagEnd + 1; // <c …/>: styled, no value
      else {
        const close = text.indexOf("</c>", tagEnd);
        value = cellText(text, tagEnd + 1, close, parts);
        from = close + 4;
      }
    }
    if (value !== undefined) {
      while (cells.length < column - 1) cells.push("");
      cells[column - 1] = cleanCell(value);
      hasValue = true;
    }
    // Cells usually follow each other directly.
    start = text.startsWith("<c", from) ? from : text.indexOf("<c", from);
  }
  return hasValue ? cells : null;
}

function rowNumber(text: string, from: number, tagEnd: number): number | undefined {
  const tag = text.slice(from, tagEnd);
  const value = attribute(tag, "r");
  return value === undefined ? undefined : Number(value);
}

// The <dimension> element comes before <sheetData>, within the first few hundred bytes.
const MAX_SHEET_HEAD_CHARS = 64 * 1024;

/** The last row of the sheet's declared range (<dimension ref="A1:BI10600000"/>), if it declares one. */
export function declaredLastRow(head: string): number | undefined {
  const ref = /<(?:\w+:)?dimension\b[^>]*\bref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(head)?.[1];
  return ref === undefined ? undefined : Number(ref);
}

/**
 * Rows with a value, like exceljs' eachRow without includeEmpty, with merged ranges filled in;
 * in groups, one per inflated piece, so consumers await once per few hundred rows. Refuses
 * (ImportLimitError) a sheet that declares or holds more rows than limits.maxSheetRows, counting
 * empty <row> elements too, or a row with a value past column limits.maxColumns.
 */
export async function* sheetRowGroups(
  pieces: AsyncIterable<string>,
  parts: WorkbookParts,
  merged: MergedRange[] = [],
  limits?: ReaderLimits,
): AsyncGenerator<RawRow[]> {
  const merges = merged.length > 0 ? new MergeFiller(merged) : null;
  const maxSheetRows = limits?.maxSheetRows ?? Number.MAX_SAFE_INTEGER;
  const maxColumns = limits?.maxColumns ?? Number.MAX_SAFE_INTEGER;
  const maxRows = limits?.maxRows ?? Number.MAX_SAFE_INTEGER;
  let head: string | null = "";
  let rowElements = 0;
  let previous = 0;
  let pending = "";
  for await (const piece of pieces) {
    pending += piece;
    if (head !== null) {
      // A declared size gives a hostile sheet away before its first row is scanned.
      head += piece;
      const dataAt = head.indexOf("<sheetData");
      if (dataAt >= 0 || head.length > MAX_SHEET_HEAD_CHARS) {
        const lastRow = declaredLastRow(dataAt >= 0 ? head.slice(0, dataAt) : head);
        if (lastRow !== undefined && lastRow > maxSheetRows) throw new ImportLimitError("TOO_MANY_ROWS", null, maxRows);
        head = null;
      }
    }
    const group: RawRow[] = [];
    let from = 0;
    let passedAt: number | undefined;
    for (;;) {
      const start = pending.indexOf("<row", from);
      if (start < 0) {
        // The piece may end inside the next start tag's name ("…<ro"): keep that much.
        from = Math.max(from, pending.length - 4);
        break;
      }
      if (start + 4 >= pending.length) {
        from = start; // the piece ends right after "<row": decide with the next one
        break;
      }
      const next = pending.charCodeAt(start + 4);
      if (!isSpace(next) && next !== 0x3e && next !== 0x2f) {
        from = start + 4; // <rowBreaks> and the like
        continue;
      }
      const tagEnd = pending.indexOf(">", start);
      if (tagEnd < 0) {
        from = start;
        break;
      }
      const selfClosing = pending.charCodeAt(tagEnd - 1) === 0x2f;
      const close = selfClosing ? tagEnd : pending.indexOf("</row>", tagEnd);
      if (close < 0) {
        from = start;
        break;
      }
      const sourceRow = rowNumber(pending, start, tagEnd) ?? previous + 1;
      if (++rowElements > maxSheetRows) {
        passedAt = sourceRow;
        break;
      }
      if (merges) for (const row of merges.rowsBefore(sourceRow)) group.push(row);
      previous = sourceRow;
      const cells = selfClosing ? null : readCells(pending, tagEnd + 1, close, parts);
      if (cells && cells.length > maxColumns) throw new ImportLimitError("TOO_MANY_COLUMNS", sourceRow, maxColumns);
      const filled = merges ? merges.fill(sourceRow, cells) : cells;
      if (filled) group.push({ sourceRow, cells: filled });
      from = selfClosing ? tagEnd + 1 : close + 6;
    }
    pending = pending.slice(from);
    if (group.length > 0) yield group;
    // After the rows before it, so a consumer counting data rows can name the exact one first.
    if (passedAt !== undefined) throw new ImportLimitError("TOO_MANY_ROWS", passedAt, maxRows);
  }
  if (merges) {
    const rest = [...merges.rowsBefore(Number.MAX_SAFE_INTEGER)];
    if (rest.length > 0) yield rest;
  }
}
