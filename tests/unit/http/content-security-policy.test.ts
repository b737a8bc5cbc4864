import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, servedOverHttps } from "@/lib/http/content-security-policy";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce, forbids framing, plugins and foreign form targets", () => {
    const policy = contentSecurityPolicy("abc123", { dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(policy).not.toContain("unsafe-eval");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
  });

  it("lets the dev server evaluate code", () => {
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });
});

describe("servedOverHttps", () => {
  it("is true for an https public URL, or https reported by a trusted proxy only", () => {
    const https = new Headers({ "x-forwarded-proto": "https" });
    expect(servedOverHttps(new Headers(), { NEXTAUTH_URL: "https://recon.example.cn" })).toBe(true);
    expect(servedOverHttps(https, { NEXTAUTH_URL: "http://localhost:3000", TRUST_PROXY: "1" })).toBe(true);
    expect(servedOverHttps(https, { NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(servedOverHttps(new Headers(), { NEXTAUTH_URL: "http://localhost:3000", TRUST_PROXY: "1" })).toBe(false);
  });
});
