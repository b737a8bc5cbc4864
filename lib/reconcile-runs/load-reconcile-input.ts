// PostgreSQL → the engine's plain input: the organization's stores, accounts, imported rows, the
// matches already confirmed and the pairs people rejected. Ids become strings, dates "YYYY-MM-DD".
import type { Tx } from "@/lib/db/client";
import type { MatchSide } from "@/lib/db/generated/enums";
import type { ConfirmedMatch, ReconcileInput, RejectedPair, Side } from "@/lib/reconcile";

const SIDE_FROM_DB: Record<MatchSide, Side> = { ORDER: "order", SETTLEMENT: "settlement", BANK: "bank" };

/** A DATE column arrives as UTC midnight; a TIMESTAMP (no zone) as its wall clock in UTC. */
const day = (value: Date) => value.toISOString().slice(0, 10);
const wallClock = (value: Date) => value.toISOString().slice(0, 19);

export type ReconcileScope = { from?: string; to?: string };

function dateFilter(scope: ReconcileScope) {
  if (!scope.from && !scope.to) return undefined;
  return { ...(scope.from ? { gte: new Date(`${scope.from}T00:00:00Z`) } : {}), ...(scope.to ? { lte: new Date(`${scope.to}T00:00:00Z`) } : {}) };
}

export async function loadReconcileInput(db: Tx, orgId: string, scope: ReconcileScope = {}): Promise<ReconcileInput> {
  const occurredOn = dateFilter(scope);
  const [stores, accounts, orders, lines, transactions, confirmed, rejected] = await Promise.all([
    db.store.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    db.fundAccount.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    db.order.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    db.settlementLine.findMany({ where: { orgId, ...(occurredOn ? { occurredOn } : {}) }, orderBy: { id: "asc" } }),
    db.bankTransaction.findMany({ where: { orgId, ...(occurredOn ? { occurredOn } : {}) }, orderBy: { id: "asc" } }),
    db.matchGroup.findMany({ where: { orgId, status: "CONFIRMED" }, include: { items: true, adjustments: true }, orderBy: { id: "asc" } }),
    db.rejectedPair.findMany({ where: { orgId } }),
  ]);
  return {
    stores: stores.map((store) => ({
      id: store.id,
      platform: store.platform,
      currency: store.currency,
      settlementTermsDays: store.settlementTermsDays,
      feeRateBps: store.feeRateBps,
    })),
    accounts: accounts.map((account) => ({ id: account.id, type: account.type, currency: account.currency })),
    orders: orders.map((order) => ({
      side: "order" as const,
      id: String(order.id),
      storeId: order.storeId,
      orderNo: order.orderNo,
      subOrderNo: order.subOrderNo ?? undefined,
      paidMinor: order.paidAmountMinor,
      refundMinor: order.refundMinor,
      merchantReceivedMinor: order.merchantReceivedMinor ?? undefined,
      currency: order.currency,
      paidOn: order.paidAt ? day(order.paidAt) : undefined,
      confirmedOn: order.confirmedAt ? day(order.confirmedAt) : undefined,
      confirmedAt: order.confirmedAt ? wallClock(order.confirmedAt) : undefined,
      status: order.status ?? undefined,
      afterSaleStatus: order.afterSaleStatus ?? undefined,
    })),
    settlementLines: lines.map((line) => ({
      side: "settlement" as const,
      id: String(line.id),
      storeId: line.storeId,
      lineType: line.lineType,
      orderNo: line.orderNo ?? undefined,
      payoutId: line.payoutId ?? undefined,
      amountMinor: line.amountMinor,
      currency: line.currency,
      occurredOn: day(line.occurredOn),
      occurredAt: line.occurredAt ? wallClock(line.occurredAt) : undefined,
      sequence: line.sourceRow,
      reference: line.reference ?? undefined,
      memo: line.memo ?? undefined,
    })),
    bankTransactions: transactions.map((row) => ({
      side: "bank" as const,
      id: String(row.id),
      accountId: row.fundAccountId,
      amountMinor: row.amountMinor,
      currency: row.currency,
      occurredOn: day(row.occurredOn),
      occurredAt: row.occurredAt ? wallClock(row.occurredAt) : undefined,
      sequence: row.sourceRow,
      reference: row.reference ?? undefined,
      secondaryReference: row.secondaryReference ?? undefined,
      counterparty: row.counterparty ?? undefined,
      counterpartyAccount: row.counterpartyAccount ?? undefined,
      memo: row.memo ?? undefined,
      merchantOrderNo: row.merchantOrderNo ?? undefined,
    })),
    confirmed: confirmed.map(
      (group): ConfirmedMatch => ({
        key: group.key,
        link: group.link as ConfirmedMatch["link"],
        items: group.items.map((item) => ({ side: SIDE_FROM_DB[item.side], id: String(item.rowId), amountMinor: item.amountMinor })),
        adjustments: group.adjustments.map((adjustment) => ({ type: adjustment.type, amountMinor: adjustment.amountMinor, note: adjustment.note ?? undefined })),
      }),
    ),
    rejected: rejected.map(
      (pair): RejectedPair => ({
        a: { side: SIDE_FROM_DB[pair.aSide], id: String(pair.aRowId) },
        b: { side: SIDE_FROM_DB[pair.bSide], id: String(pair.bRowId) },
      }),
    ),
  };
}
