// Server-side records of signed-in browsers. The session cookie is a signed JWT that stays valid
// until it expires; the row it names (its `sid`) is what can be ended early: at sign-out, and for
// every other browser of a user who changes their password.
import type { Tx } from "@/lib/db/client";
import { isUuid } from "@/lib/shared/uuid";

/** An absolute limit: a session ends this long after sign-in, however active it is. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** What the session check needs from the cookie: the user (`sub`) and the session row (`sid`). */
export type SessionClaims = { userId?: string | null; sessionId?: string | null };

/** Records a new session at sign-in and returns its id; the user's ended sessions are pruned here. */
export async function startUserSession(
  db: Tx,
  userId: string,
  options: { userAgent?: string | null; now?: Date } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  await db.userSession.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  const session = await db.userSession.create({
    data: {
      userId,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: options.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
  return session.id;
}

/**
 * The user id when the claims name a session row of that user that is neither revoked nor expired,
 * else null (signed out). One primary-key lookup. A cookie from before session rows existed has no
 * `sid` and counts as signed out.
 */
export async function activeSessionUserId(db: Tx, claims: SessionClaims, now = new Date()): Promise<string | null> {
  const { userId, sessionId } = claims;
  if (!userId || !isUuid(sessionId)) return null;
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, revokedAt: true },
  });
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt <= now) return null;
  return userId;
}

/** Sign-out: ends this one session. */
export async function revokeSession(db: Tx, sessionId: string, now = new Date()): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** A password change: every other browser of the user must sign in again with the new password. */
export async function revokeOtherSessions(db: Tx, userId: string, keepSessionId: string | null, now = new Date()): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}
