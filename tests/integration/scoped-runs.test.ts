// Issue 14: a run scoped from the page to a month, a store or a fund account replaces only the
// open proposals inside its scope — someone's pending proposals elsewhere stay exactly as they were
// — writes new groups only inside it, and records the scope it ran on. The scope is checked against
// the company: another company's store is "not found", a month must be YYYY-MM.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { isAppError } from "@/lib/errors";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { runResults, runScope } from "@/lib/match-runs/run-record";
import { resolveRunScope, runScopeInputSchema } from "@/lib/match-runs/run-scope";
import { createStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, STORE_INPUT, db, makeOrg } from "./fixtures";

type Org = { owner: OrgContext; storeA: string; storeB: string; bankId: string };
const batchId = randomUUID();

async function makeTwoStoreOrg(): Promise<Org> {
  const owner = await makeOrg("范围对账测试");
  const storeA = await createStore(db, owner, { ...STORE_INPUT, name: "天猫旗舰店" });
  const storeB = await createStore(db, owner, { ...STORE_INPUT, name: "京东自营店", platform: "JD" });
  const bank = await createFundAccount(db, owner, ACCOUNT_INPUT);
  return { owner, storeA: storeA.id, storeB: storeB.id, bankId: bank.id };
}

async function order(org: Org, storeId: string, orderNo: string, paidAt: string) {
  const row = await db.order.create({
    data: { orgId: org.owner.orgId, storeId, batchId, sourceRow: 2, orderNo, paidAmountMinor: 5_000n, currency: "CNY", paidAt: new Date(paidAt), naturalKey: `${orderNo}-${randomUUID()}` },
  });
  return { side: "order" as const, id: row.id.toString() };
}

async function receipt(org: Org, occurredOn: string) {
  const row = await db.bankTransaction.create({
    data: { orgId: org.owner.orgId, fundAccountId: org.bankId, batchId, sourceRow: 5, occurredOn: new Date(`${occurredOn}T00:00:00Z`), amountMinor: 5_000n, currency: "CNY", memo: "货款", counterparty: "浙江天猫技术有限公司", naturalKey: randomUUID() },
  });
  return { side: "bank" as const, id: row.id.toString() };
}

/** An open proposal as an earlier run (or a person's pending review) left it. */
function proposal(org: Org, key: string, rows: { side: "order" | "bank"; id: string }[]) {
  return db.matchGroup.create({
    data: {
      orgId: org.owner.orgId, key, kind: "AUTO", status: "PROPOSED", pass: 3, rule: "amount-date", link: "ORDER_BANK", confidence: 70,
      items: { create: rows.map((row) => ({ side: row.side === "order" ? "ORDER" : "BANK", rowId: BigInt(row.id), slot: row.side === "order" ? "DOWN" : "UP", amountMinor: row.side === "order" ? -5_000n : 5_000n })) },
    },
  });
}

const stillThere = async (org: Org, id: string) => (await db.matchGroup.findFirst({ where: { orgId: org.owner.orgId, id } }))?.status;

describe("a run scoped to a store", () => {
  it("replaces the store's open proposals and leaves another store's untouched", async () => {
    const org = await makeTwoStoreOrg();
    const ofA = await proposal(org, "a", [await order(org, org.storeA, "A-1", "2025-10-02T08:00:00Z"), await receipt(org, "2025-10-04")]);
    const ofB = await proposal(org, "b", [await order(org, org.storeB, "B-1", "2025-10-03T08:00:00Z"), await receipt(org, "2025-10-05")]);
    // A row of store B nobody proposed yet: a store-A run must not write anything for it.
    await order(org, org.storeB, "B-2", "2025-10-06T08:00:00Z");
    await receipt(org, "2025-10-08");

    const summary = await runReconciliation(db, org.owner, { storeId: org.storeA });
    expect(await stillThere(org, ofA.id)).toBeUndefined();
    expect(await stillThere(org, ofB.id)).toBe("PROPOSED");
    expect(summary.keptOutsideScope).toBe(1);
    // Every group the run wrote touches store A.
    const written = await db.matchGroup.findMany({ where: { orgId: org.owner.orgId, runId: summary.runId }, include: { items: true } });
    const storeOf = new Map((await db.order.findMany({ where: { orgId: org.owner.orgId }, select: { id: true, storeId: true } })).map((row) => [row.id, row.storeId]));
    for (const group of written) expect(group.items.some((item) => item.side === "ORDER" && storeOf.get(item.rowId) === org.storeA)).toBe(true);
    // No row is in two open proposals.
    const items = await db.matchItem.findMany({ where: { orgId: org.owner.orgId, group: { status: "PROPOSED" } } });
    const keys = items.map((item) => `${item.side}:${item.rowId}:${item.slot}`);
    expect(new Set(keys).size).toBe(keys.length);

    const run = await db.reconciliationRun.findFirstOrThrow({ where: { orgId: org.owner.orgId, id: summary.runId } });
    expect(runScope(run)).toEqual({ storeId: org.storeA });
    expect(runResults(run)).toMatchObject({ keptOutsideScope: 1 });
  });
});

