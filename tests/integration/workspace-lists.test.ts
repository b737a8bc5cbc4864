// The workspace's lists on a small hand-made month, so that making their SQL faster cannot change
// what they show: what is left of each row (only CONFIRMED and PENDING_APPROVAL groups take from it),
// flow signs (a withdrawal's flow is positive, a commission's negative), filters, paging and totals;
// and the group list's and month list's figures on the same rows.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { defaultRules } from "@/lib/match-engine";
import { createStore } from "@/lib/stores/store-service";
import { groupFilterSchema, listGroups } from "@/lib/match-review/list-groups";
import { listPeriods } from "@/lib/match-review/list-periods";
import { listUnmatched, unmatchedFilterSchema, type UnmatchedFilter, type UnmatchedList } from "@/lib/match-review/list-unmatched";
import { ACCOUNT_INPUT, STORE_INPUT, db, fillGroupFacts, makeOrg } from "./fixtures";

const rules = defaultRules();
const day = (text: string) => new Date(`${text}T00:00:00Z`);

async function makeMonth() {
  const owner = await makeOrg("对账列表测试");
  const orgId = owner.orgId;
  const tmall = await createStore(db, owner, STORE_INPUT);
  const pdd = await createStore(db, owner, { ...STORE_INPUT, name: "拼多多店", platform: "PDD" });
  const bank = await createFundAccount(db, owner, ACCOUNT_INPUT);
  const wallet = await createFundAccount(db, owner, { name: "支付宝", type: "ALIPAY", institution: "支付宝", accountNumber: null, currency: "CNY" });
  const batch = await db.importBatch.create({ data: { orgId, status: "COMMITTED", fileName: "三月.csv", fileSha256: randomUUID(), fileSizeBytes: 1n } });
  const batchId = batch.id;
  let sourceRow = 1;

  const order = async (orderNo: string, paidMinor: bigint, paidOn: string, storeId = tmall.id) =>
    (
      await db.order.create({
        data: { orgId, storeId, batchId, sourceRow: ++sourceRow, orderNo, status: "交易成功", paidAmountMinor: paidMinor, currency: "CNY", paidAt: new Date(`${paidOn}T10:00:00Z`), naturalKey: orderNo },
      })
    ).id;
  const line = async (lineType: "SALE" | "COMMISSION" | "WITHDRAWAL", amountMinor: bigint, occurredOn: string, extra: { orderNo?: string; payoutId?: string; memo?: string } = {}) =>
    (
      await db.settlementLine.create({
        data: { orgId, storeId: tmall.id, batchId, sourceRow: ++sourceRow, lineType, amountMinor, currency: "CNY", occurredOn: day(occurredOn), naturalKey: randomUUID(), ...extra },
      })
    ).id;
  const bankRow = async (accountId: string, amountMinor: bigint, occurredOn: string, extra: { reference?: string; memo?: string; counterparty?: string } = {}) =>
    (
      await db.bankTransaction.create({
        data: { orgId, fundAccountId: accountId, batchId, sourceRow: ++sourceRow, amountMinor, currency: "CNY", occurredOn: day(occurredOn), naturalKey: randomUUID(), ...extra },
      })
    ).id;
  type Item = { side: "ORDER" | "SETTLEMENT" | "BANK"; rowId: bigint; slot: "UP" | "DOWN"; amountMinor: bigint };
  const group = async (status: "PROPOSED" | "PENDING_APPROVAL" | "CONFIRMED" | "REJECTED" | "REVERSED", link: string, confidence: number, items: Item[], adjustments: { type: "COMMISSION" | "FEE"; amountMinor: bigint }[] = []) =>
    {
      const created = await db.matchGroup.create({
        data: { orgId, key: randomUUID(), kind: "AUTO", status, pass: 1, rule: "ORDER_NO", link, confidence, items: { create: items }, adjustments: { create: adjustments } },
      });
      await fillGroupFacts(orgId, created.id);
      return created;
    };

  const o1 = await order("T-1001", 10_000n, "2025-03-05");
  const o2 = await order("P-2002", 20_000n, "2025-03-06", pdd.id);
  const o3 = await order("T-1003", 5_000n, "2025-03-20");
  const o4 = await order("T-1004", 8_000n, "2025-03-02");
  const sale = await line("SALE", 10_000n, "2025-03-08", { orderNo: "T-1001", memo: "交易收入" });
  const commission = await line("COMMISSION", -500n, "2025-03-08", { orderNo: "T-1001", memo: "技术服务费" });
  const withdrawal = await line("WITHDRAWAL", -9_500n, "2025-03-09", { payoutId: "PO-77", memo: "提现" });
  const walletOut = await bankRow(wallet.id, -30_000n, "2025-03-10", { reference: "ALI-1", memo: "提现-实时提现" });
  const walletIn = await bankRow(wallet.id, 12_000n, "2025-03-11", { reference: "ALI-2", memo: "交易收款" });
  const b1 = await bankRow(bank.id, 9_500n, "2025-03-12", { reference: "CMB-1", counterparty: "浙江天猫技术有限公司" });
  const b2 = await bankRow(bank.id, 50_000n, "2025-03-13", { reference: "CMB-2", counterparty: "上海寻梦信息技术有限公司" });
  const b3 = await bankRow(bank.id, -2_000n, "2025-03-14", { reference: "CMB-3", counterparty: "房东" });

  // O4 fully paid by B1 (B1 keeps ¥15.00 open); ¥50 of O2 paid by B2, waiting for approval (it counts).
  await group("CONFIRMED", "ORDER_BANK", 90, [
    { side: "ORDER", rowId: o4, slot: "DOWN", amountMinor: -8_000n },
    { side: "BANK", rowId: b1, slot: "UP", amountMinor: 8_000n },
  ]);
  await group("PENDING_APPROVAL", "ORDER_BANK", 100, [
    { side: "ORDER", rowId: o2, slot: "DOWN", amountMinor: -5_000n },
    { side: "BANK", rowId: b2, slot: "UP", amountMinor: 5_000n },
  ]);
  // Proposals, rejected and reversed groups take nothing.
  await group(
    "PROPOSED",
    "ORDER_SETTLEMENT",
    80,
    [
      { side: "ORDER", rowId: o1, slot: "DOWN", amountMinor: -10_000n },
      { side: "SETTLEMENT", rowId: sale, slot: "UP", amountMinor: 10_000n },
      { side: "SETTLEMENT", rowId: commission, slot: "UP", amountMinor: -500n },
    ],
    [{ type: "COMMISSION", amountMinor: 500n }],
  );
  await group("REJECTED", "ORDER_BANK", 40, [
    { side: "ORDER", rowId: o3, slot: "DOWN", amountMinor: -5_000n },
    { side: "BANK", rowId: b2, slot: "UP", amountMinor: 5_000n },
  ]);
  await group("REVERSED", "ORDER_BANK", 90, [
    { side: "ORDER", rowId: o3, slot: "DOWN", amountMinor: -5_000n },
    { side: "BANK", rowId: b3, slot: "UP", amountMinor: 5_000n },
  ]);
  return { orgId, tmall, pdd, bank, wallet, ids: { o1, o2, o3, o4, sale, commission, withdrawal, walletOut, walletIn, b1, b2, b3 } };
}

