// Runs before every page request (Next 16's proxy, formerly middleware): a per-request CSP nonce and,
// over https, HSTS. The headers that never vary are set for every response in next.config.ts.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS_VALUE, servedOverHttps } from "@/lib/http/content-security-policy";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  // On the request, so that Next puts the nonce on the scripts it renders; on the response, for the browser.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (servedOverHttps(request.headers, process.env)) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not route handlers (JSON), static files, or prefetches (whose nonce would not match the page's).
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
