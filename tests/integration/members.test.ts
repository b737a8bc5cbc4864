import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { acceptInvitation, createInvitation, findOpenInvitation } from "@/lib/members/invitation-service";
import { addMember, changeMemberRole, removeMember } from "@/lib/members/member-service";
import { addUser, db, makeOrg, uniqueEmail } from "./fixtures";

describe("members", () => {
  it("adds a new person with a one-time password they must change", async () => {
    const org = await makeOrg();
    const email = uniqueEmail("new");
    const { userId, oneTimePassword } = await addMember(db, org, { email, name: "张敏", role: "ACCOUNTANT" });
    expect(oneTimePassword).toMatch(/^[a-zA-Z2-9]{12}$/);
    expect(await db.user.findUnique({ where: { id: userId } })).toMatchObject({ mustChangePassword: true });
    expect(await authenticate(db, email, oneTimePassword!, "10.9.9.9")).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "member.add", entityId: userId } })).toBe(1);
  });

  it("adds someone who already has an account without touching their password", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    const result = await addMember(db, a, { email: b.userEmail, name: "ignored", role: "REVIEWER" });
    expect(result).toEqual({ userId: b.userId, oneTimePassword: null });
    expect(await authenticate(db, b.userEmail, "password123", "10.9.9.8")).toMatchObject({ ok: true });
    await expect(addMember(db, a, { email: b.userEmail, name: "x", role: "VIEWER" })).rejects.toMatchObject({ messageKey: "alreadyMember" });
  });

  it("lets only an OWNER hand out or take away the OWNER role", async () => {
    const org = await makeOrg();
    const admin = await addUser(org, "ADMIN");
    const viewer = await addUser(org, "VIEWER");
    await expect(addMember(db, admin, { email: uniqueEmail(), name: "x", role: "OWNER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
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
    await acceptInvitation(db, token, { name: "陈静", password: "reviewer-pass" });
    const user = await db.user.findUnique({ where: { email } });
    expect(await db.membership.findFirst({ where: { orgId: org.orgId, userId: user!.id } })).toMatchObject({ role: "REVIEWER" });
    await expect(acceptInvitation(db, token, { name: "again", password: "reviewer-pass" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.invitation.findFirst({ where: { orgId: org.orgId } })).not.toHaveProperty("token");
  });

  it("asks an existing user for their own password", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    const { token } = await createInvitation(db, a, { email: b.userEmail, role: "VIEWER" });
    await expect(acceptInvitation(db, token, { password: "wrong" })).rejects.toMatchObject({ messageKey: "wrongPassword" });
    await acceptInvitation(db, token, { password: "password123" });
    expect(await db.membership.findFirst({ where: { orgId: a.orgId, userId: b.userId } })).toMatchObject({ role: "VIEWER" });
  });

  it("refuses an expired link", async () => {
    const org = await makeOrg();
    const { token } = await createInvitation(db, org, { email: uniqueEmail(), role: "VIEWER" }, new Date(Date.now() - 8 * 86_400_000));
    expect(await findOpenInvitation(db, token)).toBeNull();
    await expect(acceptInvitation(db, token, { name: "x", password: "password123" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
