// Who is asking, for the per-client throttles. The app trusts exactly one source: the private
// header that the app's own server (scripts/serve.ts) sets on every request from the TCP peer
// address, or from X-Forwarded-For only when TRUST_PROXY says a proxy is in front (see
// lib/server/client-address.ts). Forwarded headers sent by the client itself are never read here.
export const CLIENT_IP_HEADER = "x-recon-client-ip";
/** `npm run dev` (plain `next dev`) has no such server: then only the per-account limits apply. */
export const UNKNOWN_CLIENT_IP = "unknown";

type HeaderSource = Headers | Record<string, unknown> | undefined;

export function clientIpFromHeaders(headers: HeaderSource): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers?.[CLIENT_IP_HEADER];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : UNKNOWN_CLIENT_IP;
}
