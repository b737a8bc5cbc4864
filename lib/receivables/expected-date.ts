// When an order's money is due: the platform's own settlement day once its bill has one; else
// 确认收货 + the store's 账期 (T+N); else, for an order nobody has confirmed yet, the day the platform
// would confirm it by itself. The exports carry no shipping date, so that automatic confirmation is
// counted from payment, with the usual shipping time included in the store's autoConfirmDays.
import type { Platform } from "@/lib/db/generated/enums";

/** Days from payment to the platform's automatic 确认收货 (shipping ≈ 2 days + the platform's term). */
export const DEFAULT_AUTO_CONFIRM_DAYS: Record<Platform, number> = {
  TMALL: 12,
  TAOBAO: 12,
  JD: 12,
  PDD: 12,
  DOUYIN: 12,
  SHOPIFY: 14,
  AMAZON: 14,
  OTHER: 14,
};

/** SQL: a store's automatic-confirmation days, its own or its platform's default. */
export function autoConfirmDaysSql(store: string): string {
  const cases = Object.entries(DEFAULT_AUTO_CONFIRM_DAYS)
    .map(([platform, days]) => `WHEN '${platform}' THEN ${days}`)
    .join(" ");
  return `COALESCE(${store}."autoConfirmDays", CASE ${store}.platform ${cases} END)`;
}
