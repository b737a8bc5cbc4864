// CSRF defence for route handlers, mirroring Next's own check on server actions
// (next/dist/server/app-render/action-handler.js): the Origin's host must equal the host the request
// was sent to (X-Forwarded-Host when a proxy set it, else Host). Stricter than Next in one way: a
// POST without Origin is refused, because every browser sends Origin on POST fetches and form posts
// (Next only warns, for very old browsers). A page cannot set X-Forwarded-Host on a cross-site
// request without a CORS preflight, which this app never grants, so trusting it is safe here.
export function isSameOriginRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwardedHost || headers.get("host");
  return !!host && originHost === host;
}
