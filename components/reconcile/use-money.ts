"use client";
import { useLocale } from "next-intl";
import { formatMinor } from "@/lib/money";

/** Money in the page's language: minor units in, "¥1,234.50" out. */
export function useMoney() {
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  return { locale, money: (value: bigint, currency = "CNY") => formatMinor(value, currency, locale) } as const;
}
