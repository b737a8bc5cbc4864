import { describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { createFundAccount, updateFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { createStore, setStoreArchived, updateStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, db, makeOrg, STORE_INPUT } from "./fixtures";

describe("audit log", () => {
  it("records who changed what, with before and after, for every change", async () => {
    const org = await makeOrg();
    const store = await createStore(db, org, STORE_INPUT);
    await updateStore(db, org, store.id, { ...STORE_INPUT, feeRatePercent: 450 });
    await setStoreArchived(db, org, store.id, true);

    const { entries } = await listAuditLog(db, org.orgId, { page: 1, action: "store." });
    expect(entries.map((e) => e.action)).toEqual(["store.archive", "store.update", "store.create"]);
    const update = entries[1]!;
    expect(update).toMatchObject({ actorUserId: org.userId, actorEmail: org.userEmail, entityType: "Store", entityId: store.id });
    expect(update.before).toMatchObject({ feeRateBps: 500 });
    expect(update.after).toMatchObject({ feeRateBps: 450 });
  });

  it("writes nothing when the change fails (same transaction)", async () => {
    const org = await makeOrg();
    await createStore(db, org, STORE_INPUT);
    const before = await db.auditLog.count({ where: { orgId: org.orgId } });
    await expect(createStore(db, org, STORE_INPUT)).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
    expect(await db.auditLog.count({ where: { orgId: org.orgId } })).toBe(before);
    expect(await db.store.count({ where: { orgId: org.orgId } })).toBe(1);
  });

  it("keeps account numbers masked in the log", async () => {
    const org = await makeOrg();
    const account = await createFundAccount(db, org, ACCOUNT_INPUT);
    await updateFundAccount(db, org, account.id, { ...ACCOUNT_INPUT, accountNumber: "6222021001098765432" });
    const rows = await db.auditLog.findMany({ where: { orgId: org.orgId, entityType: "FundAccount" } });
    const text = JSON.stringify(rows.map((r) => [r.before, r.after]));
    expect(text).not.toContain("6214830012345678");
    expect(text).not.toContain("6222021001098765432");
    expect(text).toContain("5432");
  });

  it("is append-only: the database refuses updates and deletes", async () => {
    const org = await makeOrg();
    await expect(db.auditLog.updateMany({ where: { orgId: org.orgId }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({ where: { orgId: org.orgId } })).rejects.toThrow(/append-only/);
  });

  it("filters by actor and date, and pages newest first", async () => {
    const org = await makeOrg();
    for (let i = 0; i < 55; i++) await createStore(db, org, { ...STORE_INPUT, name: `店铺 ${i}` });
    const page1 = await listAuditLog(db, org.orgId, { page: 1, action: "store.create" });
    const page2 = await listAuditLog(db, org.orgId, { page: 2, action: "store.create" });
    expect(page1.total).toBe(55);
    expect(page1.entries).toHaveLength(50);
    expect(page2.entries).toHaveLength(5);
    expect((page1.entries[0]!.after as { name: string }).name).toBe("店铺 54");
    expect((await listAuditLog(db, org.orgId, { page: 1, actor: "nobody@" })).total).toBe(0);
    expect((await listAuditLog(db, org.orgId, { page: 1, to: "2000-01-01" })).total).toBe(0);
  });
});
