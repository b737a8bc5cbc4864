// Request-time glue for pages and server actions: session cookie → user → membership → OrgContext.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authOptions } from "./auth-options";
import { loadOrgContext, type OrgContext } from "./load-org-context";
import { can, type Permission } from "./roles";
import { activeSessionUserId } from "./user-sessions";

export const ACTIVE_ORG_COOKIE = "active_org";

type ActiveSession = { userId: string; sessionId: string };

/**
 * The signed-in user and their session row, when that row is still open; null when the cookie is
 * missing, invalid, from before session rows, signed out, revoked by a password change or expired.
 */
export const getActiveSession = cache(async (): Promise<ActiveSession | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id ?? null;
  const sessionId = (session as { sid?: string } | null)?.sid ?? null;
  const activeUserId = await activeSessionUserId(db, { userId, sessionId });
  return activeUserId && sessionId ? { userId: activeUserId, sessionId } : null;
});

export const getSessionUserId = cache(async (): Promise<string | null> => (await getActiveSession())?.userId ?? null);

/** The signed-in user's context in their active organization, or null. Cached per request. */
export const getOrgContext = cache(async (): Promise<OrgContext | null> => {
  const userId = await getSessionUserId();
  if (!userId) return null;
  const requestedOrgId = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  return loadOrgContext(db, userId, requestedOrgId);
});

/**
 * Someone holding a one-time password may do nothing but replace it (and sign out): every door
 * that acts on company data checks this, so a leaked one-time password is only good for that.
 */
export function assertPasswordSettled(ctx: Pick<OrgContext, "mustChangePassword">): void {
  if (ctx.mustChangePassword) throw new AppError("FORBIDDEN", { messageKey: "mustChangePassword" });
}

/** For pages: sends strangers to the sign-in page and shows 403 to members lacking the permission. */
export async function requirePageContext(permission: Permission = "org.read"): Promise<OrgContext> {
  const ctx = await getOrgContext();
  if (!ctx) redirect("/login");
  if (ctx.mustChangePassword) redirect("/account/password");
  if (!can(ctx.role, permission)) forbidden();
  return ctx;
}

/** For server actions and routes: the same checks, as AppErrors the caller turns into messages. */
export async function requireActionContext(permission: Permission): Promise<OrgContext> {
  const ctx = await getOrgContext();
  if (!ctx) throw new AppError("UNAUTHENTICATED");
  assertPasswordSettled(ctx);
  if (!can(ctx.role, permission)) throw new AppError("FORBIDDEN");
  return ctx;
}
