// CSV/formula injection (OWASP): a text cell that begins with = + - @ TAB or CR can be read as a
// formula by a spreadsheet — if not when the XLSX opens (exceljs writes strings as string cells,
// never as formulas), then once someone edits the cell or saves the sheet as CSV and reopens it.
// Such text gets OWASP's leading apostrophe. exceljs 4.4 has no way to set the cell style's
// quotePrefix flag (the invisible form of that apostrophe), so the apostrophe is part of the text;
// a plain signed number ("-12.30", "+5%") or a lone dash cannot run anything and is left as written.
// Nothing is trimmed or added otherwise: a leading TAB stays a TAB after the apostrophe.

const FORMULA_START = /^[=+\-@\t\r]/;
const HARMLESS = /^(?:[+-]?\d[\d,]*(?:\.\d+)?%?|-+)$/;

export function neutraliseFormula(text: string): string {
  if (!FORMULA_START.test(text) || HARMLESS.test(text)) return text;
  return `'${text}`;
}