type Month = Awaited<ReturnType<typeof makeMonth>>;

const list = (month: Month, which: UnmatchedList, slot: "up" | "down", params: Record<string, string> = {}, pageSize?: number, row?: UnmatchedFilter["row"]) =>
  listUnmatched(db, month.orgId, which, slot, { ...unmatchedFilterSchema.parse(params), ...(row ? { row } : {}) }, rules, pageSize);
const brief = (rows: { side: string; id: string; remainingMinor: bigint; flowMinor: bigint }[]) => rows.map((row) => [row.side, row.id, row.remainingMinor, row.flowMinor]);

describe("listUnmatched", () => {
  it("shows what is left of each row, signed as the money flows, with the page's totals", async () => {
    const month = await makeMonth();
    const { ids } = month;

    const orders = await list(month, "orders", "down");
    expect(brief(orders.rows)).toEqual([
      ["order", ids.o1.toString(), 10_000n, 10_000n],
      ["order", ids.o2.toString(), 15_000n, 15_000n],
      ["order", ids.o3.toString(), 5_000n, 5_000n],
    ]);
    expect(orders).toMatchObject({ total: 3, remainingMinor: 30_000n, page: 1, pages: 1 });
    expect(orders.rows.map((row) => [row.day, row.ref, row.owner, row.amountMinor, row.proposed, row.file, row.currency])).toEqual([
      ["2025-03-05", "T-1001", "天猫旗舰店", 10_000n, true, "三月.csv", "CNY"],
      ["2025-03-06", "P-2002", "拼多多店", 20_000n, false, "三月.csv", "CNY"],
      ["2025-03-20", "T-1003", "天猫旗舰店", 5_000n, false, "三月.csv", "CNY"],
    ]);

    // Bill lines and wallet rows: a withdrawal's flow is positive, a commission's negative.
    const lines = await list(month, "lines", "down");
    expect(brief(lines.rows)).toEqual([
      ["settlement", ids.sale.toString(), 10_000n, 10_000n],
      ["settlement", ids.commission.toString(), 500n, -500n],
      ["settlement", ids.withdrawal.toString(), 9_500n, 9_500n],
      ["bank", ids.walletOut.toString(), 30_000n, 30_000n],
      ["bank", ids.walletIn.toString(), 12_000n, 12_000n],
    ]);
    expect(lines).toMatchObject({ total: 5, remainingMinor: 62_000n });
    expect(lines.rows.map((row) => row.kind)).toEqual(["SALE", "COMMISSION", "WITHDRAWAL", null, null]);
    // The proposal wants the sale and commission on their "up" side, not on this one.
    expect(lines.rows.map((row) => row.proposed)).toEqual([false, false, false, false, false]);
    expect((await list(month, "lines", "up")).rows.filter((row) => row.proposed).map((row) => row.id)).toEqual([ids.sale.toString(), ids.commission.toString()]);

    // Bank rows: B1 keeps ¥15.00, B2 ¥450.00 (the pending match counts, the rejected one does not), a payment out is negative.
    const bank = await list(month, "bank", "up");
    expect(brief(bank.rows)).toEqual([
      ["bank", ids.b1.toString(), 1_500n, 1_500n],
      ["bank", ids.b2.toString(), 45_000n, 45_000n],
      ["bank", ids.b3.toString(), 2_000n, -2_000n],
    ]);
    expect(bank).toMatchObject({ total: 3, remainingMinor: 48_500n });
    expect(bank.rows.map((row) => [row.ref, row.detail, row.owner])).toEqual([
      ["CMB-1", "浙江天猫技术有限公司", "招商银行基本户"],
      ["CMB-2", "上海寻梦信息技术有限公司", "招商银行基本户"],
      ["CMB-3", "房东", "招商银行基本户"],
    ]);
    // On their other side nothing is allocated yet.
    expect((await list(month, "bank", "down")).remainingMinor).toBe(9_500n + 50_000n + 2_000n);
  });

  it("filters by text, owner, dates, what is left, and one row", async () => {
    const month = await makeMonth();
    const { ids } = month;
    const idsOf = (page: { rows: { id: string }[] }) => page.rows.map((row) => row.id);

    expect(idsOf(await list(month, "orders", "down", { q: "P-20" }))).toEqual([ids.o2.toString()]);
    expect(idsOf(await list(month, "orders", "down", { q: "交易成功" }))).toEqual([ids.o1, ids.o2, ids.o3].map(String));
    expect(idsOf(await list(month, "lines", "down", { q: "PO-77" }))).toEqual([ids.withdrawal.toString()]);
    expect(idsOf(await list(month, "bank", "up", { q: "寻梦" }))).toEqual([ids.b2.toString()]);
    expect(await list(month, "orders", "down", { q: "T-1004" })).toMatchObject({ rows: [], total: 0, remainingMinor: 0n }); // fully matched

    expect(idsOf(await list(month, "orders", "down", { owner: month.pdd.id }))).toEqual([ids.o2.toString()]);
    expect(idsOf(await list(month, "lines", "down", { owner: month.wallet.id }))).toEqual([ids.walletOut, ids.walletIn].map(String));
    expect(await list(month, "orders", "down", { owner: month.bank.id })).toMatchObject({ total: 0 });

    const dated = await list(month, "orders", "down", { from: "2025-03-06", to: "2025-03-20" });
    expect(idsOf(dated)).toEqual([ids.o2, ids.o3].map(String));
    expect(dated.remainingMinor).toBe(20_000n);
    expect(idsOf(await list(month, "bank", "up", { from: "2025-03-13" }))).toEqual([ids.b2, ids.b3].map(String));

    // Amount bounds apply to what is left (a magnitude), in yuan.
    expect(idsOf(await list(month, "orders", "down", { min: "100", max: "150" }))).toEqual([ids.o1, ids.o2].map(String));
    expect(idsOf(await list(month, "bank", "up", { max: "20" }))).toEqual([ids.b1, ids.b3].map(String));
    expect(idsOf(await list(month, "lines", "down", { min: "5", max: "5" }))).toEqual([ids.commission.toString()]);

    const combined = await list(month, "orders", "down", { q: "T-", max: "60" });
    expect(combined).toMatchObject({ total: 1, remainingMinor: 5_000n });
    expect(idsOf(combined)).toEqual([ids.o3.toString()]);

    const one = await list(month, "bank", "up", {}, 1, { side: "bank", id: ids.b2.toString() });
    expect(brief(one.rows)).toEqual([["bank", ids.b2.toString(), 45_000n, 45_000n]]);
    expect(await list(month, "orders", "down", {}, 1, { side: "order", id: ids.o4.toString() })).toMatchObject({ rows: [], total: 0 });
    expect(idsOf(await list(month, "lines", "down", {}, 1, { side: "bank", id: ids.walletOut.toString() }))).toEqual([ids.walletOut.toString()]);
  });

  it("pages by day, side and id, with the totals of the whole filtered list on every page", async () => {
    const month = await makeMonth();
    const { ids } = month;
    const first = await list(month, "lines", "down", {}, 2);
    const second = await list(month, "lines", "down", { page: "2" }, 2);
    const third = await list(month, "lines", "down", { page: "3" }, 2);
    for (const page of [first, second, third]) expect(page).toMatchObject({ total: 5, remainingMinor: 62_000n, pages: 3 });
    expect([...first.rows, ...second.rows, ...third.rows].map((row) => row.id)).toEqual([ids.sale, ids.commission, ids.withdrawal, ids.walletOut, ids.walletIn].map(String));
    expect(third.rows).toHaveLength(1);
    // Past the end: no rows, but the count still says how many there are.
    const beyond = await list(month, "lines", "down", { page: "9" }, 2);
    expect(beyond).toMatchObject({ rows: [], total: 5, page: 9, pages: 3 });
  });
});

