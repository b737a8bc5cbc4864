// Puts the synthetic month (reconcile-month.ts) into PostgreSQL for the reconcile benchmark: an
// organization with its four shops, the bank account and the Alipay wallet, rules that run passes
// 1–3, and the rows written with COPY as an import would have stored them. Not timed.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Db } from "../../lib/db/client";
import { createFundAccount } from "../../lib/fund-accounts/fund-account-service";
import { createOrganization } from "../../lib/orgs/create-organization";
import type { ReconcileInput, StorePlatform } from "../../lib/match-engine";
import { copyText, openCopyWriter } from "../../lib/match-runs/copy-text-writer";
import { createStore } from "../../lib/stores/store-service";

export const BENCH_PASSES = ["EXACT_KEYS", "MANY_TO_ONE", "AMOUNT_DATE"];

const timestamp = (wallClock: string | undefined) => (wallClock ? wallClock.replace("T", " ") : undefined);

async function copyRows<T>(client: pg.ClientBase, sql: string, rows: readonly T[], line: (row: T, position: number) => (string | number | bigint | undefined)[]) {
  const writer = openCopyWriter(client, sql);
  for (let position = 0; position < rows.length; position++) {
    const fields = line(rows[position]!, position).map((value) => (typeof value === "string" || value === undefined ? copyText(value) : String(value)));
    const wait = writer.line(`${fields.join("\t")}\n`);
    if (wait) await wait;
  }
  await writer.end();
}

export async function seedMonth(db: Db, pool: pg.Pool, month: ReconcileInput): Promise<{ orgId: string }> {
  const org = await createOrganization(db, { name: "Reconcile bench", slug: `reconcile-bench-${Date.now()}` });
  const actor = { orgId: org.id, userId: null, userEmail: "bench" };
  await db.reconcileRuleSet.create({ data: { orgId: org.id, rules: { version: "bench", passes: BENCH_PASSES } } });
  const ids = new Map<string, string>();
  for (const store of month.stores) {
    const created = await createStore(db, actor, {
      name: store.id,
      platform: store.platform as StorePlatform,
      currency: store.currency,
      settlementTermsDays: store.settlementTermsDays,
      feeRatePercent: store.feeRateBps,
    });
    ids.set(store.id, created.id);
  }
  for (const account of month.accounts) {
    const created = await createFundAccount(db, actor, { name: account.id, type: account.type, currency: account.currency, institution: null, accountNumber: null });
    ids.set(account.id, created.id);
  }
  const batchId = randomUUID();
  const client = await pool.connect();
  try {
    await copyRows(
      client,
      `COPY "Order" ("orgId", "storeId", "batchId", "sourceRow", "orderNo", "subOrderNo", status, "afterSaleStatus", "paidAmountMinor", "refundMinor", "merchantReceivedMinor", currency, "paidAt", "confirmedAt", "naturalKey") FROM STDIN`,
      month.orders,
      (o, position) => [org.id, ids.get(o.storeId), batchId, position, o.orderNo, o.subOrderNo, o.status, o.afterSaleStatus, o.paidMinor, o.refundMinor, o.merchantReceivedMinor, o.currency, o.paidOn && `${o.paidOn} 00:00:00`, timestamp(o.confirmedAt), o.id],
    );
    await copyRows(
      client,
      `COPY "SettlementLine" ("orgId", "storeId", "batchId", "sourceRow", "lineType", "orderNo", "payoutId", "amountMinor", currency, "occurredOn", "occurredAt", reference, memo, "naturalKey") FROM STDIN`,
      month.settlementLines,
      (l, position) => [org.id, ids.get(l.storeId), batchId, l.sequence ?? position, l.lineType, l.orderNo, l.payoutId, l.amountMinor, l.currency, l.occurredOn, timestamp(l.occurredAt), l.reference, l.memo, l.id],
    );
    await copyRows(
      client,
      `COPY "BankTransaction" ("orgId", "fundAccountId", "batchId", "sourceRow", "occurredOn", "occurredAt", "amountMinor", currency, reference, "secondaryReference", counterparty, memo, "merchantOrderNo", "naturalKey") FROM STDIN`,
      month.bankTransactions,
      (b, position) => [org.id, ids.get(b.accountId), batchId, b.sequence ?? position, b.occurredOn, timestamp(b.occurredAt), b.amountMinor, b.currency, b.reference, b.secondaryReference, b.counterparty, b.memo, b.merchantOrderNo, b.id],
    );
    // As after any import that happened long before a run: statistics and visibility settled.
    await client.query(`VACUUM ANALYZE "Order", "SettlementLine", "BankTransaction"`);
  } finally {
    client.release();
  }
  return { orgId: org.id };
}
