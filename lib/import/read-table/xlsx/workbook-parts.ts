// What the rows need from the rest of the workbook: the sheets (name and part, in the workbook's
// order), whether dates count from 1904, which cell styles are dates, and the shared strings.
import type { ZipEntry } from "../../decode/read-zip-central-directory";
import { attribute, completeElements, stringItemText } from "./xml-text";
import { XlsxReadError, zipEntryString, zipEntryText } from "./zip-entry-text";

export type SheetPart = { name: string; entry: ZipEntry };

export type WorkbookParts = {
  sheets: SheetPart[];
  date1904: boolean;
  /** Per cell style index (s="…"): does its number format show a date or time? */
  dateStyles: boolean[];
  sharedStrings: string[];
};

/**
 * Built-in number formats that are dates or times: 14–22 and 45–47 everywhere, and 27–36, 50–58,
 * the East Asian built-ins (yyyy"年"m"月"d"日" and the like), which Chinese workbooks use.
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The rule exceljs applies: after removing [colour]/[$-locale] parts and quoted text, any date letter. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function elements(xml: string, name: string): string[] {
  const found: string[] = [];
  const pattern = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, "g");
  for (const match of xml.matchAll(pattern)) found.push(match[0]);
  return found;
}

function resolvePart(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== ".") resolved.push(part);
  }
  return resolved.join("/");
}

function readDateStyles(styles: string): boolean[] {
  const custom = new Map<number, string>();
  for (const tag of elements(styles, "numFmt")) custom.set(Number(attribute(tag, "numFmtId")), attribute(tag, "formatCode") ?? "");
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  return elements(cellXfs, "xf").map((tag) => {
    const id = Number(attribute(tag, "numFmtId") ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
  });
}

/**
 * The parts read whole (workbook, relationships, styles, shared strings) stay in memory while the
 * sheet is read; past this they are refused, whatever the zip-bomb limits allowed for the sheets.
 */
const MAX_HELD_PART_BYTES = 256 * 1024 * 1024;

function assertHeldSize(entry: ZipEntry): void {
  if (entry.uncompressedSize > MAX_HELD_PART_BYTES) throw new XlsxReadError(`${entry.name} is too large`);
}

async function readSharedStrings(buffer: Buffer, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  assertHeldSize(entry);
  for await (const items of completeElements(zipEntryText(buffer, entry), "si")) for (const item of items) strings.push(stringItemText(item));
  return strings;
}

export async function readWorkbookParts(buffer: Buffer, entries: ZipEntry[]): Promise<WorkbookParts> {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const workbookEntry = byName.get("xl/workbook.xml");
  if (!workbookEntry) throw new XlsxReadError("no xl/workbook.xml");
  for (const entry of entries) if (/^xl\/(workbook\.xml|_rels\/|styles\.xml)/.test(entry.name)) assertHeldSize(entry);
  const workbook = await zipEntryString(buffer, workbookEntry);
  const relsEntry = byName.get("xl/_rels/workbook.xml.rels");
  const rels = relsEntry ? await zipEntryString(buffer, relsEntry) : "";
  const relations = elements(rels, "Relationship");
  const targets = new Map(relations.map((tag) => [attribute(tag, "Id"), attribute(tag, "Target") ?? ""]));
  /** A part found through its relationship type, else at the name Excel gives it. */
  const partOfType = (type: string, usual: string) => {
    const tag = relations.find((relation) => attribute(relation, "Type")?.endsWith(`/${type}`));
    const target = tag && attribute(tag, "Target");
    return byName.get(target ? resolvePart(target) : usual) ?? byName.get(usual);
  };

  const sheets: SheetPart[] = [];
  for (const tag of elements(workbook, "sheet")) {
    const id = attribute(tag, "r:id") ?? /\s[\w]+:id="([^"]*)"/.exec(tag)?.[1];
    const target = targets.get(id);
    const entry = target ? byName.get(resolvePart(target)) : undefined;
    if (entry) sheets.push({ name: attribute(tag, "name") ?? "", entry });
  }
  const workbookPr = elements(workbook, "workbookPr")[0] ?? "";
  const date1904 = ["1", "true"].includes(attribute(workbookPr, "date1904") ?? "");
  const stylesEntry = partOfType("styles", "xl/styles.xml");
  const dateStyles = stylesEntry ? readDateStyles(await zipEntryString(buffer, stylesEntry)) : [];
  const sharedStrings = await readSharedStrings(buffer, partOfType("sharedStrings", "xl/sharedStrings.xml"));
  return { sheets, date1904, dateStyles, sharedStrings };
}
