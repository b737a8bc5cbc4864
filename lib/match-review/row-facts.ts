// The facts of stored rows the workspace needs to book a group: amount, date, store or account,
// and the role the engine gives the row (so a manual match uses the same sides of rows as a run).
// Loaded FOR UPDATE inside the booking transaction: two people matching the same row wait for each
// other instead of both spending it.
import type { Tx } from "@/lib/db/client";
import { roleOfRow, type AccountType, type ReconcileRules, type RowRole, type SettlementLineType, type Side } from "@/lib/match-engine";
import { rowKey, type RowRef } from "./row-ref";
import { orderBusinessDaySql } from "@/lib/ledger/business-day";

export type RowFacts = {
  side: Side;
  id: string;
  /** As stored: orders what was paid, bill lines signed on the seller's balance, bank rows + in. */
  amountMinor: bigint;
  currency: string;
  /** The business date ("YYYY-MM-DD"): an order's payment, a line's or bank row's booking. */
  day: string | null;
  storeId: string | null;
  accountId: string | null;
  /** What a person recognises the row by: order no., payout id, bank reference or memo. */
  ref: string | null;
  role: RowRole;
};

type RawRow = {
  id: bigint;
  amount: bigint;
  currency: string;
  day: string | null;
  storeId: string | null;
  accountId: string | null;
  accountType: AccountType | null;
  lineType: SettlementLineType | null;
  memo: string | null;
  ref: string | null;
};

function idsOf(refs: readonly RowRef[], side: Side): bigint[] {
  return refs.filter((ref) => ref.side === side).map((ref) => BigInt(ref.id));
}

export async function loadRowFacts(
  tx: Tx,
  orgId: string,
  refs: readonly RowRef[],
  rules: Pick<ReconcileRules, "walletKeywords">,
  options: { lock: boolean },
): Promise<Map<string, RowFacts>> {
  const lock = options.lock ? "FOR UPDATE" : "";
  const orders = idsOf(refs, "order");
  const lines = idsOf(refs, "settlement");
  const bank = idsOf(refs, "bank");
  const facts = new Map<string, RowFacts>();
  const add = (side: Side, rows: RawRow[]) => {
    for (const row of rows) {
      const role = roleOfRow({ side, lineType: row.lineType, accountType: row.accountType, amountMinor: row.amount, memo: row.memo }, rules);
      facts.set(rowKey(side, row.id), {
        side,
        id: row.id.toString(),
        amountMinor: row.amount,
        currency: row.currency.trim(),
        day: row.day,
        storeId: row.storeId,
        accountId: row.accountId,
        ref: row.ref,
        role,
      });
    }
  };
  if (orders.length > 0) {
    add(
      "order",
      await tx.$queryRawUnsafe<RawRow[]>(
        `SELECT id, "paidAmountMinor" AS amount, currency,
                to_char(${orderBusinessDaySql('"Order"')}, 'YYYY-MM-DD') AS day,
                "storeId"::text AS "storeId", NULL AS "accountId", NULL AS "accountType", NULL AS "lineType",
                NULL AS memo, "orderNo" AS ref
           FROM "Order" WHERE "orgId" = $1::uuid AND id = ANY($2::bigint[]) ${lock}`,
        orgId,
        orders,
      ),
    );
  }
  if (lines.length > 0) {
    add(
      "settlement",
      await tx.$queryRawUnsafe<RawRow[]>(
        `SELECT id, "amountMinor" AS amount, currency, to_char("occurredOn", 'YYYY-MM-DD') AS day,
                "storeId"::text AS "storeId", NULL AS "accountId", NULL AS "accountType", "lineType"::text AS "lineType",
                memo, COALESCE("orderNo", "payoutId", reference, memo) AS ref
           FROM "SettlementLine" WHERE "orgId" = $1::uuid AND id = ANY($2::bigint[]) ${lock}`,
        orgId,
        lines,
      ),
    );
  }
  if (bank.length > 0) {
    add(
      "bank",
      await tx.$queryRawUnsafe<RawRow[]>(
        `SELECT b.id, b."amountMinor" AS amount, b.currency, to_char(b."occurredOn", 'YYYY-MM-DD') AS day,
                NULL AS "storeId", b."fundAccountId"::text AS "accountId", a.type::text AS "accountType", NULL AS "lineType",
                b.memo, COALESCE(b.reference, b."merchantOrderNo", b.counterparty, b.memo) AS ref
           FROM "BankTransaction" b JOIN "FundAccount" a ON a."orgId" = b."orgId" AND a.id = b."fundAccountId"
          WHERE b."orgId" = $1::uuid AND b.id = ANY($2::bigint[]) ${options.lock ? "FOR UPDATE OF b" : ""}`,
        orgId,
        bank,
      ),
    );
  }
  return facts;
}
