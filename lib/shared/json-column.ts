// A JSON column holds whatever was written to it, and TypeScript cannot know what that was. Each
// such column has one module that writes it and reads it back through a zod schema; this is the
// reading, which answers the typed value or says exactly which column of which row is malformed.
import { z } from "zod";

export class JsonColumnShapeError extends Error {
  constructor(column: string, rowId: string, issues: string) {
    super(`${column} of ${rowId} does not have the expected shape: ${issues}`);
    this.name = "JsonColumnShapeError";
  }
}

/** `column` is "Table.column" for the message. */
export function readJsonColumn<S extends z.ZodType>(schema: S, value: unknown, column: string, rowId: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new JsonColumnShapeError(column, rowId, z.prettifyError(parsed.error));
  return parsed.data;
}
