// Shared scoring for detect(): a format matches a header row only if all its required columns are
// there; optional columns and a telltale preamble line make the match more certain. Generic layouts
// cap their score so a specific format always wins when both fit.
import { ColumnIndex, type ColumnNames } from "../normalize/column-names";

export interface HeaderSpec {
  required: readonly ColumnNames[];
  optional?: readonly ColumnNames[];
  preambleHints?: readonly RegExp[];
  maxScore?: number;
}

export function scoreHeader(header: readonly string[], preamble: readonly string[], spec: HeaderSpec): number {
  const columns = new ColumnIndex(header);
  if (!spec.required.every((names) => columns.has(names))) return 0;
  const optional = spec.optional ?? [];
  const optionalShare = optional.length === 0 ? 1 : optional.filter((names) => columns.has(names)).length / optional.length;
  const hinted = spec.preambleHints?.some((hint) => preamble.some((line) => hint.test(line))) ?? false;
  return Math.min(0.6 + 0.3 * optionalShare + (hinted ? 0.1 : 0), spec.maxScore ?? 1);
}
