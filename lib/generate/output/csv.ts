// CSV cells as spreadsheet exports write them: quoted only when a comma, quote or line break
// forces it (RFC 4180 doubling of quotes inside).
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(",");
}
