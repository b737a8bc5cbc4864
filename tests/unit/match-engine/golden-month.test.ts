// The golden test: a generated month (lib/generate), parsed by the project's importer, reconciled,
// and compared with the generator's ground truth. Automatic confirmations must be 100 % precise;
// passes 1–3 must recover ≥ 98 % of the links the files make recoverable (an order number, a
// withdrawal number, a wallet's running balance) and ≥ 98 % of all true links. JD and Douyin have no
// bill in the data, so their order → payout links are reported apart: only dates tie them, and pass 2
// places the orders certainly due between two payouts (see README "What the data cannot tell").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRules, reconcile, traceOrderChains, type ReconcileResult } from "@/lib/match-engine";
import { readGroundTruth, type OrderRecord } from "@/lib/generate";
import { expectBalanced, hashResult } from "./helpers";
import { loadGoldenMonth, proposalPairs, removeGeneratedMonths, type GoldenMonth, type LinkCategory } from "./generated-month";
import { Random } from "./random-world";

afterAll(removeGeneratedMonths);

const RECOVERABLE: LinkCategory[] = ["order→line", "line→withdrawal", "withdrawal→bank"];

interface Score {
  byCategory: Map<LinkCategory, { truth: number; found: number; suggested: number }>;
  autoPairs: number;
  autoWrong: number;
  proposedPairs: number;
  proposedWrong: number;
  suggestedPairs: number;
  suggestedWrong: number;
}

function score(golden: GoldenMonth, result: ReconcileResult): Score {
  const found = new Map<LinkCategory, Set<string>>();
  const suggested = new Map<LinkCategory, Set<string>>();
  const scoreOf: Score = { byCategory: new Map(), autoPairs: 0, autoWrong: 0, proposedPairs: 0, proposedWrong: 0, suggestedPairs: 0, suggestedWrong: 0 };
  for (const proposal of result.proposals) {
    for (const { category, pair } of proposalPairs(golden, proposal)) {
      const right = golden.truth.pairs.get(category)!.has(pair);
      const bucket = proposal.pass <= 3 ? found : suggested;
      if (!bucket.has(category)) bucket.set(category, new Set());
      bucket.get(category)!.add(pair);
      if (proposal.pass <= 3) {
        scoreOf.proposedPairs++;
        if (!right) scoreOf.proposedWrong++;
      } else {
        scoreOf.suggestedPairs++;
        if (!right) scoreOf.suggestedWrong++;
      }
      if (proposal.autoConfirm) {
        scoreOf.autoPairs++;
        if (!right) scoreOf.autoWrong++;
      }
    }
  }
  for (const [category, truth] of golden.truth.pairs) {
    let hits = 0;
    let hinted = 0;
    for (const pair of truth) {
      if (found.get(category)?.has(pair)) hits++;
      else if (suggested.get(category)?.has(pair)) hinted++;
    }
    scoreOf.byCategory.set(category, { truth: truth.size, found: hits, suggested: hinted });
  }
  return scoreOf;
}

