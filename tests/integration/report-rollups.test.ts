// The reports' rollups (decision 0011) against the base rows: ReportBankRow and ReportPayout, as the
// receivables job rebuilds them, must give exactly what the SQL the reports ran live over the ledger
// gives (report-rollups-live-sql.ts), on a generated month imported and reconciled, and again after
// each kind of change the rebuild has to notice: a statement imported into a new account, that
// import undone, another imported in its place, matches reversed. The bank chain is also checked
// against each account's rows summed here in file order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { generateMonth, type GeneratedMonth } from "@/lib/generate";
import { importFile } from "@/lib/import-batches/import-file";
import { undoBatch } from "@/lib/import-batches/undo-batch";
import { confirmProposals } from "@/lib/match-review/decide-proposals";
import { reverseMatches } from "@/lib/match-review/reverse-match";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { resolveReportFilters, type ReportFilterInput } from "@/lib/reports/report-filters";
import { refreshReceivablesAndRollups } from "@/lib/reports/rollups/refresh-report-rollups";
import { standardReport } from "@/lib/reports/standard-reports";
import { db, makeOrg } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";
import { LIVE_PAYOUTS_SQL, LIVE_ROLLFORWARD_SQL } from "./report-rollups-live-sql";

const MONTH = { from: "2025-03-01", to: "2025-03-31" };
// Every day the generated data has (a report takes at most five years).
const EVER = { from: "2022-01-01", to: "2026-12-31" };
const PERIODS = [MONTH, { from: "2025-03-10", to: "2025-03-20" }, { from: "2025-03-17", to: "2025-03-17" }, EVER];

let owner: OrgContext;
let outDir: string;
let month: GeneratedMonth;

const rebuild = () => refreshReceivablesAndRollups(getPgPool(), owner.orgId);

async function importGeneratedMonth(ctx: OrgContext) {
  await importGeneratedFiles(ctx, month);
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "report-rollups-"));
  owner = await makeOrg("报表汇总表公司");
  month = await generateMonth({ orders: 600, seed: 23, outDir });
  await importGeneratedMonth(owner);
  await runReconciliation(db, owner, {}, getPgPool());
  const proposed = await db.matchGroup.findMany({ where: { orgId: owner.orgId, status: "PROPOSED" }, select: { id: true } });
  await confirmProposals(db, owner, proposed.map((group) => group.id));
  await rebuild();
}, 300_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

type LiveRollforward = { fundAccountId: string; currency: string; rows: bigint; inMinor: bigint; outMinor: bigint; breaks: bigint; opening: bigint | null; printedClosing: bigint | null };

/** The roll-forward read through ReportBankRow equals the live walk of the chain, for each period. */
async function expectRollforwardLikeLive(periods: ReportFilterInput[] = PERIODS) {
  for (const period of periods) {
    const live = await db.$queryRawUnsafe<LiveRollforward[]>(LIVE_ROLLFORWARD_SQL, owner.orgId, null, period.from, period.to);
    const filters = await resolveReportFilters(db, owner.orgId, period);
    const report = await standardReport("rollforward")!.run(db, { orgId: owner.orgId, timeZone: "Asia/Shanghai", asOf: "2025-04-30" }, filters);
    const fromRollup = report.rows.map((row, index) => ({
      fundAccountId: report.drill![index]!.account,
      currency: row.currency,
      rows: row.rows,
      inMinor: row.in,
      outMinor: row.out,
      breaks: row.breaks,
      opening: row.opening,
      printedClosing: row.printedClosing,
    }));
    const want = live.map(({ fundAccountId, currency, rows, inMinor, outMinor, breaks, opening, printedClosing }) => ({ fundAccountId, currency, rows, inMinor, outMinor, breaks, opening, printedClosing }));
    expect(fromRollup, `${period.from}…${period.to}`).toEqual(want);
  }
}

