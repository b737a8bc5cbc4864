// The benches' ledger: one organization with three stores and three accounts, its orders, settlement
// lines, bank statement and a small Alipay ledger, and match groups over them (CONFIRMED, PROPOSED,
// PENDING_APPROVAL, REJECTED; items signed as lib/match-engine/README.md "Signs" says) with their
// stored list facts. Written with COPY (minutes for a million orders). Two shapes of it:
// workspacePlan (a quarter, about half of it still open: the workspace bench) and monthPlan (one month
// nearly all matched: the 已匹配 list the export bench writes).
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Db } from "../../lib/db/client";
import { createFundAccount } from "../../lib/fund-accounts/fund-account-service";
import { fillGroupFactsSql } from "../../lib/ledger/group-facts";
import { createOrganization } from "../../lib/orgs/create-organization";
import { copyText, openCopyWriter } from "../../lib/match-runs/copy-text-writer";
import { createStore } from "../../lib/stores/store-service";


/** Days from 2025-01-01 a row may fall on (the last order day plus a week of payouts). */
const MAX_DAY_OFFSET = 99;
const FIRST_DAY = Date.UTC(2025, 0, 1);
const dayText = (offset: number) => new Date(FIRST_DAY + Math.min(MAX_DAY_OFFSET, Math.max(0, offset)) * 86_400_000).toISOString().slice(0, 10);
const STORE_PREFIX = ["TM", "PD", "JD"];
const STORES = [
  { name: "天猫旗舰店", platform: "TMALL" as const },
  { name: "拼多多专营店", platform: "PDD" as const },
  { name: "京东自营店", platform: "JD" as const },
];
const ACCOUNTS = [
  { name: "招商银行基本户", type: "BANK" as const },
  { name: "工商银行一般户", type: "BANK" as const },
  { name: "支付宝企业账户", type: "ALIPAY" as const },
];

export type Plan = {
  /** Orders are paid over days 0 … days − 1 from 2025-01-01. */
  days: number;
  orders: number;
  lines: number;
  bank: number;
  wallet: number;
  /** Orders [0, paired) have a SALE and a COMMISSION line. */
  paired: number;
  /** Orders [0, settled) are CONFIRMED with their lines (ORDER_SETTLEMENT). */
  settled: number;
  withdrawals: number;
  /** Orders [paired, paired + 3 × directGroups) are CONFIRMED, three to a receipt (ORDER_BANK). */
  directGroups: number;
};

/** The workspace bench's quarter: about half of the orders and lines matched, the rest open. */
export function workspacePlan(orders: number, bank: number, lines: number): Plan {
  const paired = Math.floor(lines * 0.4);
  const withdrawals = Math.floor(lines * 0.1);
  const settled = Math.floor(paired * 0.625);
  const directGroups = Math.max(0, Math.min(Math.floor(bank / 4), Math.floor((orders / 2 - settled) / 3), Math.floor((orders - paired - 1000) / 3)));
  return checked({ days: 90, orders, lines, bank, wallet: Math.max(100, Math.floor(bank / 20)), paired, settled, withdrawals, directGroups });
}

/**
 * One month (January 2025) as the export bench wants it: 95 % of the orders settled with their SALE
 * and COMMISSION lines, most of the rest paid out three to a bank receipt, 2 % as many withdrawals
 * (each a sweep and its receipt): about one CONFIRMED group per order. The few hundred open
 * proposals, approvals and rejections the workspace has stay, so the list's status filter matters.
 */
export function monthPlan(orders: number): Plan {
  const paired = Math.floor(orders * 0.95);
  const withdrawals = Math.floor(orders * 0.02);
  const directGroups = Math.max(0, Math.floor((orders - paired - 1000) / 3));
  const lines = 2 * paired + withdrawals + Math.floor(orders * 0.03);
  const bank = directGroups + withdrawals + 10_000;
  return checked({ days: 30, orders, lines, bank, wallet: Math.max(100, Math.floor(bank / 20)), paired, settled: paired - 300, withdrawals, directGroups });
}

function checked(plan: Plan): Plan {
  const { paired, withdrawals, directGroups, bank } = plan;
  if (withdrawals * 6 > paired * 3 + 6 || directGroups + withdrawals + 2000 > bank) throw new Error("--orders, --lines and --bank are too far apart for this data set");
  return plan;
}

