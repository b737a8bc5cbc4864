// The rows of one worksheet part, scanned as its XML inflates: <row r="…"> elements, their <c>
// cells placed by their r="B7" reference (empty cells are simply absent from the XML), each value
// turned into the text the rest of the pipeline expects, like exceljs would give it.
import type { RawRow } from "../../types";
import { cleanCell } from "../clean-cell";
import { dateToText, numberToText } from "../spreadsheet-value-to-text";
import { MergeFiller } from "./merge-filler";
import type { MergedRange } from "./merged-cells";
import type { WorkbookParts } from "./workbook-parts";
import { attribute, completeElements, decodeXmlText, stringItemText } from "./xml-text";

/** 1-based column of a reference like "AB12" (letters only are read). */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 0x41 || code > 0x5a) break;
    column = column * 26 + (code - 0x40);
  }
  return column;
}

/** What exceljs does with a date cell: milliseconds rounded, then the wall-clock text. */
function serialToDateText(serial: number, date1904: boolean): string {
  return dateToText(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000)));
}

function innerText(xml: string, name: string): string | undefined {
  const open = xml.indexOf(`<${name}`);
  if (open < 0) return undefined;
  const tagEnd = xml.indexOf(">", open);
  if (tagEnd < 0 || xml.charCodeAt(tagEnd - 1) === 0x2f) return undefined;
  const close = xml.indexOf(`</${name}>`, tagEnd);
  return close < 0 ? undefined : xml.slice(tagEnd + 1, close);
}

/** The text of one cell, or undefined when it holds no value (a styled empty cell). */
function cellText(tag: string, body: string, parts: WorkbookParts): string | undefined {
  const type = attribute(tag, "t");
  if (type === "inlineStr") {
    const item = innerText(body, "is");
    return item === undefined ? undefined : stringItemText(item);
  }
  const raw = innerText(body, "v");
  if (raw === undefined) return undefined;
  switch (type) {
    case "s":
      return parts.sharedStrings[Number(raw)] ?? "";
    case "str":
      return decodeXmlText(raw);
    case "b":
      return Number(raw) !== 0 ? "TRUE" : "FALSE";
    case "e":
      return "";
    default: {
      const value = Number(raw);
      const style = attribute(tag, "s");
      if (style !== undefined && parts.dateStyles[Number(style)]) return serialToDateText(value, parts.date1904);
      return numberToText(value);
    }
  }
}

/** The row's cells by column (1-based positions, gaps ""), or null when none holds a value. */
function readCells(xml: string, parts: WorkbookParts): string[] | null {
  const cells: string[] = [];
  let hasValue = false;
  let from = xml.indexOf(">") + 1;
  for (;;) {
    const start = xml.indexOf("<c", from);
    if (start < 0) break;
    const next = xml.charCodeAt(start + 2);
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x0a && next !== 0x0d && next !== 0x09) {
      from = start + 2;
      continue;
    }
    const tagEnd = xml.indexOf(">", start);
    const tag = xml.slice(start + 2, tagEnd);
    let body = "";
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) from = tagEnd + 1;
    else {
      const close = xml.indexOf("</c>", tagEnd);
      body = xml.slice(tagEnd + 1, close);
      from = close + 4;
    }
    const text = body === "" ? undefined : cellText(tag, body, parts);
    if (text === undefined) continue;
    const reference = attribute(tag, "r");
    const column = reference ? columnOf(reference) : cells.length + 1;
    while (cells.length < column - 1) cells.push("");
    cells[column - 1] = cleanCell(text);
    hasValue = true;
  }
  return hasValue ? cells : null;
}

/** Rows with a value, like exceljs' eachRow without includeEmpty; merged ranges filled in. */
export async function* sheetRows(pieces: AsyncIterable<string>, parts: WorkbookParts, merged: MergedRange[] = []): AsyncGenerator<RawRow> {
  const merges = merged.length > 0 ? new MergeFiller(merged) : null;
  let previous = 0;
  for await (const rows of completeElements(pieces, "row")) {
    for (const xml of rows) {
      const sourceRow = Number(attribute(xml.slice(0, xml.indexOf(">")), "r") ?? previous + 1);
      if (merges) yield* merges.rowsBefore(sourceRow);
      previous = sourceRow;
      const cells = readCells(xml, parts);
      const filled = merges ? merges.fill(sourceRow, cells) : cells;
      if (filled) yield { sourceRow, cells: filled };
    }
  }
  if (merges) yield* merges.rowsBefore(Number.MAX_SAFE_INTEGER);
}