/** Each account's rollup rows, against its rows read in file order and summed here. */
async function expectBankRowsLikeFiles() {
  const accounts = await db.fundAccount.findMany({ where: { orgId: owner.orgId } });
  for (const account of accounts) {
    const rows = await db.bankTransaction.findMany({ where: { orgId: owner.orgId, fundAccountId: account.id }, orderBy: [{ batchId: "asc" }, { sourceRow: "asc" }] });
    const batches = new Set(rows.map((row) => row.batchId));
    const rolled = await db.reportBankRow.findMany({ where: { orgId: owner.orgId, fundAccountId: account.id }, orderBy: { position: "asc" } });
    if (batches.size > 1) throw new Error(`${account.name}: one statement per account in this test`);
    let run = 0n;
    let previous: { balance: bigint; run: bigint } | null = null;
    const expected = rows.map((row, index) => {
      run += row.amountMinor;
      let breakMinor: bigint | null = null;
      if (row.balanceMinor !== null) {
        if (previous) breakMinor = row.balanceMinor - (previous.balance + run - previous.run);
        previous = { balance: row.balanceMinor, run };
      }
      return { position: BigInt(index + 1), bankTransactionId: row.id, amountMinor: row.amountMinor, balanceMinor: row.balanceMinor, runMinor: run, breakMinor, currency: row.currency };
    });
    expect(
      rolled.map(({ position, bankTransactionId, amountMinor, balanceMinor, runMinor, breakMinor, currency }) => ({ position, bankTransactionId, amountMinor, balanceMinor, runMinor, breakMinor, currency })),
      account.name,
    ).toEqual(expected);
  }
  // No rows of an account or row that is gone.
  expect(await db.reportBankRow.count({ where: { orgId: owner.orgId } })).toBe(await db.bankTransaction.count({ where: { orgId: owner.orgId } }));
}

type LivePayout = {
  side: string; id: bigint; day: string; reference: string | null; currency: string; amount: bigint; orders: bigint; lines: bigint;
  sales: bigint; fees: bigint; refunds: bigint; other: bigint; receivedOn: string | null; received: bigint; taken: bigint;
  storeIds: string[]; accountId: string | null; receivedAccountId: string | null;
};

async function livePayouts(period: ReportFilterInput, filter: { store?: string; platform?: string; account?: string } = {}): Promise<LivePayout[]> {
  const { walletKeywords: words } = await getOrgRules(db, owner.orgId);
  return db.$queryRawUnsafe<LivePayout[]>(
    LIVE_PAYOUTS_SQL,
    owner.orgId, period.from, period.to,
    [...words.WITHDRAWAL], [...words.REFUND], [...words.COMMISSION, ...words.SERVICE_FEE, ...words.PROMOTION],
    null, null, filter.store ?? null, filter.platform ?? null, filter.account ?? null,
  );
}

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/** ReportPayout row by row against the live SQL over every day, and the report over the month with each filter. */
async function expectPayoutsLikeLive() {
  const live = await livePayouts(EVER);
  expect(live.length).toBeGreaterThan(10);
  const rolled = await db.reportPayout.findMany({ where: { orgId: owner.orgId } });
  const key = (side: string, id: bigint) => `${side}:${id}`;
  const byKey = new Map(rolled.map((row) => [key(row.side, row.payoutId), row]));
  expect(rolled).toHaveLength(live.length);
  for (const want of live) {
    const row = byKey.get(key(want.side, want.id));
    expect(row, key(want.side, want.id)).toBeDefined();
    expect(
      {
        day: day(row!.day), reference: row!.reference, currency: row!.currency, amount: row!.amountMinor, orders: row!.orders, lines: row!.lines,
        sales: row!.salesMinor, fees: row!.feesMinor, refunds: row!.refundsMinor, other: row!.otherMinor, receivedOn: day(row!.receivedOn),
        received: row!.receivedMinor, taken: row!.takenMinor, storeIds: [...row!.storeIds].sort(), accountId: row!.accountId, receivedAccountId: row!.receivedAccountId,
      },
      key(want.side, want.id),
    ).toEqual({
      day: want.day, reference: want.reference, currency: want.currency, amount: want.amount, orders: want.orders, lines: want.lines,
      sales: want.sales, fees: want.fees, refunds: want.refunds, other: want.other, receivedOn: want.receivedOn,
      received: want.received, taken: want.taken, storeIds: [...want.storeIds].sort(), accountId: want.accountId, receivedAccountId: want.receivedAccountId,
    });
  }
  // The report as the page shows it, through its filters: the same payouts, in the same order.
  const stores = await db.store.findMany({ where: { orgId: owner.orgId } });
  const accounts = await db.fundAccount.findMany({ where: { orgId: owner.orgId } });
  const filtersToTry: { store?: string; platform?: string; account?: string }[] = [
    {},
    ...stores.map((store) => ({ store: store.id })),
    { platform: "PDD" },
    { platform: "JD" },
    ...accounts.map((account) => ({ account: account.id })),
  ];
  for (const filter of filtersToTry) {
    const want = await livePayouts(MONTH, filter);
    const filters = await resolveReportFilters(db, owner.orgId, { ...MONTH, ...filter });
    const report = await standardReport("payouts")!.run(db, { orgId: owner.orgId, timeZone: "Asia/Shanghai", asOf: "2025-04-30" }, filters);
    expect(report.drill!.map((drill) => drill?.payout), JSON.stringify(filter)).toEqual(want.map((row) => `${row.side === "SETTLEMENT" ? "S" : "B"}:${row.id}`));
    expect(report.rows.map((row) => [row.amount, row.orders, row.sales, row.fees, row.received, row.inTransit])).toEqual(
      want.map((row) => [row.amount, row.orders, row.sales, row.fees, row.received, row.amount - row.taken]),
    );
  }
}

