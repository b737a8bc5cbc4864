// Sign-up (and the CLI, and the demo seed) create an organization together with its first OWNER.
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { Organization, User } from "@/lib/db/generated/client";
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { hashPassword } from "@/lib/auth/password";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { makeOrgSlug } from "./org-slug";

export type NewOrganization = {
  companyName: string;
  slug?: string;
  owner: { name: string; email: string; password: string };
};

export async function createOrganizationWithOwner(
  db: DbOrTx,
  input: NewOrganization,
): Promise<{ org: Organization; owner: User }> {
  const email = normalizeEmail(input.owner.email);
  const passwordHash = await hashPassword(input.owner.password);
  try {
    return await atomically(db, async (tx) => {
      const org = await tx.organization.create({
        data: { name: input.companyName, slug: input.slug ?? makeOrgSlug(input.companyName) },
      });
      const owner = await tx.user.create({ data: { email, name: input.owner.name, passwordHash } });
      await tx.membership.create({ data: { orgId: org.id, userId: owner.id, role: "OWNER" } });
      await writeAuditLog(tx, { orgId: org.id, userId: owner.id, userEmail: email }, {
        action: "org.create",
        entityType: "Organization",
        entityId: org.id,
        after: { name: org.name, slug: org.slug, owner: email },
      });
      return { org, owner };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const slugTaken = input.slug && (await db.organization.findUnique({ where: { slug: input.slug } }));
      throw slugTaken
        ? new AppError("CONFLICT", { messageKey: "orgSlugTaken", field: "slug" })
        : new AppError("CONFLICT", { messageKey: "emailTaken", field: "email" });
    }
    throw error;
  }
}

/** An organization without members yet, for automation (the CLI); people join by invitation. */
export async function createOrganization(db: DbOrTx, input: { name: string; slug: string }): Promise<Organization> {
  try {
    return await atomically(db, async (tx) => {
      const org = await tx.organization.create({ data: { name: input.name, slug: input.slug } });
      await writeAuditLog(tx, { orgId: org.id, userId: null, userEmail: null }, {
        action: "org.create",
        entityType: "Organization",
        entityId: org.id,
        after: { name: org.name, slug: org.slug },
      });
      return org;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { messageKey: "orgSlugTaken", field: "slug" });
    throw error;
  }
}
