// Another organization's ids answer "not found" on every door, and lists never leak across tenants.
import { describe, expect, it } from "vitest";
import { loadOrgContext } from "@/lib/auth/load-org-context";
import {
  createFundAccount,
  getFundAccountOrThrow,
  listFundAccounts,
  setFundAccountArchived,
  updateFundAccount,
} from "@/lib/fund-accounts/fund-account-service";
import { changeMemberRole, removeMember } from "@/lib/members/member-service";
import { revokeInvitation } from "@/lib/members/invitation-service";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { createStore, getStoreOrThrow, listStores, setStoreArchived, updateStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, db, makeOrg, STORE_INPUT } from "./fixtures";

describe("tenant isolation", () => {
  it("answers NOT_FOUND for another organization's store and account on every operation", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    const store = await createStore(db, a, STORE_INPUT);
    const account = await createFundAccount(db, a, ACCOUNT_INPUT);

    const notFound = { code: "NOT_FOUND" };
    await expect(getStoreOrThrow(db, b.orgId, store.id)).rejects.toMatchObject(notFound);
    await expect(updateStore(db, b, store.id, { ...STORE_INPUT, name: "hijacked" })).rejects.toMatchObject(notFound);
    await expect(setStoreArchived(db, b, store.id, true)).rejects.toMatchObject(notFound);
    await expect(getFundAccountOrThrow(db, b.orgId, account.id)).rejects.toMatchObject(notFound);
    await expect(updateFundAccount(db, b, account.id, { ...ACCOUNT_INPUT, name: "hijacked" })).rejects.toMatchObject(notFound);
    await expect(setFundAccountArchived(db, b, account.id, true)).rejects.toMatchObject(notFound);
    await expect(changeMemberRole(db, b, a.userId, "VIEWER")).rejects.toMatchObject(notFound);
    await expect(removeMember(db, b, a.userId)).rejects.toMatchObject(notFound);

    expect(await listStores(db, b.orgId)).toEqual([]);
    expect(await listFundAccounts(db, b.orgId)).toEqual([]);
    const bAudit = await listAuditLog(db, b.orgId, { page: 1 });
    expect(bAudit.entries.every((entry) => entry.orgId === b.orgId)).toBe(true);

    // Nothing of A's changed.
    expect(await getStoreOrThrow(db, a.orgId, store.id)).toMatchObject({ name: STORE_INPUT.name, archivedAt: null });
    expect(await getFundAccountOrThrow(db, a.orgId, account.id)).toMatchObject({ name: ACCOUNT_INPUT.name, archivedAt: null });
    expect(await db.membership.count({ where: { orgId: a.orgId } })).toBe(1);
  });

  it("treats ids that are not UUIDs as not found instead of failing", async () => {
    const a = await makeOrg();
    await expect(getStoreOrThrow(db, a.orgId, "../../etc")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getFundAccountOrThrow(db, a.orgId, "1 OR 1=1")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeInvitation(db, a, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never makes a non-member's organization active, whatever org id is asked for", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    const ctx = await loadOrgContext(db, b.userId, a.orgId);
    expect(ctx?.orgId).toBe(b.orgId);
  });

  it("switches between organizations the user belongs to", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    await db.membership.create({ data: { orgId: a.orgId, userId: b.userId, role: "VIEWER" } });
    expect(await loadOrgContext(db, b.userId, a.orgId)).toMatchObject({ orgId: a.orgId, role: "VIEWER" });
    expect(await loadOrgContext(db, b.userId, b.orgId)).toMatchObject({ orgId: b.orgId, role: "OWNER" });
  });
});
