// The matching-rules settings: every save is a new version with its audit row, a bad form changes
// nothing, one organization's rules are invisible to another, and the next run records the version.
import { afterAll, describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN.json";
import { translateIssues } from "@/lib/actions/translate-issues";
import { closePgPool } from "@/lib/db/pg-pool";
import { defaultRules } from "@/lib/match-engine";
import { formValuesToPatch, rulesFormSchema, rulesToFormValues } from "@/lib/match-rules/rules-form";
import { getRuleSetView, restoreDefaultRules, saveRules } from "@/lib/match-rules/rules-service";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { db, makeOrg } from "./fixtures";

afterAll(() => closePgPool());

/** The Chinese messages, as the action door would show them. */
function t(key: string, values: Record<string, string | number> = {}): string {
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], zh);
  if (typeof text !== "string") throw new Error(`missing message ${key}`);
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) => String(values[name]));
}

function patchOf(form: Record<string, string>) {
  const parsed = formValuesToPatch(form);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.patch;
}

describe("matching rules settings", () => {
  it("saves a new version with its audit row; the next run records that version", async () => {
    const org = await makeOrg();
    const initial = await getRuleSetView(db, org.orgId);
    expect(initial).toMatchObject({ version: 0, rulesVersion: "default-1", updatedAt: null, updatedBy: null });

    const form: Record<string, string> = { ...rulesToFormValues(initial.rules), dateWindowDays: "5", toleranceMinor: "2.50", tolerancePercentBps: "0.25" };
    delete form["autoConfirm.types.PROMOTION"];
    expect(await saveRules(db, org, patchOf(form), 0)).toEqual({ outcome: "saved", version: 1 });

    const saved = await getRuleSetView(db, org.orgId);
    expect(saved).toMatchObject({ version: 1, rulesVersion: "org-v1", updatedBy: { email: org.userEmail } });
    expect(saved.rules).toMatchObject({ dateWindowDays: 5, toleranceMinor: 250n, tolerancePercentBps: 25 });
    expect(saved.rules.autoConfirm.types).not.toContain("PROMOTION");
    // What the form does not show is kept.
    expect(saved.rules.walletKeywords).toEqual(defaultRules().walletKeywords);

    const audit = await db.auditLog.findMany({ where: { orgId: org.orgId, entityType: "ReconcileRuleSet" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "reconcileRules.update", entityId: org.orgId, actorUserId: org.userId });
    expect(audit[0]!.before).toMatchObject({ version: "default-1", dateWindowDays: 3, toleranceMinor: "100" });
    expect(audit[0]!.after).toMatchObject({ version: "org-v1", dateWindowDays: 5, toleranceMinor: "250" });

    const second = await saveRules(db, org, patchOf({ ...form, bookingLagDays: "2" }), 1);
    expect(second).toEqual({ outcome: "saved", version: 2 });

    const run = await runReconciliation(db, org);
    const recorded = await db.reconciliationRun.findUniqueOrThrow({ where: { orgId_id: { orgId: org.orgId, id: run.runId } } });
    expect(recorded.rulesVersion).toBe("org-v2");
    expect(recorded.rules).toMatchObject({ version: "org-v2", dateWindowDays: 5, bookingLagDays: 2, toleranceMinor: "250" });
  });

  it("refuses a save made from an older version, and writes nothing", async () => {
    const org = await makeOrg();
    const form = rulesToFormValues(defaultRules());
    await saveRules(db, org, patchOf({ ...form, dateWindowDays: "4" }), 0);
    expect(await saveRules(db, org, patchOf({ ...form, dateWindowDays: "9" }), 0)).toEqual({ outcome: "stale", version: 1 });
    expect((await getOrgRules(db, org.orgId)).dateWindowDays).toBe(4);
    expect(await db.auditLog.count({ where: { orgId: org.orgId, entityType: "ReconcileRuleSet" } })).toBe(1);
  });

  it("reports invalid fields in the user's language and keeps the stored rules", async () => {
    const org = await makeOrg();
    const form = rulesToFormValues(defaultRules());
    await saveRules(db, org, patchOf({ ...form, dateWindowDays: "7" }), 0);

    const bad = rulesFormSchema.safeParse({
      ...form,
      version: "1",
      dateWindowDays: "61",
      bookingLagDays: "zwei",
      toleranceMinor: "0.005",
      "autoConfirm.maxPromotionBps": "120",
      "subsetSum.maxCandidates": "0",
    });
    expect(bad.success).toBe(false);
    const errors = translateIssues(bad.error!, t);
    // Type errors come first, per field; range errors once the types are right.
    expect(errors).toEqual({
      bookingLagDays: "请输入整数。",
      toleranceMinor: "请输入不小于 0 的金额（元），最多两位小数，例如 0.05。",
      "autoConfirm.maxPromotionBps": zh.validation.percent,
    });
    const ranges = rulesFormSchema.safeParse({ ...form, dateWindowDays: "61", "subsetSum.maxCandidates": "0" });
    expect(translateIssues(ranges.error!, t)).toEqual({ dateWindowDays: "不能大于 60。", "subsetSum.maxCandidates": "不能小于 1。" });
    const noPasses = rulesFormSchema.safeParse({ ...form, passes: "EXACT_KEYS,SUGGESTIONS" });
    expect(translateIssues(noPasses.error!, t)).toEqual({ passes: "第 1–3 步必须保留。" });

    // Nothing reached the database.
    const view = await getRuleSetView(db, org.orgId);
    expect(view.version).toBe(1);
    expect(view.rules.dateWindowDays).toBe(7);
  });

  it("turns pass 4 off, reorders the passes, and restores the defaults as a new version", async () => {
    const org = await makeOrg();
    const form = rulesToFormValues(defaultRules());
    await saveRules(db, org, patchOf({ ...form, passes: "MANY_TO_ONE,EXACT_KEYS,AMOUNT_DATE", "platformPayers.JD": " 京东A \n\n京东B\n" }), 0);
    const saved = await getOrgRules(db, org.orgId);
    expect(saved.passes).toEqual(["MANY_TO_ONE", "EXACT_KEYS", "AMOUNT_DATE"]);
    expect(saved.platformPayers.JD).toEqual(["京东A", "京东B"]);

    expect(await restoreDefaultRules(db, org, 1)).toEqual({ outcome: "saved", version: 2 });
    const restored = await getOrgRules(db, org.orgId);
    expect({ ...restored, version: "x" }).toEqual({ ...defaultRules(), version: "x" });
    expect(restored.version).toBe("org-v2");
    const actions = await db.auditLog.findMany({ where: { orgId: org.orgId, entityType: "ReconcileRuleSet" }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["reconcileRules.update", "reconcileRules.reset"]);
  });

  it("keeps each organization's rules to itself", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    const form = rulesToFormValues(defaultRules());
    await saveRules(db, a, patchOf({ ...form, dateWindowDays: "11" }), 0);

    // B reads its own (default) rules, not A's.
    expect(await getRuleSetView(db, b.orgId)).toMatchObject({ version: 0, rulesVersion: "default-1" });
    expect((await getOrgRules(db, b.orgId)).dateWindowDays).toBe(3);

    // B's save is B's version 1; A's rules and audit are untouched.
    await saveRules(db, b, patchOf({ ...form, dateWindowDays: "2" }), 0);
    expect((await getOrgRules(db, a.orgId)).dateWindowDays).toBe(11);
    expect((await getOrgRules(db, b.orgId)).dateWindowDays).toBe(2);
    expect(await db.auditLog.count({ where: { orgId: a.orgId, entityType: "ReconcileRuleSet" } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId: b.orgId, entityType: "ReconcileRuleSet" } })).toBe(1);
    // The rule set is keyed by the actor's organization only: nothing in the input names another.
    const otherRow = await db.reconcileRuleSet.findUniqueOrThrow({ where: { orgId: a.orgId } });
    expect(otherRow.updatedById).toBe(a.userId);
  });
});