describe("listGroups and listPeriods on the same month", () => {
  it("totals what arrived downstream per group and counts open rows per month", async () => {
    const month = await makeMonth();
    const confirmed = await listGroups(db, month.orgId, ["CONFIRMED", "PENDING_APPROVAL"], groupFilterSchema.parse({}));
    expect(confirmed).toMatchObject({ total: 2, totalAmountMinor: 13_000n, pages: 1 });
    // Highest confidence first: the pending ¥50 (day of its latest row, B2), then O4 ↔ B1.
    expect(confirmed.groups.map((group) => [group.status, group.amountMinor, group.day, group.rows.length])).toEqual([
      ["PENDING_APPROVAL", 5_000n, "2025-03-13", 2],
      ["CONFIRMED", 8_000n, "2025-03-12", 2],
    ]);
    const proposed = await listGroups(db, month.orgId, ["PROPOSED"], groupFilterSchema.parse({}));
    expect(proposed.groups.map((group) => [group.amountMinor, group.day, group.rows.map((row) => [row.side, row.slot, row.amountMinor])])).toEqual([
      [
        9_500n,
        "2025-03-08",
        [
          ["order", "down", -10_000n],
          ["settlement", "up", 10_000n],
          ["settlement", "up", -500n],
        ],
      ],
    ]);
    expect(await listGroups(db, month.orgId, ["CONFIRMED", "PENDING_APPROVAL"], groupFilterSchema.parse({ min: "60", to: "2025-03-12" }))).toMatchObject({ total: 1, totalAmountMinor: 8_000n });

    const periods = await listPeriods(db, month.orgId);
    expect(periods.map((period) => [period.month, period.status, period.openOrders, period.openBank])).toEqual([["2025-03", "OPEN", 3, 3]]);
  });
});

