// The run's fast paths (COPY out of the row tables, COPY into the match tables) against what the
// rows say through Prisma: every field, NULLs, escapes (TAB, newline, backslash), Chinese text,
// big amounts, what decided groups spent (with their slots), and the replace-open-proposals rule.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { SPENT_SIDES, SPENT_SLOTS, type MatchProposal } from "@/lib/match-engine";
import { loadReconcileInput } from "@/lib/match-runs/load-reconcile-input";
import { inputRowFacts } from "@/lib/match-runs/input-row-facts";
import { saveProposals } from "@/lib/match-runs/save-proposals";
import { fillGroupFactsSql } from "@/lib/ledger/group-facts";
import { createStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, STORE_INPUT, db, makeOrg } from "./fixtures";

afterAll(() => closePgPool());

const AWKWARD = "备注\t含制表符\n换行 \\ 反斜杠 \\N 不是空值";
const BIG = 2n ** 52n + 7n;

async function world() {
  const org = await makeOrg("往返测试");
  const store = await createStore(db, org, STORE_INPUT);
  const bank = await createFundAccount(db, org, ACCOUNT_INPUT);
  const wallet = await createFundAccount(db, org, { ...ACCOUNT_INPUT, name: "支付宝", type: "ALIPAY", institution: "支付宝", accountNumber: null });
  const batchId = randomUUID();
  const common = { orgId: org.orgId, batchId };
  await db.order.createMany({
    data: [
      { ...common, storeId: store.id, sourceRow: 2, orderNo: "T-1", paidAmountMinor: 12_345n, currency: "CNY", naturalKey: "a", paidAt: new Date("2025-03-01T10:00:00Z"), confirmedAt: new Date("2025-03-05T23:59:58Z"), status: "交易成功", subOrderNo: "T-1-1", merchantReceivedMinor: 11_000n, refundMinor: 345n, afterSaleStatus: AWKWARD },
      { ...common, storeId: store.id, sourceRow: 3, orderNo: "T-2\\x", paidAmountMinor: BIG, currency: "CNY", naturalKey: "b" },
    ],
  });
  await db.settlementLine.createMany({
    data: [
      { ...common, storeId: store.id, sourceRow: 7, lineType: "SALE", orderNo: "T-1", amountMinor: 12_345n, currency: "CNY", occurredOn: new Date("2025-03-06"), occurredAt: new Date("2025-03-06T08:00:01Z"), reference: "R1", memo: AWKWARD, naturalKey: "c" },
      { ...common, storeId: store.id, sourceRow: 8, lineType: "WITHDRAWAL", payoutId: "P-9", amountMinor: -BIG, currency: "CNY", occurredOn: new Date("2025-03-07"), naturalKey: "d" },
    ],
  });
  await db.bankTransaction.createMany({
    data: [
      { ...common, fundAccountId: wallet.id, sourceRow: 1, amountMinor: -1_234n, currency: "CNY", occurredOn: new Date("2025-03-06"), occurredAt: new Date("2025-03-06T08:00:02Z"), merchantOrderNo: "T200PT-1", memo: "收费 / 佣金", counterparty: "支付宝（中国）网络技术有限公司", balanceMinor: BIG, naturalKey: "e" },
      { ...common, fundAccountId: bank.id, sourceRow: 4, amountMinor: 99_999n, currency: "CNY", occurredOn: new Date("2025-03-08"), reference: "B\t1", secondaryReference: "S2", counterpartyAccount: "621483", memo: AWKWARD, naturalKey: "f" },
    ],
  });
  return { org, store, bank, wallet };
}

