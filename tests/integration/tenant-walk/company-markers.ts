// Strings that can only come from one company's rows: its record ids (UUIDs, in data or in links)
// and its rows' and audit entries' numeric ids (as the lists name them). A page showing none of them shows
// nothing of that company.
import { db } from "../fixtures";

export async function companyMarkers(orgId: string): Promise<string[]> {
  const where = { orgId };
  const select = { id: true } as const;
  const uuids = [
    ...(await db.store.findMany({ where, select })),
    ...(await db.fundAccount.findMany({ where, select })),
    ...(await db.importBatch.findMany({ where, select })),
    ...(await db.matchGroup.findMany({ where, select })),
    ...(await db.invitation.findMany({ where, select })),
    ...(await db.note.findMany({ where, select })),
    ...(await db.exportFile.findMany({ where, select })),
    ...(await db.followUpLevel.findMany({ where, select })),
    ...(await db.savedReport.findMany({ where, select })),
    ...(await db.alert.findMany({ where, select })),
  ].map(({ id }) => id);
  const rowIds = [
    ...(await db.order.findMany({ where, select })),
    ...(await db.settlementLine.findMany({ where, select })),
    ...(await db.bankTransaction.findMany({ where, select })),
    ...(await db.auditLog.findMany({ where, select })),
  ].map(({ id }) => `"id":"${id}"`);
  return [...uuids, ...rowIds];
}
