// The organization's matching rules as the settings page reads and writes them. Every save is a
// new version (runs record "org-v<version>", see rules-store.ts) with its audit row in
// the same transaction. A save names the version it was edited from; if someone saved in between,
// nothing is written and the caller is told (no silent overwrite of a colleague's change).
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Actor } from "@/lib/auth/load-org-context";
import { isUniqueViolation } from "@/lib/errors";
import { DEFAULT_RULES_VERSION, defaultRules, parseRules, type ReconcileRules } from "@/lib/match-engine";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { toJsonValue } from "@/lib/shared/json-safe";
import { applyRulesPatch, type RulesFormPatch } from "./rules-form";

export type RuleSetView = {
  rules: ReconcileRules;
  /** 0 while the organization uses the built-in defaults (never saved). */
  version: number;
  /** What a run started now records as its rules version. */
  rulesVersion: string;
  updatedAt: Date | null;
  updatedBy: { name: string; email: string } | null;
};

export type SaveRulesResult = { outcome: "saved" | "stale"; version: number };

export function orgRulesVersion(version: number): string {
  return version === 0 ? DEFAULT_RULES_VERSION : `org-v${version}`;
}

export async function getRuleSetView(db: Tx, orgId: string): Promise<RuleSetView> {
  const [row, rules] = await Promise.all([db.reconcileRuleSet.findUnique({ where: { orgId } }), getOrgRules(db, orgId)]);
  const updatedBy = row?.updatedById
    ? await db.user.findUnique({ where: { id: row.updatedById }, select: { name: true, email: true } })
    : null;
  return { rules, version: row?.version ?? 0, rulesVersion: rules.version, updatedAt: row?.updatedAt ?? null, updatedBy };
}

function stored(rules: ReconcileRules): object {
  const { version: _version, ...rest } = rules;
  return rest;
}

async function writeRules(
  db: DbOrTx,
  actor: Actor,
  expectedVersion: number | null,
  next: (current: ReconcileRules) => ReconcileRules,
  action: "reconcileRules.update" | "reconcileRules.reset",
): Promise<SaveRulesResult> {
  try {
    return await atomically(db, async (tx) => {
      const row = await tx.reconcileRuleSet.findUnique({ where: { orgId: actor.orgId } });
      const currentVersion = row?.version ?? 0;
      if (expectedVersion !== null && expectedVersion !== currentVersion) return { outcome: "stale", version: currentVersion };
      const current = await getOrgRules(tx, actor.orgId);
      const rules = stored(parseRules(next(current)));
      const data = { rules: toJsonValue(rules), updatedById: actor.userId };
      let version: number;
      if (row) {
        // Conditional on the version read above: a concurrent save makes this update nothing.
        const updated = await tx.reconcileRuleSet.updateMany({
          where: { orgId: actor.orgId, version: currentVersion },
          data: { ...data, version: { increment: 1 } },
        });
        if (updated.count === 0) return { outcome: "stale", version: currentVersion };
        version = currentVersion + 1;
      } else {
        version = (await tx.reconcileRuleSet.create({ data: { orgId: actor.orgId, version: 1, ...data } })).version;
      }
      await writeAuditLog(tx, actorOf(actor), {
        action,
        entityType: "ReconcileRuleSet",
        entityId: actor.orgId,
        before: { version: orgRulesVersion(currentVersion), ...stored(current) },
        after: { version: orgRulesVersion(version), ...rules },
      });
      return { outcome: "saved", version };
    });
  } catch (error) {
    // Two first saves at once: the primary key on orgId lets one through.
    if (isUniqueViolation(error)) return { outcome: "stale", version: (await getRuleSetView(db, actor.orgId)).version };
    throw error;
  }
}

/** Saves what the settings form edits; the fields it does not show keep their stored values. */
export function saveRules(db: DbOrTx, actor: Actor, patch: RulesFormPatch, expectedVersion: number | null): Promise<SaveRulesResult> {
  return writeRules(db, actor, expectedVersion, (current) => applyRulesPatch(current, patch), "reconcileRules.update");
}

/** The built-in defaults, saved as a new version (so runs still show that the rules changed). */
export function restoreDefaultRules(db: DbOrTx, actor: Actor, expectedVersion: number | null): Promise<SaveRulesResult> {
  return writeRules(db, actor, expectedVersion, () => defaultRules(), "reconcileRules.reset");
}