/** True links the files make recoverable, and how many of them automatic confirmations booked (and wrong pairs booked). */
function automaticCoverage(golden: GoldenMonth, result: ReconcileResult): { truth: number; right: number; wrong: number } {
  const booked = new Map<LinkCategory, Set<string>>();
  let wrong = 0;
  for (const proposal of result.proposals) {
    if (!proposal.autoConfirm) continue;
    for (const { category, pair } of proposalPairs(golden, proposal)) {
      if (!golden.truth.pairs.get(category)!.has(pair)) wrong++;
      if (!booked.has(category)) booked.set(category, new Set());
      booked.get(category)!.add(pair);
    }
  }
  let truth = 0;
  let right = 0;
  for (const category of RECOVERABLE) {
    for (const pair of golden.truth.pairs.get(category) ?? []) {
      truth++;
      if (booked.get(category)?.has(pair)) right++;
    }
  }
  return { truth, right, wrong };
}

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${((100 * part) / whole).toFixed(2)} %`);

function report(title: string, golden: GoldenMonth, result: ReconcileResult, scoreOf: Score): { recoverable: number; overall: number } {
  let recoverableTruth = 0;
  let recoverableFound = 0;
  let allTruth = 0;
  let allFound = 0;
  const lines = [`\n${title}: ${golden.month.orders} orders, ${golden.input.orders.length} order rows, ${golden.input.settlementLines.length} bill lines, ${golden.input.bankTransactions.length} bank + wallet rows`];
  for (const [category, { truth, found, suggested }] of scoreOf.byCategory) {
    lines.push(`  ${category.padEnd(24)} passes 1–3 ${String(found).padStart(5)} / ${String(truth).padEnd(5)} ${percent(found, truth).padStart(9)}   + pass 4 suggestions ${suggested}`);
    allTruth += truth;
    allFound += found;
    if (RECOVERABLE.includes(category)) {
      recoverableTruth += truth;
      recoverableFound += found;
    }
  }
  lines.push(`  recall, links the files make recoverable: ${recoverableFound} / ${recoverableTruth} = ${percent(recoverableFound, recoverableTruth)}`);
  lines.push(`  recall, all true links:                   ${allFound} / ${allTruth} = ${percent(allFound, allTruth)}`);
  lines.push(`  precision of automatic confirmations:     ${scoreOf.autoPairs - scoreOf.autoWrong} / ${scoreOf.autoPairs} = ${percent(scoreOf.autoPairs - scoreOf.autoWrong, scoreOf.autoPairs)}`);
  lines.push(`  precision of all pass 1–3 proposals:      ${scoreOf.proposedPairs - scoreOf.proposedWrong} / ${scoreOf.proposedPairs} = ${percent(scoreOf.proposedPairs - scoreOf.proposedWrong, scoreOf.proposedPairs)}`);
  lines.push(`  precision of pass 4 suggestions:          ${scoreOf.suggestedPairs - scoreOf.suggestedWrong} / ${scoreOf.suggestedPairs} = ${percent(scoreOf.suggestedPairs - scoreOf.suggestedWrong, scoreOf.suggestedPairs)}`);
  lines.push(`  first sweeps with a carried-in balance:   ${firstSweeps(golden, result).filter((sweep) => sweep.found).length} / ${golden.truth.carriedIn.size} tied (${firstSweeps(golden, result).filter((sweep) => sweep.auto).length} automatic)`);
  lines.push(`  groups: ${result.stats.proposals} (${result.stats.autoConfirmed} automatic) ${JSON.stringify(result.stats.byRule)}`);
  console.log(lines.join("\n"));
  return { recoverable: recoverableFound / recoverableTruth, overall: allFound / allTruth };
}

/** Per withdrawal that the truth says swept money carried in: whether a pass 1–3 group ties it with exactly that amount. */
function firstSweeps(golden: GoldenMonth, result: ReconcileResult): { ref: string; found: boolean; auto: boolean }[] {
  return [...golden.truth.carriedIn].map(([ref, amount]) => {
    const group = result.proposals.find(
      (proposal) => proposal.pass <= 3 && proposal.link === "SETTLEMENT_PAYOUT" && proposal.items.some((item) => golden.refOfId.get(item.id) === ref),
    );
    const carried = group?.adjustments.find((adjustment) => adjustment.type === "CARRIED_IN_BALANCE")?.amountMinor;
    return { ref, found: carried === BigInt(-amount), auto: carried === BigInt(-amount) && group!.autoConfirm };
  });
}

describe.each([
  { title: "2025-03, 招商银行 statement", options: { orders: 2000, seed: 1 } },
  { title: "2024-02, 企业网银 generic statement", options: { orders: 2500, seed: 5, month: "2024-02", bankLayout: "generic-bank" as const } },
])("golden month $title", ({ title, options }) => {
  let golden: GoldenMonth;
  let result: ReconcileResult;
  beforeAll(async () => {
    golden = await loadGoldenMonth(options);
    result = reconcile(golden.input, defaultRules("golden"));
  }, 60_000);

  it("confirms automatically only true links and recovers ≥ 98 % of the true links in passes 1–3", () => {
    expectBalanced(result);
    const scoreOf = score(golden, result);
    const { recoverable, overall } = report(title, golden, result, scoreOf);
    expect(scoreOf.autoPairs).toBeGreaterThan(1000);
    expect(scoreOf.autoWrong).toBe(0);
    expect(recoverable).toBeGreaterThanOrEqual(0.98);
    // The month's first Alipay withdrawal also swept money carried in: tied by the printed balances.
    expect(golden.truth.carriedIn.size).toBe(1);
    expect(firstSweeps(golden, result)).toEqual([...golden.truth.carriedIn.keys()].map((ref) => ({ ref, found: true, auto: true })));
    expect(overall).toBeGreaterThanOrEqual(0.98);
    // What passes 1–3 propose for a person is right too (every pair so far; allow a slip or two).
    expect(scoreOf.proposedWrong / scoreOf.proposedPairs).toBeLessThanOrEqual(0.01);
  });

  // The first day of a new company: nobody has typed the contracted rates in yet. What the platforms'
  // own bills itemize proves its group anyway, so automatic confirmations must cover as much.
  it.each([
    { rates: "with the contracted rates", feeRates: true },
    { rates: "with no contracted rate on any store", feeRates: false },
  ])("confirms by itself ≥ 95 % of the recoverable true links, $rates, and none wrong", ({ rates, feeRates }) => {
    const input = feeRates ? golden.input : { ...golden.input, stores: golden.input.stores.map((store) => ({ ...store, feeRateBps: 0 })) };
    const ran = feeRates ? result : reconcile(input, defaultRules("golden"));
    const coverage = automaticCoverage(golden, ran);
    console.log(`\n${title}, ${rates}: automatic confirmations cover ${coverage.right} / ${coverage.truth} = ${percent(coverage.right, coverage.truth)} of the recoverable true links (${coverage.wrong} wrong)`);
    expect(coverage.wrong).toBe(0);
    expect(coverage.right / coverage.truth).toBeGreaterThanOrEqual(0.95);
  });

  it("gives the same bytes for the same month, in any row order", () => {
    const random = new Random(options.seed);
    const shuffled = {
      ...golden.input,
      orders: random.shuffle(golden.input.orders),
      settlementLines: random.shuffle(golden.input.settlementLines),
      bankTransactions: random.shuffle(golden.input.bankTransactions),
    };
    expect(hashResult(reconcile(shuffled, defaultRules("golden")))).toBe(hashResult(result));
  });

  it("traces each settled Tmall and PDD order to the bank with the ground truth's amounts", async () => {
    const truth = new Map<string, OrderRecord>();
    for await (const record of readGroundTruth(golden.month.groundTruthPath)) if (record.type === "order" && record.inExport) truth.set(`${record.store}:${record.orderNo}`, record);
    const chains = traceOrderChains(golden.input, result);
    let compared = 0;
    for (const chain of chains) {
      if (chain.storeId !== "tmall" && chain.storeId !== "pdd") continue;
      const record = truth.get(`${chain.storeId}:${chain.orderNo}`);
      if (!record || record.lines.length === 0) continue;
      const { amounts } = record;
      expect(
        { net: chain.netSettledMinor, inBank: chain.inBankMinor, withdrawn: chain.withdrawnMinor, commission: chain.feesMinor.COMMISSION ?? 0n, serviceFee: chain.feesMinor.SERVICE_FEE ?? 0n },
        chain.orderNo,
      ).toEqual({ net: BigInt(amounts.net), inBank: BigInt(amounts.inBank), withdrawn: BigInt(amounts.withdrawn), commission: BigInt(amounts.commission), serviceFee: BigInt(amounts.serviceFee) });
      // gross − refunds − fees − net = the unexplained rest: nothing, once the lines are in.
      const fees = Object.values(chain.feesMinor).reduce((sum, fee) => sum + fee, 0n);
      expect(chain.grossPaidMinor - chain.refundsMinor - fees - chain.netSettledMinor).toBe(chain.unexplainedMinor);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("explains every bank line no group took", async () => {
    const categories = new Map<string, string>();
    for await (const record of readGroundTruth(golden.month.groundTruthPath)) if (record.type === "bankLine") categories.set(`${record.file}#${record.row}`, record.category);
    for (const item of result.unmatched.bank) {
      const ref = golden.refOfId.get(item.id)!;
      const category = categories.get(ref);
      if (category === undefined) continue; // a wallet row
      const code = item.reasons.at(-1)!.code;
      if (category === "PAYOUT" || category === "WITHDRAWAL") expect(code, ref).toBe("FROM_PLATFORM_UNMATCHED");
      else expect(["OUTGOING_PAYMENT", "NOT_FROM_PLATFORM"], ref).toContain(code);
    }
  });
});
