// Days of the generated month as the statements print them ("YYYY-MM-DD"), for planters that date a row.
export function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, "0")}`;
}

export function dayOf(month: string, day: number): string {
  return `${month}-${String(day).padStart(2, "0")}`;
}
