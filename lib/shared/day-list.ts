// A list of whole days as a person types it: "7, 30", "7，30", "7、30 60" (commas, Chinese commas,
// enumeration commas or spaces between). Anything that is not a whole number makes the list unreadable.

/** The days in order as typed, or null when a part is not a whole number of days. */
export function parseDayList(text: string): number[] | null {
  const parts = text.split(/[,，、;；\s]+/).filter((part) => part !== "");
  if (!parts.every((part) => /^\d{1,6}$/.test(part))) return null;
  return parts.map(Number);
}

/** The list as the field shows it again: "7, 30". */
export function formatDayList(days: readonly number[]): string {
  return days.join(", ");
}
