// An order's business date, wherever SQL needs it (lists, month close, import undo): when it was
// paid, else ordered, else confirmed. One definition, so a month locks the same orders everywhere.
export function orderDaySql(alias: string): string {
  return `COALESCE(${alias}."paidAt", ${alias}."orderedAt", ${alias}."confirmedAt")`;
}
