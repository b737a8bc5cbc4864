import type { Role } from "@/lib/db/generated/enums";

export const ROLES = ["OWNER", "ADMIN", "ACCOUNTANT", "REVIEWER", "VIEWER"] as const satisfies readonly Role[];
export type { Role };

/**
 * What each role may do. Roles are not a strict ladder: an ACCOUNTANT makes matches, a REVIEWER
 * approves them, and neither administers the organization.
 */
const PERMISSIONS = {
  "org.read": ["OWNER", "ADMIN", "ACCOUNTANT", "REVIEWER", "VIEWER"],
  "stores.manage": ["OWNER", "ADMIN"],
  "accounts.manage": ["OWNER", "ADMIN"],
  "members.manage": ["OWNER", "ADMIN"],
  "audit.read": ["OWNER", "ADMIN"],
  "imports.manage": ["OWNER", "ADMIN", "ACCOUNTANT"],
  "reconcile.run": ["OWNER", "ADMIN", "ACCOUNTANT"],
  /** Confirm / reject proposals, match by hand, unmatch, undo, submit a month. */
  "workspace.match": ["OWNER", "ADMIN", "ACCOUNTANT"],
  /** Approve others' manual matches and write-offs, lock a submitted month (never one's own). */
  "workspace.approve": ["OWNER", "ADMIN", "REVIEWER"],
  "workspace.note": ["OWNER", "ADMIN", "ACCOUNTANT", "REVIEWER"],
  "period.reopen": ["OWNER"],
  "reconcile.rules": ["OWNER", "ADMIN"],
  /** Assign, date, note and close the follow-up of unpaid orders (回款跟进). */
  "receivables.follow": ["OWNER", "ADMIN", "ACCOUNTANT"],
  /** The company's aging buckets and follow-up levels. */
  "receivables.settings": ["OWNER", "ADMIN"],
  /**
   * Save, change, duplicate and delete one's own custom reports (自定义报表); OWNER and ADMIN also
   * change and delete others' shared ones (lib/reports/custom/saved-reports.ts). Everyone runs them.
   */
  "reports.save": ["OWNER", "ADMIN", "ACCOUNTANT", "REVIEWER"],
  /** Assign, start, resolve, ignore and reopen risk alerts (风险预警); everyone reads them. */
  "alerts.handle": ["OWNER", "ADMIN", "ACCOUNTANT", "REVIEWER"],
  /** Turn alert rules on and off and set their thresholds. */
  "alerts.rules": ["OWNER", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Only an OWNER may create, promote to, demote from or remove the OWNER role. */
export function canAssignRole(actor: Role, from: Role | null, to: Role | null): boolean {
  if (!can(actor, "members.manage")) return false;
  if (actor === "OWNER") return true;
  return from !== "OWNER" && to !== "OWNER";
}
