import { describe, expect, it } from "vitest";
import { can, canAssignRole, ROLES, type Permission, type Role } from "@/lib/auth/roles";

describe("can", () => {
  const table: [Permission, Role[]][] = [
    ["org.read", ["OWNER", "ADMIN", "ACCOUNTANT", "REVIEWER", "VIEWER"]],
    ["stores.manage", ["OWNER", "ADMIN"]],
    ["accounts.manage", ["OWNER", "ADMIN"]],
    ["members.manage", ["OWNER", "ADMIN"]],
    ["audit.read", ["OWNER", "ADMIN"]],
    ["imports.manage", ["OWNER", "ADMIN", "ACCOUNTANT"]],
    ["reconcile.run", ["OWNER", "ADMIN", "ACCOUNTANT"]],
    ["reconcile.rules", ["OWNER", "ADMIN"]],
    // The workspace: ACCOUNTANT makes, REVIEWER approves, VIEWER only reads.
    ["workspace.match", ["OWNER", "ADMIN", "ACCOUNTANT"]],
    ["workspace.approve", ["OWNER", "ADMIN", "REVIEWER"]],
    ["workspace.note", ["OWNER", "ADMIN", "ACCOUNTANT", "REVIEWER"]],
    ["period.reopen", ["OWNER"]],
  ];
  it.each(table)("%s is granted to exactly %j", (permission, allowed) => {
    for (const role of ROLES) expect(can(role, permission), `${role} ${permission}`).toBe(allowed.includes(role));
  });
});

describe("canAssignRole", () => {
  it.each([
    ["OWNER", null, "OWNER", true],
    ["OWNER", "OWNER", "ADMIN", true],
    ["ADMIN", null, "ACCOUNTANT", true],
    ["ADMIN", "VIEWER", "ADMIN", true],
    ["ADMIN", null, "OWNER", false],
    ["ADMIN", "OWNER", "VIEWER", false],
    ["ADMIN", "OWNER", null, false],
    ["ACCOUNTANT", null, "VIEWER", false],
    ["REVIEWER", "VIEWER", null, false],
  ] as const)("%s changing %s → %s: %s", (actor, from, to, expected) => {
    expect(canAssignRole(actor, from, to)).toBe(expected);
  });
});
