// Days against the expected date as people say them: "逾期 12 天", "还有 3 天", "今天到期".
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** `t` is scoped to "receivables". */
export function daysText(days: number | null, t: Translate): string {
  if (days === null) return "";
  if (days > 0) return t("days.overdue", { days });
  if (days < 0) return t("days.toGo", { days: -days });
  return t("days.today");
}
