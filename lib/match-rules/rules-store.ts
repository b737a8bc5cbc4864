import type { Tx } from "@/lib/db/client";
import { defaultRules, parseRules, type ReconcileRules } from "@/lib/match-engine";

/** The organization's rules, or the defaults until someone edits them. */
export async function getOrgRules(db: Tx, orgId: string): Promise<ReconcileRules> {
  const stored = await db.reconcileRuleSet.findUnique({ where: { orgId } });
  return stored ? parseRules({ ...(stored.rules as object), version: `org-v${stored.version}` }) : defaultRules();
}
