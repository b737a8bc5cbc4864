import { describe, expect, it } from "vitest";
import { describeChanges } from "@/lib/audit/describe-changes";

describe("describeChanges", () => {
  it("lists only changed fields and hides bookkeeping columns", () => {
    const before = { id: "1", orgId: "o", name: "天猫店", feeRateBps: 500, updatedAt: "a" };
    const after = { id: "1", orgId: "o", name: "天猫旗舰店", feeRateBps: 500, updatedAt: "b" };
    expect(describeChanges(before, after)).toEqual([{ field: "name", before: "天猫店", after: "天猫旗舰店" }]);
  });

  it("shows the set fields of a creation (empty ones are noise) and every field of a removal", () => {
    expect(describeChanges(null, { name: "x", archivedAt: null })).toEqual([{ field: "name", before: "", after: "x" }]);
    expect(describeChanges({ email: "a@b.c" }, undefined)).toEqual([{ field: "email", before: "a@b.c", after: "" }]);
  });
});
