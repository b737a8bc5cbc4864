// Login throttling kept in PostgreSQL (not process memory) so it holds across app instances.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;
export const UNKNOWN_IP = "unknown";

function recentFailures(db: Tx, where: Prisma.LoginAttemptWhereInput) {
  return db.loginAttempt.findMany({
    where: { ...where, succeeded: false },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Refuses once an account or an IP has MAX_FAILURES failures within the window. */
export async function checkLoginThrottle(db: Tx, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  // A successful sign-in clears the account's earlier failures (not the IP's).
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const emailSince = lastSuccess?.createdAt ?? since;
  const [byEmail, byIp] = await Promise.all([
    recentFailures(db, { email, createdAt: { gt: emailSince } }),
    // Without a known client address every visitor would share one bucket, and ten typos by anyone
    // would lock everybody out; then only the per-account limit applies.
    ip === UNKNOWN_IP ? [] : recentFailures(db, { ip, createdAt: { gt: since } }),
  ]);
  const blocking = [byEmail, byIp].filter((failures) => failures.length >= MAX_FAILURES);
  if (blocking.length === 0) return { allowed: true };
  // The block lifts when the oldest of the last MAX_FAILURES failures leaves the window.
  const liftsAt = Math.max(
    ...blocking.map((failures) => failures[failures.length - 1]!.createdAt.getTime() + WINDOW_MINUTES * 60_000),
  );
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((liftsAt - now.getTime()) / 60_000)) };
}

export async function recordLoginAttempt(db: Tx, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, succeeded } });
}