const paidOf = (i: number) => BigInt(1000 + ((i * 7919) % 99_000)); // ¥10.00 … ¥1,000.00
const commissionOf = (i: number) => (paidOf(i) * 5n) / 100n;
const orderDay = (i: number, plan: Plan) => Math.floor((i * plan.days) / plan.orders);
const orderNo = (i: number) => `${STORE_PREFIX[i % 3]}${2025_0000_0000 + i}`;
/** Withdrawal w sweeps two orders of one store: base and base + 3. */
const sweptOrders = (w: number) => {
  const base = Math.floor(w / 3) * 6 + (w % 3);
  return [base, base + 3] as const;
};
const withdrawalNet = (w: number) => sweptOrders(w).reduce((sum, i) => sum + paidOf(i) - commissionOf(i), 0n);
/** The rest of the statement: every fourth row a payment out, the others receipts. */
const otherBankAmount = (k: number) => (k % 4 === 0 ? -BigInt(5000 + ((k * 131) % 500_000)) : BigInt(1000 + ((k * 7919) % 99_000)));
/** Every tenth direct payout pays only half of its third order (a partial allocation). */
const directShare = (g: number, k: number, i: number) => (g % 10 === 0 && k === 2 ? paidOf(i) / 2n : paidOf(i));

async function copyRows(client: pg.ClientBase, sql: string, count: number, line: (position: number) => (string | number | bigint | null)[]) {
  const writer = openCopyWriter(client, sql);
  for (let position = 0; position < count; position++) {
    const fields = line(position).map((value) => (typeof value === "string" || value === null ? copyText(value) : String(value)));
    const wait = writer.line(`${fields.join("\t")}\n`);
    if (wait) await wait;
  }
  await writer.end();
}

/** First id of the rows one COPY just wrote (ids are consecutive: one session, a fresh sequence). */
async function firstId(client: pg.ClientBase, table: string, orgId: string, count: number): Promise<bigint> {
  const { rows } = await client.query<{ min: string; max: string; n: string }>(`SELECT min(id) AS min, max(id) AS max, count(*) AS n FROM "${table}" WHERE "orgId" = $1`, [orgId]);
  const row = rows[0]!;
  if (Number(row.n) !== count || BigInt(row.max) - BigInt(row.min) + 1n !== BigInt(count)) throw new Error(`${table}: ids are not consecutive`);
  return BigInt(row.min);
}

export type Seeded = { orgId: string; groups: Record<string, number>; items: number };

