// Runs the app's real request-time code (session check, orgAction, route handlers, shell actions)
// outside Next: the only stand-ins are the request's cookie jar, the session cookie next-auth would
// decode (`signIn` makes one through the real next-auth callbacks) and the translator.
// Test files must declare the vi.mock calls below (vi.mock is hoisted per file), e.g.:
//   vi.mock("server-only", () => ({}));
//   vi.mock("next/headers", () => harnessNextHeaders);
//   ...
import { createTranslator } from "next-intl";
import type { JWT } from "next-auth/jwt";
import type { Session } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import messages from "@/messages/zh-CN.json";

type CookieJar = Map<string, string>;

export const request = {
  token: null as JWT | null,
  cookies: new Map() as CookieJar,
};

/** Signs in as next-auth does after `authorize` succeeds: the jwt callback with the user. */
export async function signIn(user: { id: string; email: string; name: string }): Promise<JWT> {
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: user.id, email: user.email, name: user.name },
    user: { ...user },
    account: null,
    trigger: "signIn",
  });
  return token as JWT;
}

/** Signs out as next-auth's sign-out route does with the JWT strategy: the event gets the decoded cookie. */
export async function signOut(token: JWT): Promise<void> {
  await authOptions.events!.signOut!({ token, session: undefined as never });
}

/** What getServerSession returns for the current cookie: the real session callback on the token. */
export async function currentSession(): Promise<Session | null> {
  const token = request.token;
  if (!token) return null;
  const session: Session = { user: { name: token.name, email: token.email }, expires: new Date(Date.now() + 3600_000).toISOString() };
  return authOptions.callbacks!.session!({ session, token, user: undefined as never, newSession: undefined, trigger: "update" });
}

export const harnessNextHeaders = {
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
  }),
  headers: async () => new Headers(),
};

export const harnessNextIntl = {
  getTranslations: async (namespace?: string) => {
    const t = createTranslator({ locale: "zh-CN", messages, namespace: namespace as never });
    return (key: string, params?: Record<string, string | number>) => t(key as never, params as never);
  },
};

export function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
