// Credentials check behind the sign-in form. An unknown e-mail and a wrong password answer the
// same, and take the same time (a decoy hash is verified for unknown users); both count against
// the same throttle (lib/auth/password-throttle.ts), so being throttled tells nothing either.
import type { Db } from "@/lib/db/client";
import { verifyPasswordThrottled } from "./password-throttle";
import { getDecoyHash, verifyPassword } from "./password";
import { normalizeEmail } from "./normalize-email";

export type AuthenticatedUser = { id: string; email: string; name: string };

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "INVALID_CREDENTIALS" }
  | { ok: false; reason: "RATE_LIMITED"; retryAfterSeconds: number };

export async function authenticate(
  db: Db,
  rawEmail: string,
  password: string,
  ip: string,
  now?: () => Date,
): Promise<AuthenticateResult> {
  const email = normalizeEmail(rawEmail);
  const user = await db.user.findUnique({ where: { email } });
  const check = await verifyPasswordThrottled(
    db,
    { email, ip, kind: "LOGIN" },
    async () => (await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password)) && Boolean(user),
    now,
  );
  if (check.ok && user) return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  if (!check.ok && check.reason === "RATE_LIMITED") {
    return { ok: false, reason: "RATE_LIMITED", retryAfterSeconds: check.retryAfterSeconds };
  }
  return { ok: false, reason: "INVALID_CREDENTIALS" };
}
