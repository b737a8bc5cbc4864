// Credentials check behind the sign-in form. An unknown e-mail and a wrong password answer the
// same, and take the same time (a decoy hash is verified for unknown users).
import type { Tx } from "@/lib/db/client";
import { checkLoginThrottle, recordLoginAttempt } from "./login-throttle";
import { getDecoyHash, verifyPassword } from "./password";
import { normalizeEmail } from "./normalize-email";

export type AuthenticatedUser = { id: string; email: string; name: string };

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "INVALID_CREDENTIALS" }
  | { ok: false; reason: "RATE_LIMITED"; retryAfterMinutes: number };

export async function authenticate(db: Tx, rawEmail: string, password: string, ip: string): Promise<AuthenticateResult> {
  const email = normalizeEmail(rawEmail);
  const verdict = await checkLoginThrottle(db, email, ip);
  if (!verdict.allowed) return { ok: false, reason: "RATE_LIMITED", retryAfterMinutes: verdict.retryAfterMinutes };

  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
  const succeeded = Boolean(user) && passwordMatches;
  await recordLoginAttempt(db, email, ip, succeeded);
  if (!user || !succeeded) return { ok: false, reason: "INVALID_CREDENTIALS" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
