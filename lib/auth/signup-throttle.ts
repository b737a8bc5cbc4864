// Sign-up must say "this e-mail is already registered" (the person needs to know), which makes it a
// way to test whether an e-mail has an account. So sign-ups are limited per client: every attempt
// counts, whatever its outcome, in the same attempts table as password checks.
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { UNKNOWN_CLIENT_IP } from "./client-ip";
import { rateLimitedError } from "./password-throttle";

export const SIGNUP_MAX_PER_CLIENT = 10;
export const SIGNUP_WINDOW_MINUTES = 60;

/** Counts this attempt, or throws RATE_LIMITED when the client has used up its sign-ups. */
export async function recordSignUpAttempt(db: DbOrTx, email: string, ip: string, now = new Date()): Promise<void> {
  // Without a known client address (`npm run dev`) there is no bucket to count in.
  if (ip === UNKNOWN_CLIENT_IP) return;
  const windowMs = SIGNUP_WINDOW_MINUTES * 60_000;
  const refusedFor = await atomically(db, async (tx) => {
    // One at a time per client, so a burst cannot all pass the count before any is recorded.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`signup-client:${ip}`}))`;
    const recent = await tx.loginAttempt.findMany({
      where: { ip, kind: "SIGNUP", createdAt: { gt: new Date(now.getTime() - windowMs), lte: now } },
      orderBy: { createdAt: "desc" },
      take: SIGNUP_MAX_PER_CLIENT,
      select: { createdAt: true },
    });
    if (recent.length >= SIGNUP_MAX_PER_CLIENT) {
      return Math.ceil((recent[recent.length - 1]!.createdAt.getTime() + windowMs - now.getTime()) / 1000);
    }
    await tx.loginAttempt.create({ data: { kind: "SIGNUP", email, ip, succeeded: true, createdAt: now } });
    return 0;
  });
  if (refusedFor > 0) throw rateLimitedError(refusedFor);
}