/** `name` is the organization's (the export's 公司 line). `pool` gives the COPY connection. */
export async function seedLedger(db: Db, pool: pg.Pool, plan: Plan, name = "Workspace bench"): Promise<Seeded> {
  const org = await createOrganization(db, { name, slug: `bench-${Date.now()}` });
  const actor = { orgId: org.id, userId: null, userEmail: "bench" };
  const storeIds: string[] = [];
  for (const store of STORES) storeIds.push((await createStore(db, actor, { ...store, currency: "CNY", settlementTermsDays: 7, feeRatePercent: 500 })).id);
  const accountIds: string[] = [];
  for (const account of ACCOUNTS) accountIds.push((await createFundAccount(db, actor, { ...account, currency: "CNY", institution: null, accountNumber: null })).id);
  const batch = { orders: randomUUID(), lines: randomUUID(), bank: randomUUID(), wallet: randomUUID() };
  await db.importBatch.createMany({
    data: [
      { id: batch.orders, orgId: org.id, kind: "ORDERS", status: "COMMITTED", fileName: "订单导出.csv", fileSha256: "0", fileSizeBytes: 0n, storeId: storeIds[0] },
      { id: batch.lines, orgId: org.id, kind: "SETTLEMENT", status: "COMMITTED", fileName: "账务明细.csv", fileSha256: "1", fileSizeBytes: 0n, storeId: storeIds[0] },
      { id: batch.bank, orgId: org.id, kind: "BANK", status: "COMMITTED", fileName: "招商银行流水.xlsx", fileSha256: "2", fileSizeBytes: 0n, fundAccountId: accountIds[0] },
      { id: batch.wallet, orgId: org.id, kind: "BANK", status: "COMMITTED", fileName: "支付宝账务明细.csv", fileSha256: "3", fileSizeBytes: 0n, fundAccountId: accountIds[2] },
    ],
  });

  const client = await pool.connect();
  try {
    // Orders: paid over the quarter, three stores in turn.
    await copyRows(
      client,
      `COPY "Order" ("orgId", "storeId", "batchId", "sourceRow", "orderNo", status, "afterSaleStatus", "paidAmountMinor", currency, "paidAt", "naturalKey") FROM STDIN`,
      plan.orders,
      (i) => [org.id, storeIds[i % 3]!, batch.orders, i + 2, orderNo(i), "交易成功", i % 50 === 0 ? "退款成功" : null, paidOf(i), "CNY", `${dayText(orderDay(i, plan))} ${String(8 + (i % 12)).padStart(2, "0")}:00:00`, orderNo(i)],
    );
    const order0 = await firstId(client, "Order", org.id, plan.orders);

    // Settlement lines: SALE + COMMISSION per paired order, then the withdrawals, then refunds and promotions.
    const other = plan.lines - 2 * plan.paired - plan.withdrawals;
    await copyRows(
      client,
      `COPY "SettlementLine" ("orgId", "storeId", "batchId", "sourceRow", "lineType", "orderNo", "payoutId", "amountMinor", currency, "occurredOn", reference, memo, "naturalKey") FROM STDIN`,
      plan.lines,
      (p) => {
        if (p < 2 * plan.paired) {
          const i = p >> 1;
          const sale = (p & 1) === 0;
          return [org.id, storeIds[i % 3]!, batch.lines, p + 2, sale ? "SALE" : "COMMISSION", orderNo(i), null, sale ? paidOf(i) : -commissionOf(i), "CNY", dayText(orderDay(i, plan) + 3), null, sale ? `交易收入 ${orderNo(i)}` : `技术服务费 ${orderNo(i)}`, `L${p}`];
        }
        if (p < 2 * plan.paired + plan.withdrawals) {
          const w = p - 2 * plan.paired;
          const [, last] = sweptOrders(w);
          return [org.id, storeIds[w % 3]!, batch.lines, p + 2, "WITHDRAWAL", null, `PO${2025_0000 + w}`, -withdrawalNet(w), "CNY", dayText(orderDay(last, plan) + 4), `PO${2025_0000 + w}`, "提现", `L${p}`];
        }
        const i = plan.paired + (p - 2 * plan.paired - plan.withdrawals);
        const refund = p % 2 === 0;
        return [org.id, storeIds[i % 3]!, batch.lines, p + 2, refund ? "REFUND" : "PROMOTION", orderNo(i), null, refund ? -paidOf(i) / 4n : -300n, "CNY", dayText(orderDay(i, plan) + 5), null, refund ? "售后退款" : "平台推广", `L${p}`];
      },
    );
    const line0 = await firstId(client, "SettlementLine", org.id, plan.lines);
    if (other < 0) throw new Error("too few lines");

    // Bank rows: direct payouts (three orders each), withdrawal receipts, then the rest of the statement.
    const bankCounterparties = ["客户转账", "房租", "工资", "税款", "物流费", "供应商货款"];
    await copyRows(
      client,
      `COPY "BankTransaction" ("orgId", "fundAccountId", "batchId", "sourceRow", "occurredOn", "amountMinor", currency, reference, counterparty, memo, "naturalKey") FROM STDIN`,
      plan.bank,
      (j) => {
        const account = accountIds[j % 10 < 7 ? 0 : 1]!;
        if (j < plan.directGroups) {
          const orders = [0, 1, 2].map((k) => plan.paired + 3 * j + k);
          const amount = orders.reduce((sum, i, k) => sum + directShare(j, k, i) - commissionOf(i), 0n);
          return [org.id, account, batch.bank, j + 2, dayText(orderDay(orders[2]!, plan) + 7), amount, "CNY", `JDPAY${2025_000_000 + j}`, "北京京东世纪贸易有限公司", `货款结算 ${orders.map(orderNo).join(",")}`, `B${j}`];
        }
        if (j < plan.directGroups + plan.withdrawals) {
          const w = j - plan.directGroups;
          const [, last] = sweptOrders(w);
          return [org.id, account, batch.bank, j + 2, dayText(orderDay(last, plan) + 5), withdrawalNet(w), "CNY", `PO${2025_0000 + w}`, "支付宝（中国）网络技术有限公司", `提现 PO${2025_0000 + w}`, `B${j}`];
        }
        const k = j - plan.directGroups - plan.withdrawals;
        const amount = otherBankAmount(k);
        return [org.id, account, batch.bank, j + 2, dayText(Math.floor((k * plan.days) / Math.max(1, plan.bank - plan.directGroups - plan.withdrawals))), amount, "CNY", `CMB${2025_000_000 + j}`, bankCounterparties[k % bankCounterparties.length]!, k % 4 === 0 ? "付款" : "收款", `B${j}`];
      },
    );
    const bank0 = await firstId(client, "BankTransaction", org.id, plan.bank);
    await copyRows(
      client,
      `COPY "BankTransaction" ("orgId", "fundAccountId", "batchId", "sourceRow", "occurredOn", "amountMinor", currency, reference, "merchantOrderNo", counterparty, memo, "naturalKey") FROM STDIN`,
      plan.wallet,
      (k) => {
        const withdrawal = k % 10 === 0;
        const i = plan.paired + k;
        return [org.id, accountIds[2]!, batch.wallet, k + 2, dayText(orderDay(i, plan) + 2), withdrawal ? -BigInt(50_000 + k) : paidOf(i), "CNY", `2025${String(k).padStart(12, "0")}`, withdrawal ? null : `T200P${orderNo(i)}`, withdrawal ? "招商银行" : "买家", withdrawal ? "提现-实时提现" : "交易收款", `W${k}`];
      },
    );

    // Groups, items and adjustments. Every group sums to zero: Σ items + Σ adjustments = 0.
    type Item = [side: "ORDER" | "SETTLEMENT" | "BANK", rowId: bigint, slot: "UP" | "DOWN", amount: bigint];
    type Adjustment = [type: string, amount: bigint, aboutSide: string | null, aboutRowId: bigint | null];
    type Group = { status: string; kind: string; rule: string; link: string; pass: number; confidence: number; items: Item[]; adjustments: Adjustment[] };
    const groups: Group[] = [];
    const orderId = (i: number) => order0 + BigInt(i);
    const saleId = (i: number) => line0 + BigInt(2 * i);
    const commissionLineId = (i: number) => line0 + BigInt(2 * i + 1);
    const withdrawalId = (w: number) => line0 + BigInt(2 * plan.paired + w);
    const bankId = (j: number) => bank0 + BigInt(j);
    const orderSettlement = (i: number, status: string, confidence: number): Group => ({
      status,
      kind: "AUTO",
      rule: "ORDER_NO",
      link: "ORDER_SETTLEMENT",
      pass: 1,
      confidence,
      items: [
        ["ORDER", orderId(i), "DOWN", -paidOf(i)],
        ["SETTLEMENT", saleId(i), "UP", paidOf(i)],
        ["SETTLEMENT", commissionLineId(i), "UP", -commissionOf(i)],
      ],
      adjustments: [["COMMISSION", commissionOf(i), null, null]],
    });
    const orderBank = (orders: number[], shares: bigint[], j: number, status: string, kind: string, confidence: number): Group => {
      const commissions = orders.map(commissionOf);
      const received = shares.reduce((sum, share, k) => sum + share - commissions[k]!, 0n);
      return {
        status,
        kind,
        rule: kind === "MANUAL" ? "MANUAL" : "SETTLEMENT_DATE_PAYOUT",
        link: "ORDER_BANK",
        pass: kind === "MANUAL" ? 0 : 2,
        confidence,
        items: [...orders.map((i, k): Item => ["ORDER", orderId(i), "DOWN", -shares[k]!]), ["BANK", bankId(j), "UP", received]],
        adjustments: orders.map((i, k): Adjustment => ["COMMISSION", commissions[k]!, "ORDER", orderId(i)]),
      };
    };
    for (let i = 0; i < plan.settled; i++) groups.push(orderSettlement(i, "CONFIRMED", 100));
    for (let j = 0; j < plan.directGroups; j++) {
      const orders = [0, 1, 2].map((k) => plan.paired + 3 * j + k);
      groups.push(orderBank(orders, orders.map((i, k) => directShare(j, k, i)), j, "CONFIRMED", "AUTO", 90));
    }
    for (let w = 0; w < plan.withdrawals; w++) {
      const swept = sweptOrders(w);
      groups.push({
        status: "CONFIRMED",
        kind: "AUTO",
        rule: "WALLET_SWEEP",
        link: "SETTLEMENT_PAYOUT",
        pass: 2,
        confidence: 95,
        items: [
          ...swept.flatMap((i): Item[] => [
            ["SETTLEMENT", saleId(i), "DOWN", -paidOf(i)],
            ["SETTLEMENT", commissionLineId(i), "DOWN", commissionOf(i)],
          ]),
          ["SETTLEMENT", withdrawalId(w), "UP", withdrawalNet(w)],
        ],
        adjustments: [],
      });
      groups.push({
        status: "CONFIRMED",
        kind: "AUTO",
        rule: "PAYOUT_ID",
        link: "PAYOUT_BANK",
        pass: 1,
        confidence: 100,
        items: [
          ["SETTLEMENT", withdrawalId(w), "DOWN", -withdrawalNet(w)],
          ["BANK", bankId(plan.directGroups + w), "UP", withdrawalNet(w)],
        ],
        adjustments: [],
      });
    }
    // Open proposals: orders with their lines, and single orders with the receipt of the same amount.
    const proposedLines = Math.min(200, plan.paired - plan.settled);
    for (let k = 0; k < proposedLines; k++) groups.push(orderSettlement(plan.settled + k, "PROPOSED", 60 + (k % 40)));
    const openOrder0 = plan.paired + 3 * plan.directGroups;
    const openBank0 = plan.directGroups + plan.withdrawals;
    // An order and an open receipt, the difference (if any) left as OTHER for a person to judge.
    const orderWithReceipt = (i: number, k: number, status: string, kind: string, confidence: number): Group => {
      const received = otherBankAmount(k);
      return {
        status,
        kind,
        rule: kind === "MANUAL" ? "MANUAL" : "AMOUNT_DATE",
        link: "ORDER_BANK",
        pass: kind === "MANUAL" ? 0 : 4,
        confidence,
        items: [
          ["ORDER", orderId(i), "DOWN", -paidOf(i)],
          ["BANK", bankId(openBank0 + k), "UP", received],
        ],
        adjustments: received === paidOf(i) ? [] : [["OTHER", paidOf(i) - received, null, null]],
      };
    };
    for (let n = 0; n < 300; n++) groups.push(orderWithReceipt(openOrder0 + n, 4 * n + 1, "PROPOSED", "AUTO", 40 + (n % 50)));
    // A few manual matches waiting for a reviewer, and rejected proposals.
    for (let n = 0; n < 20; n++) groups.push(orderWithReceipt(openOrder0 + 400 + n, 4 * (400 + n) + 2, "PENDING_APPROVAL", "MANUAL", 100));
    for (let k = 0; k < 100; k++) groups.push(orderSettlement(plan.settled + proposedLines + k, "REJECTED", 50));

    const ids = groups.map(() => randomUUID());
    const created = Date.now();
    await copyRows(
      client,
      `COPY "MatchGroup" (id, "orgId", key, kind, status, pass, rule, link, confidence, reasons, "createdAt", "decidedAt") FROM STDIN`,
      groups.length,
      (g) => {
        const group = groups[g]!;
        const at = new Date(created - (groups.length - g) * 1000).toISOString();
        return [ids[g]!, org.id, `BENCH-${g.toString(16).padStart(14, "0")}`, group.kind, group.status, group.pass, group.rule, group.link, group.confidence, JSON.stringify([{ code: group.link === "ORDER_SETTLEMENT" ? "ORDER_NO_EXACT" : "AMOUNT_AND_DATE_UNIQUE", params: {} }]), at, group.status === "CONFIRMED" ? at : null];
      },
    );
    const flatItems = groups.flatMap((group, g) => group.items.map((item) => [g, item] as const));
    await copyRows(client, `COPY "MatchItem" ("orgId", "groupId", side, "rowId", slot, "amountMinor") FROM STDIN`, flatItems.length, (n) => {
      const [g, [side, rowId, slot, amount]] = flatItems[n]!;
      return [org.id, ids[g]!, side, rowId, slot, amount];
    });
    const flatAdjustments = groups.flatMap((group, g) => group.adjustments.map((adjustment) => [g, adjustment] as const));
    await copyRows(client, `COPY "MatchAdjustment" ("orgId", "groupId", type, "amountMinor", "aboutSide", "aboutRowId") FROM STDIN`, flatAdjustments.length, (n) => {
      const [g, [type, amount, aboutSide, aboutRowId]] = flatAdjustments[n]!;
      return [org.id, ids[g]!, type, amount, aboutSide, aboutRowId];
    });
    // Their list facts as a person's booking writes them (lib/ledger/group-facts.ts).
    await client.query(fillGroupFactsSql(`SELECT id, "orgId" FROM "MatchGroup" WHERE "orgId" = $1::uuid`), [org.id]);
    for (const group of groups) {
      const sum = group.items.reduce((total, item) => total + item[3], 0n) + group.adjustments.reduce((total, adjustment) => total + adjustment[1], 0n);
      if (sum !== 0n) throw new Error(`a ${group.link} group does not sum to zero (${sum})`);
    }
    await client.query(`INSERT INTO "Period" ("orgId", month, status, "lockedAt") VALUES ($1, '2025-01', 'LOCKED', now()), ($1, '2025-02', 'SUBMITTED', NULL)`, [org.id]);
    // As long after the imports and runs: statistics and visibility settled.
    await client.query(`VACUUM ANALYZE "Order", "SettlementLine", "BankTransaction", "MatchGroup", "MatchItem", "MatchAdjustment"`);
    const counts: Record<string, number> = {};
    for (const group of groups) counts[group.status] = (counts[group.status] ?? 0) + 1;
    return { orgId: org.id, groups: counts, items: flatItems.length };
  } finally {
    client.release();
  }
}
