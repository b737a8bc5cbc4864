// Issue 12, item 3: the per-client throttle keyed on the first X-Forwarded-For value, which any
// client writes; rotating it escaped the limit. Now the key comes from the TCP peer unless
// TRUST_PROXY says how many proxies of ours append to that header.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIpFromHeaders, UNKNOWN_CLIENT_IP } from "@/lib/auth/client-ip";
import { parseTrustProxy, resolveClientAddress, stampClientAddress } from "@/lib/server/client-address";

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For without TRUST_PROXY: rotating it does not change the client", () => {
    const keys = ["1.1.1.1", "2.2.2.2, 9.9.9.9", "3.3.3.3"].map((forwardedFor) =>
      resolveClientAddress({ peerAddress: "203.0.113.9", forwardedFor, trustedHops: 0 }),
    );
    expect(new Set(keys)).toEqual(new Set(["203.0.113.9"]));
  });

  it("takes the entry TRUST_PROXY hops from the right, which the client cannot write", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.7"; // the client wrote 6.6.6.6; our proxy appended the rest
    expect(resolveClientAddress({ peerAddress: "10.0.0.2", forwardedFor, trustedHops: 1 })).toBe("198.51.100.7");
    expect(resolveClientAddress({ peerAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7, 10.0.0.5", trustedHops: 2 })).toBe(
      "198.51.100.7",
    );
    expect(resolveClientAddress({ peerAddress: "10.0.0.2", forwardedFor: ["6.6.6.6", "198.51.100.7"], trustedHops: 1 })).toBe(
      "198.51.100.7",
    );
  });

  it("falls back to the peer when a trusted proxy sent no header, and unifies IPv4-mapped addresses", () => {
    expect(resolveClientAddress({ peerAddress: "::ffff:127.0.0.1", forwardedFor: undefined, trustedHops: 1 })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peerAddress: undefined, forwardedFor: undefined, trustedHops: 0 })).toBe(UNKNOWN_CLIENT_IP);
  });
});

describe("parseTrustProxy", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["false", 0],
    ["0", 0],
    ["true", 1],
    ["2", 2],
  ] as const)("%s → %d hops", (value, hops) => {
    expect(parseTrustProxy(value)).toBe(hops);
  });

  it("refuses anything else rather than guessing", () => {
    expect(() => parseTrustProxy("yes")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("-1")).toThrow(/TRUST_PROXY/);
  });
});

describe("stampClientAddress", () => {
  it("overwrites the private header, whatever the client sent in it", () => {
    const request = {
      socket: { remoteAddress: "203.0.113.9" },
      headers: { [CLIENT_IP_HEADER]: "1.2.3.4", "x-forwarded-for": "5.6.7.8" },
    } as unknown as IncomingMessage;
    stampClientAddress(request, 0);
    expect(clientIpFromHeaders(request.headers)).toBe("203.0.113.9");
  });

  it("reads the header from a Fetch Headers object too, and says unknown when it is missing", () => {
    expect(clientIpFromHeaders(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe(UNKNOWN_CLIENT_IP);
  });
});
