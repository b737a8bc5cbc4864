// Which store or fund account a file's rows go to: the one rule both import doors (the CLI and the
// web page's commit) and the preview's suggestion follow, so that a file is never accepted by one
// door and refused by the other for its target.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { StatementAccount } from "@/lib/import/statement-account/statement-account";
import type { ImportKind } from "@/lib/import/types";
import { isUuid } from "@/lib/shared/uuid";
import { targetOf } from "./import-kinds";
import { suggestFundAccount, suggestStore } from "./suggest-target";

export type ChosenTarget = { storeId?: string | null; fundAccountId?: string | null };

/** What a file says about where it belongs: its format, and for bank and wallet files the account it prints. */
export type FileIdentity = { formatId: string; statementAccount: StatementAccount | null };

/** The one obvious store or account for this file in the organization, or null when there is none. */
export async function suggestedTargetId(db: Db, orgId: string, kind: ImportKind, file: FileIdentity): Promise<string | null> {
  if (targetOf(kind) === "store") {
    const stores = await db.store.findMany({ where: { orgId }, select: { id: true, platform: true, archivedAt: true } });
    return suggestStore(file.formatId, stores);
  }
  const accounts = await db.fundAccount.findMany({
    where: { orgId },
    select: { id: true, type: true, archivedAt: true, accountNumber: true, institution: true },
  });
  return suggestFundAccount(file.formatId, file.statementAccount, accounts);
}

/**
 * An explicitly chosen store or account must be the organization's own (else "not found", naming
 * which: another company's id must look like no id at all) and not archived; without a choice, the
 * one obvious suggestion; otherwise the user must choose.
 */
export async function resolveImportTarget(db: Db, orgId: string, kind: ImportKind, file: FileIdentity, chosen: ChosenTarget): Promise<string> {
  const isStore = targetOf(kind) === "store";
  const chosenId = isStore ? chosen.storeId : chosen.fundAccountId;
  const field = isStore ? "storeId" : "fundAccountId";
  if (chosenId != null) {
    const where = { orgId, id: chosenId };
    const found = !isUuid(chosenId)
      ? null
      : isStore
        ? await db.store.findFirst({ where, select: { id: true, archivedAt: true } })
        : await db.fundAccount.findFirst({ where, select: { id: true, archivedAt: true } });
    if (!found) throw new AppError("NOT_FOUND", { messageKey: isStore ? "storeNotFound" : "fundAccountNotFound", field });
    if (found.archivedAt) throw new AppError("INVALID", { messageKey: "targetArchived", field });
    return found.id;
  }
  const suggested = await suggestedTargetId(db, orgId, kind, file);
  if (!suggested) throw new AppError("INVALID", { messageKey: isStore ? "storeRequired" : "accountRequired", field });
  return suggested;
}
