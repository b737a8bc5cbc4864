// next-intl without locale routing: URLs stay the same in both languages. A signed-in user's
// language is remembered on their account; before sign-in a cookie (or the default, Chinese) decides.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUserId } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locales";

async function resolveLocale(): Promise<Locale> {
  const userId = await getSessionUserId();
  if (userId) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
    if (isLocale(user?.locale)) return user.locale;
  }
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