describe("the tables' server-side order, 合计 and subtotals", () => {
  it("sorts the whole filtered list and sums it by store or account, not just the page", async () => {
    const month = await makeMonth();
    const { ids } = month;
    const byRemaining = await list(month, "orders", "down", { sort: "remaining", dir: "desc" }, 2);
    expect(byRemaining.rows.map((row) => row.id)).toEqual([ids.o2, ids.o1].map(String));
    const lastDayFirst = await list(month, "orders", "down", { sort: "day", dir: "desc" });
    expect(lastDayFirst.rows.map((row) => row.id)).toEqual([ids.o3, ids.o2, ids.o1].map(String));
    // A page of two still carries the sums of all three open orders, per store.
    expect(byRemaining.remainingMinor).toBe(30_000n);
    expect(new Map(byRemaining.subtotals.map((sub) => [sub.owner, [sub.count, sub.remainingMinor]]))).toEqual(
      new Map([
        [month.tmall.name, [2, 15_000n]],
        [month.pdd.name, [1, 15_000n]],
      ]),
    );

    const groups = await listGroups(db, month.orgId, ["CONFIRMED", "PENDING_APPROVAL"], groupFilterSchema.parse({ sort: "amount", dir: "asc" }), 1);
    expect(groups.groups.map((group) => [group.amountMinor, group.owner, group.differenceMinor])).toEqual([[5_000n, month.pdd.name, 0n]]);
    expect(groups.totals).toEqual({ count: 2, rows: 4, amountMinor: 13_000n, differenceMinor: 0n });
    expect(groups.subtotals).toEqual([
      { owner: month.tmall.name, mixed: false, count: 1, rows: 2, amountMinor: 8_000n, differenceMinor: 0n },
      { owner: month.pdd.name, mixed: false, count: 1, rows: 2, amountMinor: 5_000n, differenceMinor: 0n },
    ]);
    const proposed = await listGroups(db, month.orgId, ["PROPOSED"], groupFilterSchema.parse({}));
    expect(proposed.totals).toEqual({ count: 1, rows: 3, amountMinor: 9_500n, differenceMinor: 500n });
    // Past the last page the sums still come back.
    expect((await listGroups(db, month.orgId, ["PROPOSED"], groupFilterSchema.parse({ page: "5" }))).totals.count).toBe(1);
  });
});

