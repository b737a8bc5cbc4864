import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/components/auth/sign-in-error";

const t = (key: string, values?: Record<string, number>) => (values ? `${key}:${JSON.stringify(values)}` : key);

describe("signInErrorMessage", () => {
  it.each([
    ["INVALID_CREDENTIALS", "invalidCredentials"],
    ["CredentialsSignin", "invalidCredentials"],
    ["RATE_LIMITED:40", 'rateLimitedSeconds:{"seconds":40}'],
    ["RATE_LIMITED:601", 'rateLimited:{"minutes":11}'],
    ["Configuration", "signInFailed"],
    ["", "signInFailed"],
  ])("%s → %s", (error, expected) => {
    expect(signInErrorMessage(error, t)).toBe(expected);
  });
});
