import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/http/same-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("isSameOriginRequest", () => {
  it("accepts an Origin whose host is the Host the request came to", () => {
    expect(isSameOriginRequest(headers({ host: "recon.example.cn", origin: "https://recon.example.cn" }))).toBe(true);
    expect(isSameOriginRequest(headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
  });

  it("compares with X-Forwarded-Host when a proxy set it, as Next does for server actions", () => {
    const h = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "recon.example.cn, inner", origin: "https://recon.example.cn" });
    expect(isSameOriginRequest(h)).toBe(true);
  });

  it("refuses another site, another port, a missing, opaque or malformed Origin", () => {
    expect(isSameOriginRequest(headers({ host: "recon.example.cn", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "localhost:3000", origin: "http://localhost:4000" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "recon.example.cn" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "recon.example.cn", origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "recon.example.cn", origin: "not a url" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "https://recon.example.cn" }))).toBe(false);
  });
});
