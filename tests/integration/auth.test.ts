import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { changePassword } from "@/lib/auth/change-password";
import { ACCOUNT_FREE_FAILURES } from "@/lib/auth/password-throttle";
import { createOrganizationWithOwner } from "@/lib/orgs/create-organization";
import { db, makeOrg, uniqueEmail } from "./fixtures";

function uniqueIp(): string {
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

describe("sign-up", () => {
  it("creates the organization with its OWNER and an audit row", async () => {
    const email = uniqueEmail("boss");
    const { org, owner } = await createOrganizationWithOwner(db, {
      companyName: "杭州某某电子商务有限公司",
      owner: { name: "王芳", email: ` ${email.toUpperCase()} `, password: "password123" },
    });
    expect(owner.email).toBe(email);
    expect(org.slug).toMatch(/^org-[0-9a-f]{6}$/);
    expect(await db.membership.findFirst({ where: { orgId: org.id, userId: owner.id } })).toMatchObject({ role: "OWNER" });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "org.create" } })).toBe(1);
  });

  it("refuses an e-mail that is already registered and leaves no half-created organization", async () => {
    const org = await makeOrg();
    const orgsBefore = await db.organization.count();
    await expect(
      createOrganizationWithOwner(db, { companyName: "x", owner: { name: "x", email: org.userEmail, password: "password123" } }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "emailTaken" });
    expect(await db.organization.count()).toBe(orgsBefore);
  });
});

describe("authenticate", () => {
  it("accepts the right password, case-insensitively on the e-mail", async () => {
    const org = await makeOrg();
    const result = await authenticate(db, org.userEmail.toUpperCase(), "password123", uniqueIp());
    expect(result).toMatchObject({ ok: true, user: { id: org.userId } });
  });

  it("gives an unknown e-mail and a wrong password the same answer", async () => {
    const org = await makeOrg();
    const wrongPassword = await authenticate(db, org.userEmail, "wrong-password", uniqueIp());
    const unknownUser = await authenticate(db, uniqueEmail("ghost"), "password123", uniqueIp());
    expect(wrongPassword).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(unknownUser).toEqual(wrongPassword);
  });

  it("forgets an account's earlier failures after a successful sign-in", async () => {
    const org = await makeOrg();
    for (let i = 0; i < ACCOUNT_FREE_FAILURES - 1; i++) await authenticate(db, org.userEmail, "wrong", uniqueIp());
    expect(await authenticate(db, org.userEmail, "password123", uniqueIp())).toMatchObject({ ok: true });
    for (let i = 0; i < ACCOUNT_FREE_FAILURES - 1; i++) await authenticate(db, org.userEmail, "wrong", uniqueIp());
    expect(await authenticate(db, org.userEmail, "password123", uniqueIp())).toMatchObject({ ok: true });
  });
});

describe("changePassword", () => {
  it("needs the current password and clears the must-change flag", async () => {
    const org = await makeOrg();
    await db.user.update({ where: { id: org.userId }, data: { mustChangePassword: true } });
    await expect(changePassword(db, org.userId, "wrong", "new-password-1", { clientIp: uniqueIp() })).rejects.toMatchObject({ messageKey: "wrongPassword" });
    await expect(changePassword(db, org.userId, "password123", "password123", { clientIp: uniqueIp() })).rejects.toMatchObject({ messageKey: "samePassword" });
    await changePassword(db, org.userId, "password123", "new-password-1", { clientIp: uniqueIp() });
    expect(await db.user.findUnique({ where: { id: org.userId } })).toMatchObject({ mustChangePassword: false });
    expect(await authenticate(db, org.userEmail, "new-password-1", uniqueIp())).toMatchObject({ ok: true });
  });
});
