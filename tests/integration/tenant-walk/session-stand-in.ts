// lib/auth/session.ts for the walk: who is signed in comes from the test instead of a next-auth
// cookie (whose checks, e.g. server-side session records, are not what this test is about); the
// rest is the same glue over the real tenant boundary — loadOrgContext reads the membership, and
// `can` the role's permissions. Keep it in step with lib/auth/session.ts.
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { loadOrgContext, type OrgContext } from "@/lib/auth/load-org-context";
import { can, type Permission } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export function sessionStandIn(signedIn: { userId: string | null }, activeOrgCookie: string) {
  const getSessionUserId = async (): Promise<string | null> => signedIn.userId;

  const getOrgContext = async (): Promise<OrgContext | null> => {
    const userId = await getSessionUserId();
    if (!userId) return null;
    return loadOrgContext(db, userId, (await cookies()).get(activeOrgCookie)?.value);
  };

  async function requirePageContext(permission: Permission = "org.read"): Promise<OrgContext> {
    const ctx = await getOrgContext();
    if (!ctx) redirect("/login");
    if (!can(ctx.role, permission)) forbidden();
    return ctx;
  }

  async function requireActionContext(permission: Permission): Promise<OrgContext> {
    const ctx = await getOrgContext();
    if (!ctx) throw new AppError("UNAUTHENTICATED");
    if (!can(ctx.role, permission)) throw new AppError("FORBIDDEN");
    return ctx;
  }

  return { getSessionUserId, getOrgContext, requirePageContext, requireActionContext };
}