describe("a run scoped to a month", () => {
  it("replaces that month's open proposals and leaves other months' untouched", async () => {
    const org = await makeTwoStoreOrg();
    const september = await proposal(org, "sep", [await order(org, org.storeA, "S-1", "2025-09-02T08:00:00Z"), await receipt(org, "2025-09-04")]);
    const october = await proposal(org, "oct", [await order(org, org.storeA, "O-1", "2025-10-02T08:00:00Z"), await receipt(org, "2025-10-04")]);

    const summary = await runReconciliation(db, org.owner, { month: "2025-10" });
    expect(await stillThere(org, september.id)).toBe("PROPOSED");
    expect(await stillThere(org, october.id)).toBeUndefined();
    expect(summary).toMatchObject({ keptOutsideScope: 1 });
    const run = await db.reconciliationRun.findFirstOrThrow({ where: { orgId: org.owner.orgId, id: summary.runId } });
    expect(runScope(run)).toEqual({ month: "2025-10" });
  });

  it("without a scope still replaces every open proposal", async () => {
    const org = await makeTwoStoreOrg();
    const september = await proposal(org, "sep", [await order(org, org.storeA, "S-1", "2025-09-02T08:00:00Z"), await receipt(org, "2025-09-04")]);
    const summary = await runReconciliation(db, org.owner);
    expect(await stillThere(org, september.id)).toBeUndefined();
    expect(summary.keptOutsideScope).toBe(0);
  });
});

describe("the scope a person asks for", () => {
  const codeOf = async (work: Promise<unknown>) => work.then(() => "ok", (error: unknown) => (isAppError(error) ? error.code : String(error)));

  it("is refused with another company's store or account, and accepted with the company's own", async () => {
    const org = await makeTwoStoreOrg();
    const other = await makeTwoStoreOrg();
    expect(await codeOf(resolveRunScope(db, org.owner.orgId, { storeId: other.storeA }))).toBe("NOT_FOUND");
    expect(await codeOf(resolveRunScope(db, org.owner.orgId, { accountId: other.bankId }))).toBe("NOT_FOUND");
    expect(await resolveRunScope(db, org.owner.orgId, { storeId: org.storeB, month: "2025-10" })).toEqual({ storeId: org.storeB, month: "2025-10" });
  });

  it("is refused for a locked month alone, which it could not change", async () => {
    const org = await makeTwoStoreOrg();
    await db.period.create({ data: { orgId: org.owner.orgId, month: "2025-09", status: "LOCKED", lockedAt: new Date() } });
    expect(await codeOf(resolveRunScope(db, org.owner.orgId, { month: "2025-09" }))).toBe("LOCKED");
    expect(await codeOf(resolveRunScope(db, org.owner.orgId, { month: "2025-10" }))).toBe("ok");
  });

  it("needs a month written YYYY-MM", () => {
    for (const month of ["2025-13", "2025-1", "九月", "2025-10-01"]) expect(runScopeInputSchema.safeParse({ month }).success, month).toBe(false);
    expect(runScopeInputSchema.parse({ month: "", storeId: "", accountId: "" })).toEqual({});
    expect(runScopeInputSchema.parse({ month: "2025-10" })).toEqual({ month: "2025-10" });
  });
});
