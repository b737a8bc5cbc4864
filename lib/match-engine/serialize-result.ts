// A result as JSON text, bigints as decimal strings. Objects are built in a fixed key order, so equal
// results give equal text: what the determinism tests hash and a run can store as its output digest.
import type { ReconcileResult } from "./types";

export function serializeResult(result: ReconcileResult): string {
  return JSON.stringify(result, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}
