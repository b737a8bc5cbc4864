// `npm run gen` in-process: a consistent synthetic month for four shops in the real export layouts,
// plus a ground-truth file of which rows belong together. Steps, each streaming:
//   1. orders     — every order is simulated from (seed, store, index) and its export row(s) written;
//                   the wallet lines it causes this month go into a compact per-store event log;
//   2. wallets    — each log is played in time order: wallet files are written, withdrawals sweep
//                   what arrived since the previous one (JD / Douyin: payouts, no wallet file);
//   3. bank       — withdrawals and payouts arrive (some a day late) among the company's other lines;
//   4. truth      — orders are re-simulated one by one and written with their rows, lines and amounts.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BankLine } from "./bank/bank-line";
import { planBankStatement } from "./bank/plan-bank-lines";
import { monthCalendar, SECONDS_PER_DAY, type MonthCalendar } from "./calendar/month-calendar";
import { resolveOptions, seedBits, type GenerateMonthOptions, type ResolvedOptions } from "./generate-options";
import type { FileDescription, FundAccountDescription, MetaRecord, StoreDescription, SummaryRecord } from "./ground-truth/ground-truth-types";
import { GROUND_TRUTH_VERSION } from "./ground-truth/ground-truth-types";
import { writeGroundTruth } from "./ground-truth/write-ground-truth";
import { platformIds } from "./ids/platform-ids";
import { writeCmbStatement } from "./layouts/cmb-statement-file";
import { genericBankMemo, writeGenericBankStatement } from "./layouts/generic-bank-file";
import { payoutOnlyWallet } from "./layouts/payout-only-wallet";
import { deriveSeed } from "./random/derive-seed";
import { Mulberry32 } from "./random/mulberry32";
import { EventLog, EventType } from "./settle/event-log";
import { addOrderEvents } from "./settle/order-events";
import { runWallet } from "./settle/run-wallet";
import { withdrawalSchedule } from "./settle/withdrawal-schedule";
import { OrderDigests } from "./simulate/order-digests";
import { simulateOrder, totalOrders, type StoreSimulation } from "./simulate/simulate-order";
import { ordersOutput, walletOutput, type OrdersOutput, type WalletOutput } from "./store-outputs";
import type { StoreRun } from "./store-run";
import { BANK_ACCOUNT, COMPANY_NAME, FUND_ACCOUNTS, splitOrders, STORES, type StoreProfile } from "./stores/store-profiles";

/** Orders placed this many days before the month still settle (or refund) in it. */
const CARRY_IN_DAYS = 20;

export interface GeneratedFile extends FileDescription {
  path: string;
  /** Data rows (what the importer should import from the file). */
  rows: number;
}

export interface GeneratedMonth {
  month: string;
  seed: number;
  orders: number;
  company: string;
  stores: StoreDescription[];
  fundAccounts: FundAccountDescription[];
  /** In the order written: orders exports, wallet files, bank statement. */
  files: GeneratedFile[];
  groundTruthPath: string;
  summary: SummaryRecord;
}

export function describeStores(): StoreDescription[] {
  return STORES.map((store) => ({
    key: store.key,
    name: store.name,
    platform: store.platform,
    shopName: store.shopName,
    currency: store.currency,
    settlementTermsDays: store.settlementTermsDays,
    feeRateBps: store.feeRateBps,
    wallet: store.wallet.kind,
  }));
}

export function describeFundAccounts(): FundAccountDescription[] {
  return FUND_ACCOUNTS.map(({ key, name, type, institution, accountNumber, currency }) => ({ key, name, type, institution, accountNumber, currency }));
}

