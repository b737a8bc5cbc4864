// An error about the file as a whole (no row, no column).
import type { ImportError } from "../types";

/** A short, safe description of a caught exception for the params of an error. */
export function errorReason(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : "";
}

export function fileError(code: ImportError["code"], params: ImportError["params"] = {}): ImportError {
  return { row: null, column: null, code, params, severity: "error" };
}
