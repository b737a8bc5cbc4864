// Fund accounts (资金账户) of one organization. Every query carries orgId; another tenant's id is
// "not found".
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { FundAccount } from "@/lib/db/generated/client";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Actor } from "@/lib/auth/load-org-context";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";
import type { FundAccountInput } from "./fund-account-schema";
import { maskAccountNumber } from "./mask-account-number";


/** The audit log keeps the masked number: it is read by more people than the account settings. */
function forAudit(account: FundAccount) {
  return { ...account, accountNumber: maskAccountNumber(account.accountNumber) };
}

function duplicateName(): AppError {
  return new AppError("CONFLICT", { messageKey: "accountNameTaken", field: "name" });
}

export async function listFundAccounts(
  db: Tx,
  orgId: string,
  options: { includeArchived?: boolean } = {},
): Promise<FundAccount[]> {
  return db.fundAccount.findMany({
    where: { orgId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}

export async function getFundAccountOrThrow(db: Tx, orgId: string, id: string): Promise<FundAccount> {
  const account = isUuid(id) ? await db.fundAccount.findFirst({ where: { id, orgId } }) : null;
  if (!account) throw new AppError("NOT_FOUND");
  return account;
}

export async function createFundAccount(db: DbOrTx, ctx: Actor, input: FundAccountInput): Promise<FundAccount> {
  try {
    return await atomically(db, async (tx) => {
      const account = await tx.fundAccount.create({ data: { orgId: ctx.orgId, ...input } });
      await writeAuditLog(tx, actorOf(ctx), {
        action: "account.create",
        entityType: "FundAccount",
        entityId: account.id,
        after: forAudit(account),
      });
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

export async function updateFundAccount(db: DbOrTx, ctx: Actor, id: string, input: FundAccountInput): Promise<FundAccount> {
  try {
    return await atomically(db, async (tx) => {
      const before = await getFundAccountOrThrow(tx, ctx.orgId, id);
      // The form never receives the full number back (only its mask), so empty means "keep it".
      const data = { ...input, accountNumber: input.accountNumber ?? before.accountNumber };
      const after = await tx.fundAccount.update({ where: { orgId_id: { orgId: before.orgId, id: before.id } }, data });
      await writeAuditLog(tx, actorOf(ctx), {
        action: "account.update",
        entityType: "FundAccount",
        entityId: id,
        before: forAudit(before),
        after: forAudit(after),
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

export async function setFundAccountArchived(db: DbOrTx, ctx: Actor, id: string, archived: boolean): Promise<FundAccount> {
  return atomically(db, async (tx) => {
    const before = await getFundAccountOrThrow(tx, ctx.orgId, id);
    if (Boolean(before.archivedAt) === archived) return before;
    const after = await tx.fundAccount.update({
      where: { orgId_id: { orgId: before.orgId, id: before.id } },
      data: { archivedAt: archived ? new Date() : null },
    });
    await writeAuditLog(tx, actorOf(ctx), {
      action: archived ? "account.archive" : "account.restore",
      entityType: "FundAccount",
      entityId: id,
      before: forAudit(before),
      after: forAudit(after),
    });
    return after;
  });
}
