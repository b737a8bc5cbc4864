// The transaction rule (ARCHITECTURE.md "Transactions"): a changing lib function commits its rows
// and its audit row together, and inside a caller's transaction it joins it instead of opening its
// own — so the caller's rollback takes the function's change with it.
import { describe, expect, it } from "vitest";
import { createStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, STORE_INPUT, db, makeOrg } from "./fixtures";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";

class Abort extends Error {}

describe("atomically", () => {
  it("joins the caller's transaction: the caller's rollback undoes the function's rows and its audit row", async () => {
    const org = await makeOrg();
    await expect(
      db.$transaction(async (tx) => {
        await createStore(tx, org, { ...STORE_INPUT, name: "加入外层事务" });
        await createFundAccount(tx, org, { ...ACCOUNT_INPUT, name: "同一事务" });
        expect(await tx.store.count({ where: { orgId: org.orgId } })).toBe(1);
        throw new Abort();
      }),
    ).rejects.toBeInstanceOf(Abort);
    expect(await db.store.count({ where: { orgId: org.orgId } })).toBe(0);
    expect(await db.fundAccount.count({ where: { orgId: org.orgId } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: { in: ["store.create", "account.create"] } } })).toBe(0);
  });

  it("opens its own transaction when given the client: the rows and the audit row land together", async () => {
    const org = await makeOrg();
    const store = await createStore(db, org, { ...STORE_INPUT, name: "自己的事务" });
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "store.create", entityId: store.id } })).toBe(1);
    // A refused change (the name is taken) leaves neither a row nor an audit row.
    await expect(createStore(db, org, { ...STORE_INPUT, name: "自己的事务" })).rejects.toMatchObject({ messageKey: "storeNameTaken" });
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "store.create" } })).toBe(1);
  });
});