describe("a group whose rows belong to two stores", () => {
  // Issue 14: the subtotals counted such a group under one of its stores.
  it("is subtotalled as several stores, shown without an owner, and found under either store's filter", async () => {
    const month = await makeMonth();
    const { ids } = month;
    const both = await db.matchGroup.create({
      data: {
        orgId: month.orgId, key: randomUUID(), kind: "MANUAL", status: "CONFIRMED", pass: 0, rule: "MANUAL", link: "ORDER_BANK", confidence: 100,
        items: { create: [
          { side: "ORDER", rowId: ids.o1, slot: "DOWN", amountMinor: -10_000n },
          { side: "ORDER", rowId: ids.o3, slot: "DOWN", amountMinor: -5_000n },
          { side: "ORDER", rowId: ids.o2, slot: "DOWN", amountMinor: -15_000n },
          { side: "BANK", rowId: ids.b2, slot: "UP", amountMinor: 30_000n },
        ] },
      },
    });
    await fillGroupFacts(month.orgId, both.id);
    const all = await listGroups(db, month.orgId, ["CONFIRMED"], groupFilterSchema.parse({}));
    const listed = all.groups.find((group) => group.id === both.id)!;
    expect([listed.owner, listed.ownerMixed, listed.amountMinor, listed.day]).toEqual([null, true, 30_000n, "2025-03-20"]);
    expect(all.subtotals.map((sub) => [sub.owner, sub.mixed, sub.count, sub.amountMinor])).toEqual([
      ["", true, 1, 30_000n],
      [month.tmall.name, false, 1, 8_000n],
    ]);
    for (const store of [month.tmall.id, month.pdd.id]) {
      const filtered = await listGroups(db, month.orgId, ["CONFIRMED"], groupFilterSchema.parse({ store }));
      expect(filtered.groups.map((group) => group.id)).toContain(both.id);
    }
    const byAccount = await listGroups(db, month.orgId, ["CONFIRMED"], groupFilterSchema.parse({ account: month.bank.id }));
    expect(byAccount.total).toBe(2);
  });
});
