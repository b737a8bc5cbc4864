// The generator spells the alert types itself (it imports no Prisma): the two lists must stay one.
import { describe, expect, it } from "vitest";
import { ALERT_TYPES } from "@/lib/alerts/alert-types";
import { ANOMALY_TYPES } from "@/lib/generate";

describe("planted anomaly types", () => {
  it("are the alert types, in the same order", () => {
    expect([...ANOMALY_TYPES]).toEqual([...ALERT_TYPES]);
  });
});