function createStoreRun(profile: StoreProfile, exportedCount: number, seed: number, calendar: MonthCalendar): StoreRun {
  const schedule = withdrawalSchedule(profile.wallet, calendar, new Mulberry32(deriveSeed(seed, `withdrawals:${profile.key}`)));
  // The withdrawal before the month came one cadence before the first of the month; what settled
  // since is in the wallet on the 1st. Only the Alipay ledger prints the balance that shows it.
  const carriedIn = profile.wallet.kind === "alipay-ledger" && schedule.length > 0 ? { fromSec: schedule[0]! - profile.wallet.withdrawalEveryDays * SECONDS_PER_DAY, minor: 0 } : undefined;
  const simulation: StoreSimulation = {
    profile,
    streamSeed: deriveSeed(seed, `orders:${profile.key}`),
    exportedCount,
    carryInCount: Math.round((exportedCount * CARRY_IN_DAYS) / calendar.days),
    carryInDays: CARRY_IN_DAYS,
    calendar,
  };
  return {
    profile,
    simulation,
    ids: platformIds(deriveSeed(seed, `ids:${profile.key}`)),
    digests: new OrderDigests(totalOrders(simulation)),
    log: new EventLog(),
    schedule,
    ...(carriedIn ? { carriedIn } : {}),
    withdrawals: [],
    walletExtras: [],
  };
}

/** Pass 1: simulate every order, write the export, collect this month's wallet lines. */
async function writeOrders(run: StoreRun, output: OrdersOutput, filePath: string, calendar: MonthCalendar): Promise<number> {
  const writer = output.open(filePath);
  const rng = new Mulberry32(0);
  const total = totalOrders(run.simulation);
  for (let index = 0; index < total; index++) {
    const order = simulateOrder(run.simulation, index, rng);
    const row = order.inExport ? writer.write(order) : 0;
    const firstEvent = run.log.count;
    addOrderEvents(order, run.log, calendar, run.carriedIn);
    run.digests.record(order, row, firstEvent);
  }
  run.digests.firstEvent[total] = run.log.count;
  return writer.close();
}

/** Advertising top-ups paid from the Alipay balance: wallet lines that belong to no order. */
function addAlipayTopUps(run: StoreRun, calendar: MonthCalendar, rng: Mulberry32): void {
  const total = totalOrders(run.simulation);
  [4, 14, 24].forEach((day, k) => {
    const timeSec = Math.min(day, calendar.days - 1) * SECONDS_PER_DAY + rng.int(10 * 3600, 16 * 3600);
    const amountMinor = Math.min(1_000_000_000, Math.max(50_000, Math.floor((run.simulation.exportedCount * rng.int(150, 400)) / 100) * 100));
    run.walletExtras.push({
      timeSec,
      amountMinor,
      description: "万相台无界版推广充值",
      counterparty: "杭州阿里妈妈软件服务有限公司",
      reference: run.ids.alipayTradeNo(total + k, calendar.compactDateOf(timeSec)),
    });
    run.log.add(timeSec, k, EventType.OTHER, -amountMinor);
  });
}

/** Pass 2: play the wallet; returns the wallet file's data rows (undefined when there is no file). */
function settleWallet(run: StoreRun, output: WalletOutput | undefined, filePath: string | undefined, calendar: MonthCalendar): number | undefined {
  const { profile, ids, schedule } = run;
  const sink = output && filePath ? output.open(filePath) : payoutOnlyWallet();
  const withdrawalId = (sequence: number, timeSec: number) => {
    const date = calendar.compactDateOf(timeSec);
    if (profile.wallet.kind === "alipay-ledger") return ids.alipayWithdrawalNo(sequence, date);
    if (profile.wallet.kind === "pdd-ledger") return ids.pddWithdrawalNo(sequence, date);
    return ids.payoutNo(profile.wallet.payoutIdPrefix ?? "PO", sequence, date);
  };
  run.withdrawals = runWallet({ log: run.log, schedule, sink, withdrawalId, carriedInMinor: run.carriedIn?.minor ?? 0 });
  const rows = sink.close();
  return output ? rows : undefined;
}

function writeBank(options: ResolvedOptions, filePath: string, lines: readonly BankLine[], opening: number, calendar: MonthCalendar): number {
  return options.bankLayout === "generic-bank"
    ? writeGenericBankStatement(filePath, lines, opening, calendar, BANK_ACCOUNT, COMPANY_NAME)
    : writeCmbStatement(filePath, lines, opening, calendar);
}

