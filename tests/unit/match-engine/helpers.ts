// Small builders for engine input, so each test states only what matters to it, and checks every
// test can share (the zero-sum invariant, allocations within amounts).
import { createHash } from "node:crypto";
import {
  defaultRules,
  parseRules,
  reconcile,
  serializeResult,
  type BankTransactionInput,
  type MatchProposal,
  type OrderInput,
  type ReconcileAccount,
  type ReconcileInput,
  type ReconcileResult,
  type ReconcileRulesInput,
  type ReconcileStore,
  type SettlementLineInput,
} from "@/lib/match-engine";

export const STORES: ReconcileStore[] = [
  { id: "tmall", platform: "TMALL", currency: "CNY", settlementTermsDays: 0, feeRateBps: 500, walletAccountIds: ["alipay"] },
  { id: "pdd", platform: "PDD", currency: "CNY", settlementTermsDays: 7, feeRateBps: 60 },
  { id: "jd", platform: "JD", currency: "CNY", settlementTermsDays: 15, feeRateBps: 800 },
  { id: "douyin", platform: "DOUYIN", currency: "CNY", settlementTermsDays: 7, feeRateBps: 500 },
];
export const ACCOUNTS: ReconcileAccount[] = [
  { id: "bank", type: "BANK", currency: "CNY" },
  { id: "alipay", type: "ALIPAY", currency: "CNY" },
];
export const PAYERS = {
  alipay: "支付宝（中国）网络技术有限公司",
  pdd: "上海寻梦信息技术有限公司",
  jd: "北京京东世纪贸易有限公司",
  douyin: "北京空间变换科技有限公司",
};

let nextId = 1;
const newId = () => String(nextId++);

export function order(fields: Partial<OrderInput> & { orderNo: string; paidMinor: bigint }): OrderInput {
  return { side: "order", id: newId(), storeId: "pdd", refundMinor: 0n, currency: "CNY", confirmedOn: "2025-03-03", ...fields };
}

export function line(fields: Partial<SettlementLineInput> & { amountMinor: bigint }): SettlementLineInput {
  return { side: "settlement", id: newId(), storeId: "pdd", lineType: "SALE", currency: "CNY", occurredOn: "2025-03-10", ...fields };
}

export function bank(fields: Partial<BankTransactionInput> & { amountMinor: bigint }): BankTransactionInput {
  return { side: "bank", id: newId(), accountId: "bank", currency: "CNY", occurredOn: "2025-03-10", ...fields };
}

export function input(rows: { orders?: OrderInput[]; lines?: SettlementLineInput[]; bank?: BankTransactionInput[] }, extra: Partial<ReconcileInput> = {}): ReconcileInput {
  return { stores: STORES, accounts: ACCOUNTS, orders: rows.orders ?? [], settlementLines: rows.lines ?? [], bankTransactions: rows.bank ?? [], ...extra };
}

export function run(data: ReconcileInput, rules: Partial<ReconcileRulesInput> = {}): ReconcileResult {
  const result = reconcile(data, Object.keys(rules).length === 0 ? defaultRules("test") : parseRules({ version: "test", ...rules }));
  expectBalanced(result);
  return result;
}

/** Every group's items and adjustments sum to zero, to the cent. */
export function expectBalanced(result: ReconcileResult): void {
  for (const proposal of result.proposals) {
    const sum = proposal.items.reduce((total, item) => total + item.amountMinor, 0n) + proposal.adjustments.reduce((total, adjustment) => total + adjustment.amountMinor, 0n);
    if (sum !== 0n) throw new Error(`${proposal.key} (${proposal.rule}) does not balance: ${sum}`);
  }
}

export const hashResult = (result: ReconcileResult) => createHash("sha256").update(serializeResult(result)).digest("hex");

/** The ids in a proposal, sorted, for compact expectations. */
export const idsOf = (proposal: MatchProposal) => proposal.items.map((item) => item.id).sort((a, b) => Number(a) - Number(b));

export const codesOf = (proposal: MatchProposal) => proposal.reasons.map((reason) => reason.code);

export const adjustmentsOf = (proposal: MatchProposal) => Object.fromEntries(proposal.adjustments.map((adjustment) => [adjustment.type, adjustment.amountMinor]));

export function onlyProposal(result: ReconcileResult, rule?: MatchProposal["rule"]): MatchProposal {
  const found = rule ? result.proposals.filter((proposal) => proposal.rule === rule) : result.proposals;
  if (found.length !== 1) throw new Error(`expected one ${rule ?? ""} proposal, got ${found.length}: ${JSON.stringify(found.map((p) => [p.rule, p.items.map((i) => i.id)]))}`);
  return found[0]!;
}

export function unmatchedCodes(result: ReconcileResult, side: "orders" | "settlement" | "bank", id: string, direction?: "upstream" | "downstream"): string[] {
  return result.unmatched[side].filter((item) => item.id === id && (!direction || item.direction === direction)).flatMap((item) => item.reasons.map((reason) => reason.code));
}
