// A stable fingerprint of a header row, so a column mapping a user saved for an unknown layout is
// recognised the next time the same kind of file arrives. Column order and spelling noise (spaces,
// full-width brackets, case) do not change it; a renamed, added or removed column does.
import { createHash } from "node:crypto";
import { normalizeColumnName } from "../normalize/column-names";

export function headerSignature(header: readonly string[]): string {
  const names = [...new Set(header.map(normalizeColumnName).filter((name) => name !== ""))].sort();
  return `h1:${createHash("sha256").update(names.join("\u001f")).digest("hex").slice(0, 32)}`;
}