export async function generateMonth(options: GenerateMonthOptions): Promise<GeneratedMonth> {
  const resolved = resolveOptions(options);
  const calendar = monthCalendar(resolved.month);
  const seed = seedBits(resolved.seed);
  const outDir = path.resolve(resolved.outDir);
  mkdirSync(outDir, { recursive: true });
  const files: GeneratedFile[] = [];
  const addFile = (file: FileDescription, rows: number) => {
    const generated = { ...file, path: path.join(outDir, file.name), rows };
    files.push(generated);
    return generated;
  };
  // Exports are taken the morning after the month ends.
  const exportSec = calendar.endSec + 9 * 3600 + 15 * 60 + (seed % 60);
  const counts = splitOrders(resolved.orders);
  const runs = STORES.map((profile) => createStoreRun(profile, counts.get(profile.key) ?? 0, seed, calendar));
  const settingsRng = new Mulberry32(deriveSeed(seed, "settings"));
  const walletSettings = {
    bankLabel: `${BANK_ACCOUNT.institution}(${BANK_ACCOUNT.accountNumber.slice(-4)})`,
    alipayOpeningMinor: settingsRng.int(5_000, 50_000) * 100,
    exportSec,
  };

  const stores = runs.map((run) => ({ run, orders: ordersOutput(run, calendar, resolved.xlsxMaxRows), wallet: walletOutput(run, calendar, walletSettings) }));
  for (const { run, orders } of stores) {
    const rows = await writeOrders(run, orders, path.join(outDir, orders.file.name), calendar);
    addFile(orders.file, rows);
    if (run.profile.wallet.kind === "alipay-ledger") addAlipayTopUps(run, calendar, settingsRng);
  }
  for (const { run, wallet } of stores) {
    const rows = settleWallet(run, wallet, wallet && path.join(outDir, wallet.file.name), calendar);
    if (wallet && rows !== undefined) addFile(wallet.file, rows);
  }

  const bankPlan = planBankStatement(
    runs.map((run) => ({ profile: run.profile, withdrawals: run.withdrawals })),
    calendar,
    new Mulberry32(deriveSeed(seed, "bank")),
    platformIds(deriveSeed(seed, "ids:bank")),
  );
  const bankFile: FileDescription = {
    name: `bank-${resolved.bankLayout === "generic-bank" ? "generic" : "cmb"}-${calendar.month}.csv`,
    kind: "bank",
    format: resolved.bankLayout,
    encoding: resolved.bankLayout === "generic-bank" ? "gbk" : "utf-8",
    storeOrAccount: { type: "fundAccount", key: BANK_ACCOUNT.key, name: BANK_ACCOUNT.name },
  };
  addFile(bankFile, writeBank(resolved, path.join(outDir, bankFile.name), bankPlan.lines, bankPlan.openingBalanceMinor, calendar));

  const groundTruthPath = path.join(outDir, `ground-truth-${calendar.month}.jsonl`);
  const meta: MetaRecord = {
    type: "meta",
    version: GROUND_TRUTH_VERSION,
    month: calendar.month,
    seed: resolved.seed,
    orders: resolved.orders,
    company: COMPANY_NAME,
    stores: describeStores(),
    fundAccounts: describeFundAccounts(),
    files: files.map(({ name, kind, format, encoding, storeOrAccount }) => ({ name, kind, format, encoding, storeOrAccount })),
    conventions: {
      amounts: "integer fen; wallet lines signed from the seller's side (sale +, fees and refunds −); withdrawals and bank credits positive",
      rounding: "percent fees = round half up (四舍五入) of amount × bp / 10000 to the fen, integer arithmetic",
      rows: "sourceRow as the importer numbers it: 1-based line of a text file including preamble lines; sheet row for xlsx",
    },
  };
  const summary = writeGroundTruth({
    path: groundTruthPath,
    calendar,
    meta,
    stores,
    bankFile: bankFile.name,
    bankLines: bankPlan.lines,
    bankMemo: (line) => (resolved.bankLayout === "generic-bank" ? genericBankMemo(line) : [line.summary, line.note].filter(Boolean).join(" / ")),
    bankHasReference: resolved.bankLayout === "generic-bank",
    fileRows: files.map(({ name, rows }) => ({ name, rows })),
  });
  return {
    month: calendar.month,
    seed: resolved.seed,
    orders: resolved.orders,
    company: COMPANY_NAME,
    stores: describeStores(),
    fundAccounts: describeFundAccounts(),
    files,
    groundTruthPath,
    summary,
  };
}
