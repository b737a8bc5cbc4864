import { describe, expect, it } from "vitest";
import { ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_DELAY_SECONDS, accountDelaySeconds } from "@/lib/auth/password-throttle";

describe("accountDelaySeconds", () => {
  it("costs nothing for the first few failures, then doubles up to a low cap, never a lock", () => {
    const delays = Array.from({ length: ACCOUNT_FREE_FAILURES + 6 }, (_, failures) => accountDelaySeconds(failures));
    expect(delays).toEqual([0, 0, 0, 0, 0, 10, 20, 40, 60, 60, 60]);
    expect(accountDelaySeconds(10_000)).toBe(ACCOUNT_MAX_DELAY_SECONDS);
  });
});
