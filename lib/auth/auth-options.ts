// next-auth (v4) with e-mail + password. Sessions are signed JWT cookies that also name a
// UserSession row (`sid`): the cookie proves who the user is, the row whether that session is still
// open (see lib/auth/user-sessions.ts), so sign-out and password changes take effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { authenticate } from "./authenticate";
import { clientIpFromHeaders } from "./client-ip";
import { revokeSession, SESSION_MAX_AGE_SECONDS, startUserSession } from "./user-sessions";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticate(
          db,
          credentials?.email ?? "",
          credentials?.password ?? "",
          clientIpFromHeaders(req?.headers as Record<string, unknown> | undefined),
        );
        // The message travels to the sign-in form, which translates it.
        if (!result.ok) {
          throw new Error(result.reason === "RATE_LIMITED" ? `RATE_LIMITED:${result.retryAfterSeconds}` : result.reason);
        }
        const userAgent = (req?.headers as Record<string, unknown> | undefined)?.["user-agent"];
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          userAgent: typeof userAgent === "string" ? userAgent : null,
        };
      },
    }),
  ],
  callbacks: {
    // `user` is only present at sign-in: that is when the session row is created.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = await startUserSession(db, user.id, { userAgent: (user as { userAgent?: string | null }).userAgent });
      }
      return token;
    },
    // Carries the ids to getActiveSession (lib/auth/session.ts), which checks the row per request.
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      if (typeof token.sid === "string") (session as { sid?: string }).sid = token.sid;
      return session;
    },
  },
  events: {
    // With the JWT strategy next-auth hands the decoded cookie to this event before clearing it.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(db, token.sid);
    },
  },
};
