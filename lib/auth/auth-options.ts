// next-auth (v4) with e-mail + password. Sessions are signed JWT cookies: no server-side session
// state, so any app instance can serve any request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { authenticate } from "./authenticate";
import { clientIpFromHeaders } from "./client-ip";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
