// Turns an audit row's before/after snapshots into the fields that changed, for people to read.
const HIDDEN_FIELDS = new Set(["id", "orgId", "createdAt", "updatedAt"]);

export type FieldChange = { field: string; before: string; after: string };

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function describeChanges(before: unknown, after: unknown): FieldChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !HIDDEN_FIELDS.has(field));
  return fields
    .filter((field) => show(a[field]) !== show(b[field]))
    .map((field) => ({ field, before: field in a ? show(a[field]) : "", after: field in b ? show(b[field]) : "" }));
}
