// Issue 12, items 2, 3 and 9: every password check (sign-in, accepting an invitation with an
// existing account, changing a password) goes through one throttle, per client and per account,
// that a guesser cannot slip past and an attacker cannot use to lock a user out.
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { changePassword } from "@/lib/auth/change-password";
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_MAX_DELAY_SECONDS,
  CLIENT_MAX_FAILURES,
  verifyPasswordThrottled,
} from "@/lib/auth/password-throttle";
import { SIGNUP_MAX_PER_CLIENT, recordSignUpAttempt } from "@/lib/auth/signup-throttle";
import { acceptInvitation, createInvitation } from "@/lib/members/invitation-service";
import { db, makeOrg, uniqueEmail } from "./fixtures";

let ipCounter = 0;
function uniqueIp(): string {
  ipCounter += 1;
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}`;
}
const at = (base: number, seconds: number) => new Date(base + seconds * 1000);
/** A point in time of its own for each test, so that tests never see each other's attempts. */
const freshClock = () => Date.now() - 24 * 3600_000 + Math.floor(Math.random() * 3600_000);

describe("invitation acceptance", () => {
  it("is refused after the per-client limit, even with the right password, and counts in the shared table", async () => {
    const inviter = await makeOrg("甲公司");
    const invitee = await makeOrg("乙公司");
    const { token } = await createInvitation(db, inviter, { email: invitee.userEmail, role: "VIEWER" });
    const attacker = uniqueIp();
    const t0 = Date.now() - 10 * 60_000;
    // One guess a minute: slow enough that the per-account delay never applies, only the client's.
    for (let i = 0; i < CLIENT_MAX_FAILURES; i++) {
      await expect(acceptInvitation(db, token, { password: `guess-${i}` }, attacker, at(t0, i * 61))).rejects.toMatchObject({
        messageKey: "wrongPassword",
      });
    }
    const later = at(t0, CLIENT_MAX_FAILURES * 61);
    await expect(acceptInvitation(db, token, { password: "password123" }, attacker, later)).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(await db.membership.findFirst({ where: { orgId: inviter.orgId, userId: invitee.userId } })).toBeNull();
    expect(await db.loginAttempt.count({ where: { email: invitee.userEmail, kind: "INVITATION", succeeded: false } })).toBe(
      CLIENT_MAX_FAILURES,
    );
    // The same client is refused at the sign-in form too: one throttle for every password check.
    expect(await authenticate(db, invitee.userEmail, "password123", attacker, () => later)).toMatchObject({ reason: "RATE_LIMITED" });
  });

  it("delays the account across clients and doors once its free failures are used", async () => {
    const inviter = await makeOrg();
    const invitee = await makeOrg();
    const { token } = await createInvitation(db, inviter, { email: invitee.userEmail, role: "VIEWER" });
    const t0 = Date.now() - 5 * 60_000;
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) {
      await expect(acceptInvitation(db, token, { password: "guess" }, uniqueIp(), at(t0, i))).rejects.toMatchObject({
        messageKey: "wrongPassword",
      });
    }
    const refused = await authenticate(db, invitee.userEmail, "password123", uniqueIp(), () => at(t0, ACCOUNT_FREE_FAILURES));
    expect(refused).toMatchObject({ ok: false, reason: "RATE_LIMITED" });
    expect(await acceptInvitation(db, token, { password: "password123" }, uniqueIp(), at(t0, ACCOUNT_FREE_FAILURES + 60))).toMatchObject({
      orgId: inviter.orgId,
    });
  });

  it("answers 30 parallel guesses with at most the free failures checked", async () => {
    const inviter = await makeOrg();
    const invitee = await makeOrg();
    const { token } = await createInvitation(db, inviter, { email: invitee.userEmail, role: "VIEWER" });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => acceptInvitation(db, token, { password: `guess-${i}` }, uniqueIp())),
    );
    const checked = results.filter((r) => r.status === "rejected" && (r.reason as { messageKey?: string }).messageKey === "wrongPassword");
    const throttled = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "RATE_LIMITED");
    expect(checked.length).toBeLessThanOrEqual(ACCOUNT_FREE_FAILURES);
    expect(checked.length + throttled.length).toBe(30);
  });
});

describe("change password", () => {
  it("throttles wrong current passwords, then refuses the right one until the delay has passed", async () => {
    const org = await makeOrg();
    const t0 = Date.now() - 5 * 60_000;
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) {
      await expect(changePassword(db, org.userId, `guess-${i}`, "new-password-1", { clientIp: uniqueIp(), now: () => at(t0, i) })).rejects.toMatchObject({
        messageKey: "wrongPassword",
      });
    }
    await expect(
      changePassword(db, org.userId, "password123", "new-password-1", { clientIp: uniqueIp(), now: () => at(t0, ACCOUNT_FREE_FAILURES) }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED", messageKey: "retryInSeconds" });
    await changePassword(db, org.userId, "password123", "new-password-1", { clientIp: uniqueIp(), now: () => at(t0, ACCOUNT_FREE_FAILURES + 60) });
    expect(await authenticate(db, org.userEmail, "new-password-1", uniqueIp())).toMatchObject({ ok: true });
  });
});

describe("sign-in", () => {
  it(`refuses a client after ${CLIENT_MAX_FAILURES} failures across accounts, and only that client`, async () => {
    const ip = uniqueIp();
    const t0 = freshClock();
    for (let i = 0; i < CLIENT_MAX_FAILURES; i++) await authenticate(db, uniqueEmail("spray"), "guess", ip, () => at(t0, i));
    const org = await makeOrg();
    const result = await authenticate(db, org.userEmail, "password123", ip, () => at(t0, CLIENT_MAX_FAILURES));
    expect(result).toMatchObject({ reason: "RATE_LIMITED" });
    expect(result.ok === false && result.reason === "RATE_LIMITED" && result.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(await authenticate(db, org.userEmail, "password123", uniqueIp(), () => at(t0, CLIENT_MAX_FAILURES))).toMatchObject({ ok: true });
    // The window slides: 15 minutes after the failures the client may try again.
    expect(await authenticate(db, org.userEmail, "password123", ip, () => at(t0, 15 * 60 + CLIENT_MAX_FAILURES))).toMatchObject({ ok: true });
  });

  it("cannot be used to lock a user out: after many failures from many clients, the right password works once the capped delay has passed", async () => {
    const org = await makeOrg();
    const t0 = freshClock();
    const attackers = Array.from({ length: 10 }, uniqueIp);
    for (let i = 0; i < 60; i++) await authenticate(db, org.userEmail, `guess-${i}`, attackers[i % 10]!, () => at(t0, i));
    const lastAttack = at(t0, 59).getTime();
    const soon = await authenticate(db, org.userEmail, "password123", uniqueIp(), () => new Date(lastAttack + 1000));
    expect(soon).toMatchObject({ ok: false, reason: "RATE_LIMITED" });
    expect(soon.ok === false && soon.reason === "RATE_LIMITED" && soon.retryAfterSeconds).toBeLessThanOrEqual(ACCOUNT_MAX_DELAY_SECONDS);
    const afterCap = new Date(lastAttack + ACCOUNT_MAX_DELAY_SECONDS * 1000 + 1000);
    expect(await authenticate(db, org.userEmail, "password123", uniqueIp(), () => afterCap)).toMatchObject({ ok: true });
  });

  it("treats an unknown e-mail like a wrong password, throttling included", async () => {
    const org = await makeOrg();
    const ghost = uniqueEmail("ghost");
    const t0 = freshClock();
    const answers = async (email: string, ip: string) => {
      const seen = [];
      for (let i = 0; i <= ACCOUNT_FREE_FAILURES; i++) seen.push(await authenticate(db, email, "guess", ip, () => at(t0, i)));
      return seen;
    };
    expect(await answers(ghost, uniqueIp())).toEqual(await answers(org.userEmail, uniqueIp()));
  });

  it("does not count attempts it refused", async () => {
    const email = uniqueEmail("closed");
    const t0 = freshClock();
    for (let i = 0; i < ACCOUNT_FREE_FAILURES + 20; i++) {
      await verifyPasswordThrottled(db, { email, ip: uniqueIp(), kind: "LOGIN" }, async () => false, () => at(t0, i / 10));
    }
    expect(await db.loginAttempt.count({ where: { email } })).toBe(ACCOUNT_FREE_FAILURES);
  });
});

describe("sign-up", () => {
  it(`allows ${SIGNUP_MAX_PER_CLIENT} sign-up attempts per client per hour, whatever their outcome`, async () => {
    const ip = uniqueIp();
    const t0 = freshClock();
    for (let i = 0; i < SIGNUP_MAX_PER_CLIENT; i++) await recordSignUpAttempt(db, uniqueEmail("probe"), ip, at(t0, i));
    await expect(recordSignUpAttempt(db, uniqueEmail("probe"), ip, at(t0, SIGNUP_MAX_PER_CLIENT))).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "retryInMinutes",
    });
    await recordSignUpAttempt(db, uniqueEmail("probe"), uniqueIp(), at(t0, SIGNUP_MAX_PER_CLIENT));
    await recordSignUpAttempt(db, uniqueEmail("probe"), ip, at(t0, 3601));
  });
});