describe("the report rollups equal the base rows", () => {
  it("on the reconciled month", async () => {
    await expectBankRowsLikeFiles();
    await expectRollforwardLikeLive();
    await expectPayoutsLikeLive();
    // Rebuilt with nothing changed, they stay the same.
    const before = await db.reportBankRow.findMany({ where: { orgId: owner.orgId }, orderBy: [{ fundAccountId: "asc" }, { position: "asc" }] });
    await rebuild();
    expect(await db.reportBankRow.findMany({ where: { orgId: owner.orgId }, orderBy: [{ fundAccountId: "asc" }, { position: "asc" }] })).toEqual(before);
    await expectPayoutsLikeLive();
  });

  it("after a statement is imported into a new account, undone, and another imported in its place", async () => {
    const bankFile = month.files.find((file) => file.format === "cmb-statement")!;
    const lines = fs.readFileSync(bankFile.path, "utf8").split("\n");
    const missing = path.join(outDir, "cmb-copy-missing-row.csv");
    fs.writeFileSync(missing, lines.filter((_, index) => index !== Math.floor(lines.length / 3)).join("\n"));
    const whole = path.join(outDir, "cmb-copy.csv");
    fs.writeFileSync(whole, lines.join("\n"));
    const account = await createFundAccount(db, owner, { name: "招行（副本）", type: "BANK", institution: "招商银行", accountNumber: null, currency: "CNY" });

    const first = await importFile(db, getPgPool(), owner, { fileName: "cmb-copy-missing-row.csv", source: fs.createReadStream(missing), fundAccountId: account.id });
    expect(first.status).toBe("COMMITTED");
    await rebuild();
    await expectBankRowsLikeFiles();
    await expectRollforwardLikeLive();
    expect(await db.reportBankRow.count({ where: { orgId: owner.orgId, fundAccountId: account.id, breakMinor: { not: 0n } } })).toBe(1);

    await undoBatch(db, owner, first.batchId);
    await rebuild();
    expect(await db.reportBankRow.count({ where: { orgId: owner.orgId, fundAccountId: account.id } })).toBe(0);
    await expectBankRowsLikeFiles();
    await expectRollforwardLikeLive();
    await expectPayoutsLikeLive();

    const second = await importFile(db, getPgPool(), owner, { fileName: "cmb-copy.csv", source: fs.createReadStream(whole), fundAccountId: account.id });
    expect(second.status).toBe("COMMITTED");
    await rebuild();
    await expectBankRowsLikeFiles();
    await expectRollforwardLikeLive();
    expect(await db.reportBankRow.count({ where: { orgId: owner.orgId, fundAccountId: account.id, breakMinor: { not: 0n } } })).toBe(0);
  });

  it("after matches are reversed: a withdrawal's bank receipt and a payout's sweep of its lines", async () => {
    const groups = await db.matchGroup.findMany({ where: { orgId: owner.orgId, status: "CONFIRMED", link: { in: ["PAYOUT_BANK", "SETTLEMENT_PAYOUT"] } }, orderBy: { id: "asc" } });
    const toBank = groups.find((group) => group.link === "PAYOUT_BANK")!;
    const sweep = groups.find((group) => group.link === "SETTLEMENT_PAYOUT")!;
    expect(toBank && sweep).toBeTruthy();
    const before = await db.reportPayout.aggregate({ where: { orgId: owner.orgId }, _sum: { receivedMinor: true, lines: true } });
    await reverseMatches(db, owner, [toBank.id, sweep.id], "测试：撤销匹配");
    await rebuild();
    await expectPayoutsLikeLive();
    const after = await db.reportPayout.aggregate({ where: { orgId: owner.orgId }, _sum: { receivedMinor: true, lines: true } });
    expect(after._sum.receivedMinor!).toBeLessThan(before._sum.receivedMinor!);
    expect(after._sum.lines!).toBeLessThan(before._sum.lines!);
    await expectRollforwardLikeLive([MONTH]);
  });
});
