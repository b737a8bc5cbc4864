// Everything of one company an action could change, as one comparable value: if a walk with this
// company's ids leaves the snapshot equal, nothing of it was written (the audit count included).
import { db } from "../fixtures";

const byId = { orderBy: { id: "asc" as const } };

export async function companySnapshot(orgId: string): Promise<string> {
  const where = { orgId };
  const memberships = await db.membership.findMany({ where, orderBy: { userId: "asc" } });
  const value = {
    organization: await db.organization.findUniqueOrThrow({ where: { id: orgId } }),
    members: memberships,
    users: await db.user.findMany({ where: { id: { in: memberships.map((m) => m.userId) } }, ...byId }),
    invitations: await db.invitation.findMany({ where, ...byId }),
    stores: await db.store.findMany({ where, ...byId }),
    fundAccounts: await db.fundAccount.findMany({ where, ...byId }),
    importBatches: await db.importBatch.findMany({ where, ...byId }),
    importFileChunks: await db.importFileChunk.count({ where }),
    columnMappings: await db.columnMapping.findMany({ where, ...byId }),
    orders: await db.order.count({ where }),
    settlementLines: await db.settlementLine.count({ where }),
    bankTransactions: await db.bankTransaction.count({ where }),
    runs: await db.reconciliationRun.findMany({ where, ...byId }),
    ruleSets: await db.reconcileRuleSet.findMany({ where }),
    groups: await db.matchGroup.findMany({ where, ...byId }),
    items: await db.matchItem.count({ where }),
    adjustments: await db.matchAdjustment.count({ where }),
    reversals: await db.matchReversal.findMany({ where, ...byId }),
    rejectedPairs: await db.rejectedPair.count({ where }),
    workspaceActions: await db.workspaceAction.findMany({ where, ...byId }),
    notes: await db.note.findMany({ where, ...byId }),
    periods: await db.period.findMany({ where, orderBy: { month: "asc" } }),
    excludedRows: await db.excludedRow.findMany({ where, orderBy: [{ side: "asc" }, { rowId: "asc" }] }),
    closeSnapshots: await db.periodCloseSnapshot.findMany({ where, ...byId }),
    receivableSettings: await db.receivableSettings.findUnique({ where }),
    followUpLevels: await db.followUpLevel.findMany({ where, ...byId }),
    alerts: await db.alert.findMany({ where, ...byId }),
    alertRules: await db.alertRule.findMany({ where, orderBy: { type: "asc" } }),
    alertComputation: await db.alertComputation.findUnique({ where }),
    auditLog: await db.auditLog.count({ where }),
  };
  return JSON.stringify(value, (_key, field: unknown) => (typeof field === "bigint" ? field.toString() : field), 1);
}
