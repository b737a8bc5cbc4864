// The Content-Security-Policy of every page, with a fresh nonce per request (set in proxy.ts; Next
// reads the nonce from this header and puts it on the scripts it renders).
//
// Scripts: only ours, by nonce; 'strict-dynamic' lets them load Next's chunks. An injected
// <script> or inline handler does not run. Styles: 'self' plus 'unsafe-inline', on purpose:
// React `style={…}` attributes (progress bars here; charts and PDF previews later) cannot carry a
// nonce, and injected CSS cannot run code; the script policy is what stops XSS.
import { parseTrustProxy } from "@/lib/server/client-address";

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Next's dev server (React Refresh) evaluates code; a production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/**
 * HSTS only makes sense, and is only honoured, over https: when the public URL is https, or when a
 * trusted proxy (TRUST_PROXY, as lib/server/client-address.ts reads it) says the browser connected with https.
 */
export function servedOverHttps(headers: Headers, env: { NEXTAUTH_URL?: string; TRUST_PROXY?: string }): boolean {
  if (env.NEXTAUTH_URL?.startsWith("https://")) return true;
  return parseTrustProxy(env.TRUST_PROXY) > 0 && headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";
