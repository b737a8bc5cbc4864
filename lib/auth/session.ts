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

export const ACTIVE_ORG_COOKIE = "active_org";

export const getSessionUserId = cache(async (): Promise<string | null> => {
  const session = await getServerSession(authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
});

/** The signed-in user's context in their active organization, or null. Cached per request. */
export const getOrgContext = cache(async (): Promise<OrgContext | null> => {
  const userId = await getSessionUserId();
  if (!userId) return null;
  const requestedOrgId = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  return loadOrgContext(db, userId, requestedOrgId);
});

/** For pages: sends strangers to the sign-in page and shows 403 to members lacking the permission. */
export async function requirePageContext(permission: Permission = "org.read"): Promise<OrgContext> {
  const ctx = await getOrgContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, permission)) forbidden();
  return ctx;
}

/** For server actions: the same checks, as AppErrors the action wrapper turns into messages. */
export async function requireActionContext(permission: Permission): Promise<OrgContext> {
  const ctx = await getOrgContext();
  if (!ctx) throw new AppError("UNAUTHENTICATED");
  if (!can(ctx.role, permission)) throw new AppError("FORBIDDEN");
  return ctx;
}
