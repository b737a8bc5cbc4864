import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { acceptInvitation, createInvitation, findOpenInvitation } from "@/lib/members/invitation-service";
import { changeMemberRole, removeMember } from "@/lib/members/member-service";
import { addUser, db, makeOrg, uniqueEmail } from "./fixtures";

describe("members", () => {
  // Issue 12, item 1: company B adds x (no account yet), company C adds x later. Before, B got a
  // one-time password for the new global account and C's add linked that account silently, so B's
  // admin could sign in as x and switch to C.
  it("never lets one company set or learn the password of an identity another company can use", async () => {
    const b = await makeOrg("乙公司");
    const c = await makeOrg("丙公司");
    const x = uniqueEmail("x");

    const byB = await createInvitation(db, b, { email: x, role: "ADMIN" });
    expect(Object.keys(byB).sort()).toEqual(["expiresAt", "token"]);
    expect(await db.user.findUnique({ where: { email: x } })).toBeNull();

    // B's admin keeps B's link to themselves; C adds the same e-mail: nothing is linked, no account exists.
    const byC = await createInvitation(db, c, { email: x, role: "ADMIN" });
    expect(Object.keys(byC).sort()).toEqual(["expiresAt", "token"]);
    expect(await db.user.findUnique({ where: { email: x } })).toBeNull();

    // The real x accepts C's link and chooses a password; B's link then only asks for that password.
    await acceptInvitation(db, byC.token, { name: "x", password: "x-own-password" }, "10.9.9.1");
    expect(await findOpenInvitation(db, byB.token)).toMatchObject({ hasAccount: true });
    await expect(acceptInvitation(db, byB.token, { name: "B's admin", password: "set-by-b-admin" }, "10.9.9.2")).rejects.toMatchObject({
      messageKey: "wrongPassword",
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: x } });
    expect(await db.membership.findFirst({ where: { orgId: b.orgId, userId: user.id } })).toBeNull();
    expect(await authenticate(db, x, "set-by-b-admin", "10.9.9.3")).toMatchObject({ ok: false });
    expect(await authenticate(db, x, "x-own-password", "10.9.9.3")).toMatchObject({ ok: true });
    expect(user.mustChangePassword).toBe(false);
  });

  it("adds an existing account only when its holder accepts with their own password", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    await createInvitation(db, a, { email: b.userEmail, role: "REVIEWER" });
    expect(await db.membership.findFirst({ where: { orgId: a.orgId, userId: b.userId } })).toBeNull();
    expect(await authenticate(db, b.userEmail, "password123", "10.9.9.8")).toMatchObject({ ok: true });
  });

  it("answers alike whether or not the e-mail has an account", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const shape = (value: object) => Object.entries(value).map(([key, v]) => [key, typeof v, v instanceof Date]);
    const existing = await createInvitation(db, org, { email: other.userEmail, role: "VIEWER" });
    const fresh = await createInvitation(db, org, { email: uniqueEmail("fresh"), role: "VIEWER" });
    expect(shape(existing)).toEqual(shape(fresh));
    expect(existing.token).toHaveLength(fresh.token.length);
    const audit = await db.auditLog.findMany({ where: { orgId: org.orgId, action: "invitation.create" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => Object.keys(row.after as object).sort())).toEqual([
      ["email", "expiresAt", "role"],
      ["email", "expiresAt", "role"],
    ]);
  });

  it("lets only an OWNER hand out or take away the OWNER role", async () => {
    const org = await makeOrg();
    const admin = await addUser(org, "ADMIN");
    const viewer = await addUser(org, "VIEWER");
    await expect(createInvitation(db, admin, { email: uniqueEmail(), role: "OWNER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeMemberRole(db, admin, viewer.userId, "OWNER")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeMemberRole(db, admin, org.userId, "VIEWER")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await changeMemberRole(db, admin, viewer.userId, "ACCOUNTANT");
    await changeMemberRole(db, org, viewer.userId, "OWNER");
    expect(await db.membership.count({ where: { orgId: org.orgId, role: "OWNER" } })).toBe(2);
  });

  it("never leaves an organization without an OWNER", async () => {
    const org = await makeOrg();
    await expect(changeMemberRole(db, org, org.userId, "ADMIN")).rejects.toMatchObject({ messageKey: "lastOwner" });
    await expect(removeMember(db, org, org.userId)).rejects.toMatchObject({ messageKey: "lastOwner" });
    const accountant = await addUser(org, "ACCOUNTANT");
    await removeMember(db, org, accountant.userId);
    expect(await db.membership.count({ where: { orgId: org.orgId } })).toBe(1);
  });
});

describe("invitations", () => {
  it("creates an account from a link that works once", async () => {
    const org = await makeOrg();
    const email = uniqueEmail("invitee");
    const { token } = await createInvitation(db, org, { email, role: "REVIEWER" });
    expect(await findOpenInvitation(db, token)).toMatchObject({ hasAccount: false, orgName: org.orgName });
    await acceptInvitation(db, token, { name: "陈静", password: "reviewer-pass" }, "10.9.8.1");
    const user = await db.user.findUnique({ where: { email } });
    expect(await db.membership.findFirst({ where: { orgId: org.orgId, userId: user!.id } })).toMatchObject({ role: "REVIEWER" });
    await expect(acceptInvitation(db, token, { name: "again", password: "reviewer-pass" }, "10.9.8.1")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.invitation.findFirst({ where: { orgId: org.orgId } })).not.toHaveProperty("token");
  });

  it("asks an existing user for their own password", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    const { token } = await createInvitation(db, a, { email: b.userEmail, role: "VIEWER" });
    await expect(acceptInvitation(db, token, { password: "wrong" }, "10.9.8.2")).rejects.toMatchObject({ messageKey: "wrongPassword" });
    await acceptInvitation(db, token, { password: "password123" }, "10.9.8.2");
    expect(await db.membership.findFirst({ where: { orgId: a.orgId, userId: b.userId } })).toMatchObject({ role: "VIEWER" });
  });

  it("refuses an expired link", async () => {
    const org = await makeOrg();
    const { token } = await createInvitation(db, org, { email: uniqueEmail(), role: "VIEWER" }, new Date(Date.now() - 8 * 86_400_000));
    expect(await findOpenInvitation(db, token)).toBeNull();
    await expect(acceptInvitation(db, token, { name: "x", password: "password123" }, "10.9.8.3")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
