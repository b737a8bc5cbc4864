// The tenant boundary: a user id plus the organization they asked for becomes an OrgContext only
// through a membership row. Nothing here trusts an org id from the client on its own.
import type { Tx } from "@/lib/db/client";
import type { Role } from "./roles";

export type OrgContext = {
  userId: string;
  userEmail: string;
  userName: string;
  mustChangePassword: boolean;
  orgId: string;
  orgName: string;
  orgSlug: string;
  role: Role;
};

/** Who makes a change: a member through the app, or an automation (the CLI) with no user. */
export type Actor = { orgId: string; userId: string | null; userEmail: string | null };

export type OrgChoice = { orgId: string; name: string; slug: string; role: Role };

export async function listUserOrganizations(db: Tx, userId: string): Promise<OrgChoice[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { org: { select: { name: true, slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ orgId: m.orgId, name: m.org.name, slug: m.org.slug, role: m.role }));
}

/**
 * The requested organization when the user belongs to it, else their first one; null when the
 * user no longer exists or belongs to no organization.
 */
export async function loadOrgContext(db: Tx, userId: string, requestedOrgId?: string): Promise<OrgContext | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return null;
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { org: true },
    orderBy: { createdAt: "asc" },
  });
  const membership = memberships.find((m) => m.orgId === requestedOrgId) ?? memberships[0];
  if (!membership) return null;
  return {
    userId: user.id,
    userEmail: user.email,
    userName: user.name,
    mustChangePassword: user.mustChangePassword,
    orgId: membership.orgId,
    orgName: membership.org.name,
    orgSlug: membership.org.slug,
    role: membership.role,
  };
}