/** What the rows say, read through Prisma and mapped as the engine's records. */
async function expectedInput(orgId: string) {
  const day = (value: Date) => value.toISOString().slice(0, 10);
  const wallClock = (value: Date) => value.toISOString().slice(0, 19);
  const orders = await db.order.findMany({ where: { orgId }, orderBy: { id: "asc" } });
  const lines = await db.settlementLine.findMany({ where: { orgId }, orderBy: { id: "asc" } });
  const rows = await db.bankTransaction.findMany({ where: { orgId }, orderBy: { id: "asc" } });
  return {
    orders: orders.map((o) => ({
      side: "order",
      id: String(o.id),
      storeId: o.storeId,
      orderNo: o.orderNo,
      subOrderNo: o.subOrderNo ?? undefined,
      paidMinor: o.paidAmountMinor,
      refundMinor: o.refundMinor,
      merchantReceivedMinor: o.merchantReceivedMinor ?? undefined,
      currency: o.currency,
      paidOn: o.paidAt ? day(o.paidAt) : undefined,
      confirmedOn: o.confirmedAt ? day(o.confirmedAt) : undefined,
      confirmedAt: o.confirmedAt ? wallClock(o.confirmedAt) : undefined,
      status: o.status ?? undefined,
      afterSaleStatus: o.afterSaleStatus ?? undefined,
    })),
    settlementLines: lines.map((l) => ({
      side: "settlement",
      id: String(l.id),
      storeId: l.storeId,
      lineType: l.lineType,
      orderNo: l.orderNo ?? undefined,
      payoutId: l.payoutId ?? undefined,
      amountMinor: l.amountMinor,
      currency: l.currency,
      occurredOn: day(l.occurredOn),
      occurredAt: l.occurredAt ? wallClock(l.occurredAt) : undefined,
      sequence: l.sourceRow,
      reference: l.reference ?? undefined,
      memo: l.memo ?? undefined,
    })),
    bankTransactions: rows.map((r) => ({
      side: "bank",
      id: String(r.id),
      accountId: r.fundAccountId,
      amountMinor: r.amountMinor,
      currency: r.currency,
      occurredOn: day(r.occurredOn),
      occurredAt: r.occurredAt ? wallClock(r.occurredAt) : undefined,
      sequence: r.sourceRow,
      reference: r.reference ?? undefined,
      secondaryReference: r.secondaryReference ?? undefined,
      counterparty: r.counterparty ?? undefined,
      memo: r.memo ?? undefined,
      merchantOrderNo: r.merchantOrderNo ?? undefined,
      balanceMinor: r.balanceMinor ?? undefined,
    })),
  };
}

