"use server";
// Actions of the app shell: language and active organization.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { getOrgContext, getSessionUserId, ACTIVE_ORG_COOKIE } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { rememberUserLocale } from "@/lib/i18n/remember-locale";
import { isMemberOf } from "@/lib/members/is-member";

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Remembered on the account of a signed-in user (so every device follows), and in a cookie.
 * Open to someone who must still change a one-time password: the password page has a language
 * switcher, and this changes nothing but their own preference.
 */
export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  const userId = await getSessionUserId();
  if (userId) await rememberUserLocale(db, userId, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: YEAR_SECONDS, sameSite: "lax" });
  revalidatePath("/", "layout");
}

/** Only an organization the user is a member of can become active; not before a one-time password is replaced. */
export async function switchOrganizationAction(orgId: string): Promise<void> {
  const ctx = await getOrgContext();
  if (!ctx || ctx.mustChangePassword || !(await isMemberOf(db, ctx.userId, orgId))) return;
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, { path: "/", httpOnly: true, sameSite: "lax", maxAge: YEAR_SECONDS });
  revalidatePath("/", "layout");
}
