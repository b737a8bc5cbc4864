// Issue 12, items 4 and 5: sessions end at sign-out and at a password change elsewhere; removal
// from a company takes effect on the next request; a one-time password opens no door but changing it.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./request-harness")).harnessNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", async () => (await import("./request-harness")).harnessNextIntl);
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => (await import("./request-harness")).currentSession(),
}));

import { setStoreArchivedAction } from "@/lib/actions/settings/stores";
import { changePasswordAction } from "@/lib/actions/auth/change-password";
import { POST as uploadRoute } from "@/app/api/imports/route";
import { switchOrganizationAction } from "@/lib/actions/shell";
import { ACTIVE_ORG_COOKIE, getSessionUserId } from "@/lib/auth/session";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/user-sessions";
import { removeMember } from "@/lib/members/member-service";
import { createStore } from "@/lib/stores/store-service";
import { addUser, db, makeOrg, STORE_INPUT } from "./fixtures";
import { formData, request, signIn, signOut } from "./request-harness";

const IDLE = { status: "idle" } as const;

function asUser(ctx: { userId: string; userEmail: string; userName: string }) {
  return { id: ctx.userId, email: ctx.userEmail, name: ctx.userName };
}

beforeEach(() => {
  request.token = null;
  request.cookies.clear();
});

describe("session revocation", () => {
  it("a signed-out session cookie no longer resolves to its user", async () => {
    const org = await makeOrg();
    request.token = await signIn(asUser(org));
    expect(await getSessionUserId()).toBe(org.userId);

    await signOut(request.token);
    expect(await getSessionUserId()).toBeNull();
  });

  it("treats a cookie without a session id (issued before session records) as signed out", async () => {
    const org = await makeOrg();
    request.token = { sub: org.userId, email: org.userEmail, name: org.userName };
    expect(await getSessionUserId()).toBeNull();
  });

  it("treats a session past its expiry, or one naming another user, as signed out", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const token = await signIn(asUser(org));
    request.token = { ...token, sub: other.userId };
    expect(await getSessionUserId()).toBeNull();

    request.token = token;
    const expired = new Date(Date.now() - 1000);
    await db.userSession.update({ where: { id: token.sid as string }, data: { expiresAt: expired } });
    expect(await getSessionUserId()).toBeNull();
  });

  it("a password change ends the user's other sessions and keeps the current one", async () => {
    const org = await makeOrg();
    const otherBrowser = await signIn(asUser(org));
    const thisBrowser = await signIn(asUser(org));
    request.token = thisBrowser;

    const state = await changePasswordAction(IDLE, formData({ currentPassword: "password123", newPassword: "new-password-1", confirmPassword: "new-password-1" }));
    expect(state).toMatchObject({ status: "ok" });
    expect(await getSessionUserId()).toBe(org.userId);

    request.token = otherBrowser;
    expect(await getSessionUserId()).toBeNull();
  });

  it("a sign-in prunes the user's sessions that have expired", async () => {
    const org = await makeOrg();
    const old = await signIn(asUser(org));
    const longAgo = new Date(Date.now() - 2 * SESSION_MAX_AGE_SECONDS * 1000);
    await db.userSession.update({ where: { id: old.sid as string }, data: { expiresAt: longAgo } });
    await signIn(asUser(org));
    expect(await db.userSession.findUnique({ where: { id: old.sid as string } })).toBeNull();
  });

  it("a member removed from the company is refused on the next request", async () => {
    const org = await makeOrg();
    const admin = await addUser(org, "ADMIN");
    const store = await createStore(db, org, STORE_INPUT);
    request.token = await signIn(asUser(admin));
    const archive = () => setStoreArchivedAction(IDLE, formData({ id: store.id, archived: "true" }));
    expect(await archive()).toMatchObject({ status: "ok" });

    await removeMember(db, org, admin.userId);
    expect(await archive()).toMatchObject({ status: "error", message: "登录已失效，请重新登录。" });
  });
});

describe("a user who must change a one-time password", () => {
  async function userWithOneTimePassword() {
    const org = await makeOrg();
    const admin = await addUser(org, "ADMIN");
    await db.user.update({ where: { id: admin.userId }, data: { mustChangePassword: true } });
    request.token = await signIn(asUser(admin));
    return { org, admin };
  }

  it("is refused by server actions until the password is changed", async () => {
    const { org } = await userWithOneTimePassword();
    const store = await createStore(db, org, STORE_INPUT);
    const archive = () => setStoreArchivedAction(IDLE, formData({ id: store.id, archived: "true" }));

    expect(await archive()).toMatchObject({ status: "error", message: "请先修改一次性密码，再进行其他操作。" });
    expect(await db.store.findUnique({ where: { orgId_id: { orgId: store.orgId, id: store.id } } })).toMatchObject({ archivedAt: null });

    const changed = await changePasswordAction(IDLE, formData({ currentPassword: "password123", newPassword: "new-password-1", confirmPassword: "new-password-1" }));
    expect(changed).toMatchObject({ status: "ok" });
    expect(await archive()).toMatchObject({ status: "ok" });
  });

  it("is refused by the upload route", async () => {
    await userWithOneTimePassword();
    const response = await uploadRoute(
      new Request("http://app.test/api/imports?fileName=x.csv", {
        method: "POST",
        headers: { host: "app.test", origin: "http://app.test" },
        body: "a,b\n1,2\n",
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "请先修改一次性密码，再进行其他操作。" });
  });

  it("cannot switch the active company", async () => {
    const { admin } = await userWithOneTimePassword();
    const second = await makeOrg("第二家公司");
    await db.membership.create({ data: { orgId: second.orgId, userId: admin.userId, role: "ADMIN" } });
    await switchOrganizationAction(second.orgId);
    expect(request.cookies.get(ACTIVE_ORG_COOKIE)).toBeUndefined();
  });
});
