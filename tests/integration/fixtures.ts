// Small builders for integration tests: every test makes its own organizations with unique names,
// so tests never depend on each other's data.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { hashPassword } from "@/lib/auth/password";
import { createOrganizationWithOwner } from "@/lib/orgs/create-organization";
import { fillGroupFactsSql } from "@/lib/ledger/group-facts";

export { db };

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@test.local`;
}

export async function makeOrg(name = "测试公司"): Promise<OrgContext> {
  const email = uniqueEmail("owner");
  const { org, owner } = await createOrganizationWithOwner(db, {
    companyName: name,
    owner: { name: "Owner", email, password: "password123" },
  });
  return {
    orgId: org.id,
    orgName: org.name,
    orgSlug: org.slug,
    userId: owner.id,
    userEmail: owner.email,
    userName: owner.name,
    mustChangePassword: false,
    role: "OWNER",
  };
}

export async function addUser(org: OrgContext, role: Role): Promise<OrgContext> {
  const email = uniqueEmail(role.toLowerCase());
  const user = await db.user.create({ data: { email, name: role, passwordHash: await hashPassword("password123") } });
  await db.membership.create({ data: { orgId: org.orgId, userId: user.id, role } });
  return { ...org, userId: user.id, userEmail: email, userName: role, role };
}

export const STORE_INPUT = {
  name: "天猫旗舰店",
  platform: "TMALL" as const,
  currency: "CNY",
  settlementTermsDays: 7,
  feeRatePercent: 500,
};

export const ACCOUNT_INPUT = {
  name: "招商银行基本户",
  type: "BANK" as const,
  institution: "招商银行",
  accountNumber: "6214830012345678",
  currency: "CNY",
};

/** A group a test wrote straight into the tables gets the list facts a booking or run would store. */
export async function fillGroupFacts(orgId: string, groupId: string): Promise<void> {
  await db.$executeRawUnsafe(fillGroupFactsSql(`SELECT $1::uuid AS "orgId", $2::uuid AS id`), orgId, groupId);
}
