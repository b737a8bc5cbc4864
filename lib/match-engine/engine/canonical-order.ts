// Determinism starts here: every pass walks rows in one canonical order (by id), so the result does
// not depend on the order a loader happened to return them in. Ids compare numerically when they
// are digit strings of equal length rules (shorter first, then by text), which for database bigint
// ids is their numeric order. Loaders that already ORDER BY id pay only a linear check.
export class ReconcileInputError extends Error {
  constructor(
    readonly code: "DUPLICATE_ID" | "UNKNOWN_STORE" | "UNKNOWN_ACCOUNT" | "AMOUNT_OUT_OF_RANGE" | "INVALID_DATE" | "INVALID_ROW",
    readonly params: Record<string, string>,
  ) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = "ReconcileInputError";
  }
}

/** Shorter ids first, then by UTF-16 text: numeric order for digit strings without leading zeros. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows sorted by id (the same array when it already is); throws on a repeated id. */
export function sortedById<T extends { id: string }>(rows: readonly T[], side: string): readonly T[] {
  let sorted = true;
  for (let i = 1; i < rows.length; i++) {
    const order = compareIds(rows[i - 1]!.id, rows[i]!.id);
    if (order === 0) throw new ReconcileInputError("DUPLICATE_ID", { side, id: rows[i]!.id });
    if (order > 0) {
      sorted = false;
      break;
    }
  }
  if (sorted) return rows;
  const copy = rows.slice().sort((a, b) => compareIds(a.id, b.id));
  for (let i = 1; i < copy.length; i++) {
    if (copy[i - 1]!.id === copy[i]!.id) throw new ReconcileInputError("DUPLICATE_ID", { side, id: copy[i]!.id });
  }
  return copy;
}