describe("reconciliation load and save through COPY", () => {
  it("loads exactly what the rows say, what decided groups spent with their slots, and rejected pairs", async () => {
    const { org, store, bank, wallet } = await world();
    const expected = await expectedInput(org.orgId);
    const [order1, order2] = expected.orders;
    const [sale] = expected.settlementLines;
    const [walletRow, bankRow] = expected.bankTransactions;
    const group = (status: "CONFIRMED" | "PENDING_APPROVAL" | "PROPOSED" | "REJECTED", key: string) => ({
      id: randomUUID(),
      orgId: org.orgId,
      key,
      kind: "MANUAL" as const,
      status,
      pass: 1,
      rule: "ORDER_NO",
      link: "ORDER_SETTLEMENT",
      confidence: 100,
    });
    const confirmed = group("CONFIRMED", "OS-confirmed");
    const pending = group("PENDING_APPROVAL", "OB-pending");
    const proposed = group("PROPOSED", "OS-proposed");
    const rejected = group("REJECTED", "OS-rejected");
    await db.matchGroup.createMany({ data: [confirmed, { ...pending, link: "ORDER_BANK" }, proposed, rejected] });
    await db.matchItem.createMany({
      data: [
        { orgId: org.orgId, groupId: confirmed.id, side: "ORDER", rowId: BigInt(order1!.id), slot: "DOWN", amountMinor: -12_345n },
        { orgId: org.orgId, groupId: confirmed.id, side: "SETTLEMENT", rowId: BigInt(sale!.id), slot: "UP", amountMinor: 12_000n },
        { orgId: org.orgId, groupId: pending.id, side: "ORDER", rowId: BigInt(order2!.id), slot: "DOWN", amountMinor: -BIG },
        { orgId: org.orgId, groupId: pending.id, side: "BANK", rowId: BigInt(bankRow!.id), slot: "UP", amountMinor: 99_999n },
        { orgId: org.orgId, groupId: proposed.id, side: "ORDER", rowId: BigInt(order1!.id), slot: "DOWN", amountMinor: -1n },
        { orgId: org.orgId, groupId: rejected.id, side: "ORDER", rowId: BigInt(order1!.id), slot: "DOWN", amountMinor: -1n },
      ],
    });
    await db.matchAdjustment.createMany({
      data: [
        { orgId: org.orgId, groupId: confirmed.id, type: "COMMISSION", amountMinor: 345n, note: AWKWARD },
        { orgId: org.orgId, groupId: pending.id, type: "OTHER", amountMinor: BIG - 99_999n },
      ],
    });
    await db.rejectedPair.create({ data: { orgId: org.orgId, aSide: "ORDER", aRowId: BigInt(order1!.id), bSide: "BANK", bRowId: BigInt(walletRow!.id) } });

    const input = await loadReconcileInput(getPgPool(), org.orgId);
    // Rows come in the table's order, not sorted (the engine's result does not depend on it).
    const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
    expect(byId(input.orders)).toEqual(expected.orders);
    expect(byId(input.settlementLines)).toEqual(expected.settlementLines);
    expect(byId(input.bankTransactions)).toEqual(expected.bankTransactions);
    // Only the fields a row has: no keys holding undefined.
    for (const row of [...input.orders, ...input.settlementLines, ...input.bankTransactions]) expect(Object.values(row)).not.toContain(undefined);
    expect(input.stores).toEqual([{ id: store.id, platform: "TMALL", currency: "CNY", settlementTermsDays: 7, feeRateBps: 500 }]);
    expect(input.accounts).toEqual(
      [
        { id: bank.id, type: "BANK", currency: "CNY" },
        { id: wallet.id, type: "ALIPAY", currency: "CNY" },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // What the confirmed and the pending group spent, item by item with the slot each recorded; the
    // open and the rejected groups spend nothing.
    const spent = input.spent!;
    const entries = Array.from({ length: spent.count }, (_, item) => ({
      side: SPENT_SIDES[spent.side[item]!],
      id: String(spent.rowId[item]),
      slot: SPENT_SLOTS[spent.slot[item]!],
      amountMinor: spent.amountMinor[item],
    }));
    expect(entries.sort((a, b) => a.side!.localeCompare(b.side!) || Number(BigInt(a.id) - BigInt(b.id)))).toEqual([
      { side: "bank", id: bankRow!.id, slot: "up", amountMinor: 99_999 },
      { side: "order", id: order1!.id, slot: "down", amountMinor: -12_345 },
      { side: "order", id: order2!.id, slot: "down", amountMinor: -Number(BIG) },
      { side: "settlement", id: sale!.id, slot: "up", amountMinor: 12_000 },
    ]);
    expect(input.confirmed).toBeUndefined();
    expect(input.rejected).toEqual([{ a: { side: "order", id: order1!.id }, b: { side: "bank", id: walletRow!.id } }]);

    // A date scope narrows bill and bank rows, never orders.
    const scoped = await loadReconcileInput(getPgPool(), org.orgId, { from: "2025-03-07", to: "2025-03-07" });
    expect(scoped.orders).toHaveLength(2);
    expect(scoped.settlementLines.map((line) => line.payoutId)).toEqual(["P-9"]);
    expect(scoped.bankTransactions).toEqual([]);
  });

  it("saves proposals that read back equal, replacing only the open ones", async () => {
    const { org } = await world();
    const expected = await expectedInput(org.orgId);
    const [order1, order2] = expected.orders;
    const [sale, withdrawal] = expected.settlementLines;
    const [walletRow, bankRow] = expected.bankTransactions;
    const run = await db.reconciliationRun.create({ data: { orgId: org.orgId, status: "RUNNING", rulesVersion: "t", rules: {} } });
    const kept = await db.matchGroup.create({ data: { orgId: org.orgId, key: "OS-kept", kind: "MANUAL", status: "CONFIRMED", pass: 1, rule: "ORDER_NO", link: "ORDER_SETTLEMENT", confidence: 100 } });
    await db.matchGroup.create({ data: { orgId: org.orgId, key: "OS-old", kind: "AUTO", status: "PROPOSED", pass: 1, rule: "ORDER_NO", link: "ORDER_SETTLEMENT", confidence: 90, items: { create: [{ side: "ORDER", rowId: BigInt(order1!.id), slot: "DOWN", amountMinor: -1n }] }, adjustments: { create: [{ type: "OTHER", amountMinor: 1n }] } } });

    const proposals: MatchProposal[] = [
      {
        key: "OS-0000000000000a",
        pass: 1,
        rule: "ORDER_NO",
        link: "ORDER_SETTLEMENT",
        autoConfirm: true,
        confidence: 100,
        reasons: [{ code: "ORDER_NO_EXACT", params: {} }],
        items: [
          { side: "order", id: order1!.id, slot: "down", amountMinor: -12_345n },
          { side: "settlement", id: sale!.id, slot: "up", amountMinor: 12_345n },
        ],
        adjustments: [],
      },
      {
        key: "PB-0000000000000b",
        pass: 3,
        rule: "AMOUNT_DATE",
        link: "PAYOUT_BANK",
        autoConfirm: false,
        confidence: 60,
        reasons: [{ code: "DATE_DIFF_DAYS", params: { days: "1", note: AWKWARD } }],
        items: [
          { side: "settlement", id: withdrawal!.id, slot: "down", amountMinor: -BIG },
          { side: "bank", id: bankRow!.id, slot: "up", amountMinor: 99_999n },
          { side: "bank", id: walletRow!.id, slot: "up", amountMinor: 1_234n },
        ],
        adjustments: [
          { type: "FEE", amountMinor: BIG - 101_233n - 1n, note: AWKWARD, about: { side: "order", id: order2!.id } },
          { type: "ROUNDING", amountMinor: 1n },
        ],
      },
    ];
    const now = new Date("2025-04-01T12:00:00.123Z");
    const saved = await saveProposals(getPgPool(), org.orgId, run.id, proposals, inputRowFacts(await loadReconcileInput(getPgPool(), org.orgId)), { now });
    expect(saved).toEqual({ proposed: 1, autoConfirmed: 1, replaced: 1, keptInLockedMonths: 0, keptOutsideScope: 0, skippedOverlapping: 0 });
    // The replaced proposal's items and adjustments went with it (a statement trigger, not an FK).
    const orphans = await db.$queryRawUnsafe<{ items: bigint; adjustments: bigint }[]>(
      `SELECT (SELECT count(*) FROM "MatchItem" i WHERE NOT EXISTS (SELECT 1 FROM "MatchGroup" g WHERE g.id = i."groupId")) AS items,
              (SELECT count(*) FROM "MatchAdjustment" a WHERE NOT EXISTS (SELECT 1 FROM "MatchGroup" g WHERE g.id = a."groupId")) AS adjustments`,
    );
    expect(orphans).toEqual([{ items: 0n, adjustments: 0n }]);

    const groups = await db.matchGroup.findMany({ where: { orgId: org.orgId }, include: { items: { orderBy: [{ side: "asc" }, { rowId: "asc" }, { slot: "asc" }] }, adjustments: { orderBy: { id: "asc" } } }, orderBy: { key: "asc" } });
    expect(groups.map((group) => group.key)).toEqual(["OS-0000000000000a", "OS-kept", "PB-0000000000000b"]);
    expect(groups[1]!.id).toBe(kept.id);
    for (const [group, proposal] of [
      [groups[0]!, proposals[0]!],
      [groups[2]!, proposals[1]!],
    ] as const) {
      expect(group.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(group).toMatchObject({
        runId: run.id,
        kind: "AUTO",
        status: proposal.autoConfirm ? "CONFIRMED" : "PROPOSED",
        decidedAt: proposal.autoConfirm ? now : null,
        pass: proposal.pass,
        rule: proposal.rule,
        link: proposal.link,
        confidence: proposal.confidence,
        reasons: proposal.reasons,
      });
      // Stored in the table's key order: side (order, settlement, bank), row id, slot.
      const sideRank = { order: 0, settlement: 1, bank: 2 } as const;
      const inKeyOrder = [...proposal.items].sort((a, b) => sideRank[a.side] - sideRank[b.side] || Number(BigInt(a.id) - BigInt(b.id)) || (a.slot! < b.slot! ? 1 : -1));
      expect(group.items.map((item) => ({ side: item.side.toLowerCase(), id: String(item.rowId), slot: item.slot.toLowerCase(), amountMinor: item.amountMinor }))).toEqual(inKeyOrder);
      expect(
        group.adjustments.map((a) => ({
          type: a.type,
          amountMinor: a.amountMinor,
          ...(a.note === null ? {} : { note: a.note }),
          ...(a.aboutSide === null ? {} : { about: { side: a.aboutSide.toLowerCase(), id: String(a.aboutRowId) } }),
        })),
      ).toEqual(proposal.adjustments);
    }
    // The list facts written with the groups (TypeScript, from the run's rows) are what SQL makes
    // of the stored items (lib/ledger/group-facts.ts).
    const factsOf = async () =>
      (await db.matchGroup.findMany({ where: { orgId: org.orgId, runId: run.id }, orderBy: { key: "asc" }, select: { key: true, amountMinor: true, differenceMinor: true, rowCount: true, day: true, storeIds: true, fundAccountIds: true } }));
    const written = await factsOf();
    expect(written).toEqual([
      { key: "OS-0000000000000a", amountMinor: 12_345n, differenceMinor: 0n, rowCount: 2, day: new Date([order1!.paidOn!, sale!.occurredOn].sort()[1]!), storeIds: [order1!.storeId], fundAccountIds: [] },
      { key: "PB-0000000000000b", amountMinor: 101_233n, differenceMinor: BIG - 101_233n, rowCount: 3, day: new Date([withdrawal!.occurredOn, bankRow!.occurredOn, walletRow!.occurredOn].sort()[2]!), storeIds: [withdrawal!.storeId], fundAccountIds: [walletRow!.accountId, bankRow!.accountId].sort() },
    ]);
    await db.$executeRawUnsafe(`UPDATE "MatchGroup" SET "amountMinor" = 0, "differenceMinor" = 0, "rowCount" = 0, day = NULL, "storeIds" = '{}', "fundAccountIds" = '{}' WHERE "runId" = $1::uuid`, run.id);
    await db.$executeRawUnsafe(fillGroupFactsSql(`SELECT id, "orgId" FROM "MatchGroup" WHERE "runId" = $1::uuid`), run.id);
    expect(await factsOf()).toEqual(written);

    // Ids of one run ascend in the order the groups were written (B-tree locality).
    expect(groups[0]!.id < groups[2]!.id).toBe(true);

    // What was saved loads back as spent: the items of the booked groups only.
    const booked = await db.matchGroup.findMany({ where: { orgId: org.orgId, status: "CONFIRMED" }, include: { items: true } });
    expect(booked.map((group) => group.key).sort()).toEqual(["OS-0000000000000a", "OS-kept"]);
    const { spent } = await loadReconcileInput(getPgPool(), org.orgId);
    const loaded = Array.from({ length: spent!.count }, (_, item) => `${SPENT_SIDES[spent!.side[item]!]}:${spent!.rowId[item]}:${SPENT_SLOTS[spent!.slot[item]!]}:${spent!.amountMinor[item]}`);
    const stored = booked.flatMap((group) => group.items.map((item) => `${item.side.toLowerCase()}:${item.rowId}:${item.slot.toLowerCase()}:${item.amountMinor}`));
    expect(stored.length).toBeGreaterThan(0);
    expect(loaded.sort()).toEqual(stored.sort());
  });

  it("says how far a long save is, in rising fractions", async () => {
    const { org } = await world();
    const [order] = (await expectedInput(org.orgId)).orders;
    const run = await db.reconciliationRun.create({ data: { orgId: org.orgId, status: "RUNNING", rulesVersion: "t", rules: {} } });
    // Enough lines for several chunks of COPY text.
    const proposals: MatchProposal[] = Array.from({ length: 6000 }, (_, n) => ({
      key: `OB-${String(n).padStart(14, "0")}`,
      pass: 3,
      rule: "AMOUNT_DATE",
      link: "ORDER_BANK",
      autoConfirm: false,
      confidence: 60,
      reasons: [],
      items: [{ side: "order", id: order!.id, slot: "down", amountMinor: -1n }],
      adjustments: [{ type: "OTHER", amountMinor: 1n }],
    }));
    const fractions: number[] = [];
    await saveProposals(getPgPool(), org.orgId, run.id, proposals, () => undefined, { onProgress: (fraction) => fractions.push(fraction) });
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBeGreaterThan(0);
    expect(fractions[fractions.length - 1]).toBeLessThanOrEqual(1);
    expect(await db.matchGroup.count({ where: { orgId: org.orgId } })).toBe(6000);
  });
});
