// The one throttle in front of every password check (sign-in, accepting an invitation with an
// existing account, changing a password), kept in PostgreSQL so that it holds across app instances.
//
// Two limits, because they stop different attacks:
// - per client (IP address): a hard limit of failures per window, against one machine guessing
//   many passwords or spraying one password over many accounts;
// - per account: a progressive delay after a few failures, doubling up to a low cap, against many
//   machines guessing one account. It never becomes a long lock, so that nobody can lock a user out:
//   whatever an attacker does, the right password works again at most ACCOUNT_MAX_DELAY_SECONDS
//   after the last failure (and from the user's own client, the per-client limit is not the
//   attacker's).
// Refused attempts are not recorded: hammering a closed door does not keep it closed longer.
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { AttemptKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { UNKNOWN_CLIENT_IP } from "./client-ip";

export const CLIENT_MAX_FAILURES = 10;
export const CLIENT_WINDOW_MINUTES = 15;
/** Failures of one account that cost nothing (typos). */
export const ACCOUNT_FREE_FAILURES = 5;
/** The wait after the first failure beyond the free ones; it doubles with each further failure. */
export const ACCOUNT_BASE_DELAY_SECONDS = 10;
export const ACCOUNT_MAX_DELAY_SECONDS = 60;
/** An account's failures older than this (or before its last success) are forgotten. */
export const ACCOUNT_MEMORY_MINUTES = 15;

export type PasswordCheckKind = Exclude<AttemptKind, "SIGNUP">;
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type PasswordCheckResult =
  | { ok: true }
  | { ok: false; reason: "WRONG_PASSWORD" }
  | { ok: false; reason: "RATE_LIMITED"; retryAfterSeconds: number };

const PASSWORD_KINDS: PasswordCheckKind[] = ["LOGIN", "INVITATION", "PASSWORD_CHANGE"];

/** The wait after `failures` recent failures of one account, in seconds (0 = none). */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_BASE_DELAY_SECONDS * 2 ** (failures - ACCOUNT_FREE_FAILURES), ACCOUNT_MAX_DELAY_SECONDS);
}

async function clientVerdict(db: Tx, ip: string, now: Date): Promise<ThrottleVerdict> {
  // Without a known client address every visitor would share one bucket and anyone could close it
  // for everybody; then only the per-account delay applies.
  if (ip === UNKNOWN_CLIENT_IP) return { allowed: true };
  const windowMs = CLIENT_WINDOW_MINUTES * 60_000;
  const failures = await db.loginAttempt.findMany({
    where: { ip, kind: { in: PASSWORD_KINDS }, succeeded: false, createdAt: { gt: new Date(now.getTime() - windowMs), lte: now } },
    orderBy: { createdAt: "desc" },
    take: CLIENT_MAX_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < CLIENT_MAX_FAILURES) return { allowed: true };
  // Open again when the oldest of the last CLIENT_MAX_FAILURES failures leaves the window.
  const opensAt = failures[failures.length - 1]!.createdAt.getTime() + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000)) };
}

async function accountVerdict(db: Tx, email: string, now: Date): Promise<ThrottleVerdict> {
  const memoryStart = new Date(now.getTime() - ACCOUNT_MEMORY_MINUTES * 60_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, kind: { in: PASSWORD_KINDS }, succeeded: true, createdAt: { gt: memoryStart, lte: now } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await db.loginAttempt.findMany({
    where: { email, kind: { in: PASSWORD_KINDS }, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? memoryStart, lte: now } },
    orderBy: { createdAt: "desc" },
    // Past this many the delay is at its cap anyway.
    take: ACCOUNT_FREE_FAILURES + 8,
    select: { createdAt: true },
  });
  const delayMs = accountDelaySeconds(failures.length) * 1000;
  if (delayMs === 0) return { allowed: true };
  const opensAt = failures[0]!.createdAt.getTime() + delayMs;
  if (opensAt <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000)) };
}

/** Whether a password check for this account from this client may run now. */
export async function checkPasswordThrottle(db: Tx, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const [byClient, byAccount] = await Promise.all([clientVerdict(db, ip, now), accountVerdict(db, email, now)]);
  const waits = [byClient, byAccount].flatMap((verdict) => (verdict.allowed ? [] : [verdict.retryAfterSeconds]));
  return waits.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(...waits) };
}

/**
 * Check → verify → record, for one account (by e-mail, which may not exist: unknown e-mails are
 * throttled like real ones, so the throttle tells nothing) from one client. Only one check of the
 * same account, and of the same client, runs at a time (transaction-scoped advisory locks), so that
 * parallel guesses cannot all slip past the check before any failure is recorded. A check that finds
 * one running is refused at once rather than queued: queued checks would each hold a database
 * connection, and a burst of them would starve the whole app.
 */
export async function verifyPasswordThrottled(
  db: DbOrTx,
  attempt: { email: string; ip: string; kind: PasswordCheckKind },
  verify: () => Promise<boolean>,
  now: () => Date = () => new Date(),
): Promise<PasswordCheckResult> {
  const lockKeys = [`password-account:${attempt.email}`];
  if (attempt.ip !== UNKNOWN_CLIENT_IP) lockKeys.push(`password-client:${attempt.ip}`);
  return atomically(
    db,
    async (tx): Promise<PasswordCheckResult> => {
      for (const key of lockKeys) {
        const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS locked`;
        if (!row?.locked) return { ok: false, reason: "RATE_LIMITED", retryAfterSeconds: 1 };
      }
      const verdict = await checkPasswordThrottle(tx, attempt.email, attempt.ip, now());
      if (!verdict.allowed) return { ok: false, reason: "RATE_LIMITED", retryAfterSeconds: verdict.retryAfterSeconds };
      const succeeded = await verify();
      await tx.loginAttempt.create({ data: { ...attempt, succeeded, createdAt: now() } });
      return succeeded ? { ok: true } : { ok: false, reason: "WRONG_PASSWORD" };
    },
    // argon2 runs inside the transaction, and a burst of sign-ins queues for a pooled connection:
    // keep clear of Prisma's defaults (2 s to get one, 5 s to finish).
    { maxWait: 10_000, timeout: 15_000 },
  );
}

/** The error a server action shows for a throttled check, in seconds or minutes as fits. */
export function rateLimitedError(retryAfterSeconds: number): AppError {
  return retryAfterSeconds < 120
    ? new AppError("RATE_LIMITED", { messageKey: "retryInSeconds", params: { seconds: retryAfterSeconds } })
    : new AppError("RATE_LIMITED", { messageKey: "retryInMinutes", params: { minutes: Math.ceil(retryAfterSeconds / 60) } });
}
