// The client address the app's own server stamps on every request (see lib/auth/client-ip.ts).
// X-Forwarded-For is a list any client can write; each proxy appends the address it received the
// request from. So the only entries worth trusting are the last `trustedHops` ones, appended by the
// proxies we run: the client is the entry `trustedHops` places from the right. With no trusted
// proxy (the default) the client is the TCP peer, whatever the headers say.
import type { IncomingMessage } from "node:http";
import { CLIENT_IP_HEADER, UNKNOWN_CLIENT_IP } from "@/lib/auth/client-ip";

/**
 * TRUST_PROXY: unset, "", "0" or "false" → no proxy is trusted; a whole number N → N proxies in
 * front (their entries in X-Forwarded-For are taken from the right); "true" → 1.
 */
export function parseTrustProxy(value: string | undefined): number {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return 0;
  if (text === "true") return 1;
  const hops = Number(text);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUST_PROXY must be a number of proxy hops (0–10), "true" or "false"; got "${value}".`);
  }
  return hops;
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
function normalizeAddress(address: string | undefined): string | undefined {
  const trimmed = address?.trim();
  if (!trimmed) return undefined;
  return trimmed.toLowerCase().startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

export function resolveClientAddress(input: {
  peerAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
}): string {
  const peer = normalizeAddress(input.peerAddress);
  if (input.trustedHops === 0) return peer ?? UNKNOWN_CLIENT_IP;
  const forwarded = (Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The peer is the nearest proxy; the header must hold at least `trustedHops` entries for the one
  // we want to have been written by a proxy of ours. With fewer, the request did not come through
  // all of them: the leftmost entry there is (or the peer) is as far as the chain can be trusted.
  const fromRight = forwarded[forwarded.length - input.trustedHops] ?? forwarded[0];
  return normalizeAddress(fromRight) ?? peer ?? UNKNOWN_CLIENT_IP;
}

/** Overwrites the private header on an incoming request; whatever the client sent under that name is dropped. */
export function stampClientAddress(request: IncomingMessage, trustedHops: number): string {
  const address = resolveClientAddress({
    peerAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedHops,
  });
  request.headers[CLIENT_IP_HEADER] = address;
  return address;
}
