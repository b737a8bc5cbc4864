// One naming rule for numbers stored in JSON (alert thresholds, alert facts, their audit rows): the
// field's name says its unit, so every reader formats it alike without a table per field. A name
// ending in `Minor` is money in minor units, `Bps` a rate in basis points, `Pct` a whole percent
// (a factor such as 150 % of usual), one ending in `days` a count of days; anything else a number.
export type FieldUnit = "money" | "percent" | "factor" | "days" | "count";

export function fieldUnit(field: string): FieldUnit {
  if (field.endsWith("Minor")) return "money";
  if (field.endsWith("Bps")) return "percent";
  if (field.endsWith("Pct")) return "factor";
  if (/days$/i.test(field)) return "days";
  return "count";
}
