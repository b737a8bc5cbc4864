import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAuditActors, listAuditLog } from "@/lib/audit/list-audit-log";
import { loadAuditLookups } from "@/lib/audit/load-audit-lookups";
import { createFundAccount, updateFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { createManualMatch } from "@/lib/match-review/manual-match";
import { reverseMatches } from "@/lib/match-review/reverse-match";
import { createOrganization } from "@/lib/orgs/create-organization";
import { createStore, setStoreArchived, updateStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, addUser, db, makeOrg, STORE_INPUT } from "./fixtures";

const page = (extra: Partial<Parameters<typeof listAuditLog>[2]> = {}) => ({ page: 1, ...extra });

describe("audit log", () => {
  it("records who changed what, with before and after, for every change", async () => {
    const org = await makeOrg();
    const store = await createStore(db, org, STORE_INPUT);
    await updateStore(db, org, store.id, { ...STORE_INPUT, feeRatePercent: 450 });
    await setStoreArchived(db, org, store.id, true);

    const { entries } = await listAuditLog(db, org.orgId, page({ action: "store." }));
    expect(entries.map((e) => e.action)).toEqual(["store.archive", "store.update", "store.create"]);
    const update = entries[1]!;
    expect(update).toMatchObject({ actorUserId: org.userId, actorEmail: org.userEmail, entityType: "Store", entityId: store.id, target: STORE_INPUT.name });
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

  it("pages newest first on the server, and a page past the end shows the last one", async () => {
    const org = await makeOrg();
    for (let i = 0; i < 55; i++) await createStore(db, org, { ...STORE_INPUT, name: `店铺 ${i}` });
    const page1 = await listAuditLog(db, org.orgId, page({ action: "store.create" }));
    const page2 = await listAuditLog(db, org.orgId, page({ page: 2, action: "store.create" }));
    expect(page1).toMatchObject({ total: 55, pages: 2, page: 1, pageSize: 50 });
    expect(page1.entries).toHaveLength(50);
    expect(page2.entries).toHaveLength(5);
    expect((page1.entries[0]!.after as { name: string }).name).toBe("店铺 54");
    expect(new Set([...page1.entries, ...page2.entries].map((e) => e.id)).size).toBe(55);
    const past = await listAuditLog(db, org.orgId, page({ page: 99, action: "store.create", pageSize: 100 }));
    expect(past).toMatchObject({ page: 1, pages: 1 });
    expect(past.entries).toHaveLength(55);
  });

  it("filters by person, by kind or area, by what an entry is about, and by the company's days", async () => {
    const org = await makeOrg();
    const colleague = await addUser(org, "ADMIN");
    const tmall = await createStore(db, org, STORE_INPUT);
    await createStore(db, colleague, { ...STORE_INPUT, name: "京东自营" });
    await updateStore(db, colleague, tmall.id, { ...STORE_INPUT, name: "天猫超市" });
    await createFundAccount(db, org, ACCOUNT_INPUT);

    const actions = async (filter: Partial<Parameters<typeof listAuditLog>[2]>) => (await listAuditLog(db, org.orgId, page(filter))).entries.map((e) => e.action);
    expect(await actions({ actor: colleague.userId })).toEqual(["store.update", "store.create"]);
    expect(await actions({ action: "store.update" })).toEqual(["store.update"]);
    expect(await actions({ action: "account." })).toEqual(["account.create"]);
    // A rename is found by either name; the target is matched case-insensitively, or by exact id.
    expect(await actions({ target: "天猫旗舰" })).toEqual(["store.update", "store.create"]);
    expect(await actions({ target: "天猫超市" })).toEqual(["store.update"]);
    expect(await actions({ target: "招商" })).toEqual(["account.create"]);
    expect(await actions({ target: "测试公司" })).toEqual(["org.create"]);
    expect(await actions({ target: tmall.id })).toEqual(["store.update", "store.create"]);
    expect(await actions({ actor: colleague.userId, target: "京东" })).toEqual(["store.create"]);

    // Days are the company's (Asia/Shanghai): an entry at 2025-11-30 23:30 local is on the 30th.
    const lateNight = await db.auditLog.create({
      data: { orgId: org.orgId, action: "period.lock", entityType: "Period", entityId: "2025-11", createdAt: new Date("2025-11-30T15:30:00Z") },
    });
    expect(await actions({ from: "2025-11-30", to: "2025-11-30" })).toEqual(["period.lock"]);
    expect(await actions({ from: "2025-12-01", to: "2025-12-01" })).toEqual([]);
    expect(await actions({ to: "2025-11-29" })).toEqual([]);
    expect(await actions({ target: "2025-11" })).toEqual(["period.lock"]);
    expect(await actions({ actor: "system" })).toEqual(["period.lock"]);
    expect(lateNight.target).toBe("2025-11");

    const people = await listAuditActors(db, org.orgId);
    expect(people.people.map((p) => p.name).sort()).toEqual(["ADMIN", "Owner"]);
    expect(people.hasSystem).toBe(true);
  });

  it("shows one organization only: another's entries never appear, whatever the filter", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    await createStore(db, a, STORE_INPUT);
    await createStore(db, b, { ...STORE_INPUT, name: "乙的店" });
    const automation = await createOrganization(db, { name: "自动化", slug: `auto-${randomUUID().slice(0, 8)}` });

    for (const filter of [{}, { action: "store." }, { target: "天猫" }, { actor: a.userId }, { actor: "system" }]) {
      const seen = await listAuditLog(db, b.orgId, page(filter));
      expect(seen.entries.every((entry) => entry.orgId === b.orgId), JSON.stringify(filter)).toBe(true);
    }
    expect((await listAuditLog(db, b.orgId, page({ target: "天猫" }))).total).toBe(0);
    expect((await listAuditLog(db, b.orgId, page({ actor: a.userId }))).total).toBe(0);
    expect((await listAuditActors(db, b.orgId)).people.map((p) => p.email)).toEqual([b.userEmail]);
    expect((await listAuditLog(db, automation.id, page({ actor: "system" }))).entries.map((e) => e.action)).toEqual(["org.create"]);
  });

  it("finds the money of the match groups an entry names, in the organization only", async () => {
    const org = await makeOrg();
    const accountant = await addUser(org, "ACCOUNTANT");
    const store = await createStore(db, org, STORE_INPUT);
    const bank = await createFundAccount(db, org, ACCOUNT_INPUT);
    const batchId = randomUUID();
    const order = await db.order.create({
      data: { orgId: org.orgId, storeId: store.id, batchId, sourceRow: 2, orderNo: "A-1", paidAmountMinor: 123_456n, currency: "CNY", paidAt: new Date("2025-03-05T10:00:00Z"), naturalKey: randomUUID() },
    });
    const receipt = await db.bankTransaction.create({
      data: { orgId: org.orgId, fundAccountId: bank.id, batchId, sourceRow: 3, occurredOn: new Date("2025-03-10T00:00:00Z"), amountMinor: 123_456n, currency: "CNY", memo: "货款", naturalKey: randomUUID() },
    });
    const made = await db.$transaction((tx) =>
      createManualMatch(tx as typeof db, accountant, { upstream: [{ side: "order", id: order.id.toString() }], downstream: [{ side: "bank", id: receipt.id.toString() }], adjustments: [] }),
    );
    await db.$transaction((tx) => reverseMatches(tx as typeof db, accountant, [made.groupId], "重复匹配"));

    const { entries } = await listAuditLog(db, org.orgId, page({ action: "match." }));
    expect(entries.map((e) => e.action)).toEqual(["match.reverse", "match.create"]);
    const lookups = await loadAuditLookups(db, org.orgId, entries);
    expect(lookups.groups.get(made.groupId)).toEqual({ amountMinor: 123_456n, currency: "CNY" });
    expect(lookups.people.get(accountant.userId)).toEqual({ name: "ACCOUNTANT", email: accountant.userEmail });

    const stranger = await makeOrg("别家");
    expect((await loadAuditLookups(db, stranger.orgId, entries)).groups.size).toBe(0);
  });
});
