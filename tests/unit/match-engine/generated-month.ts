// The golden dataset: a month from lib/generate, every file parsed with the project's own importer,
// turned into engine input the way a loader would (the file's store or account from the generator's
// description), and its ground truth turned into the set of true links the engine should find.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateMonth, readGroundTruth, type GeneratedMonth, type GenerateMonthOptions, type GroundTruthRecord } from "@/lib/generate";
import { parseImportBuffer } from "@/lib/import";
import type { BankTransactionRow, OrderRow, SettlementLineRow } from "@/lib/import/types";
import type { BankTransactionInput, MatchLink, MatchProposal, OrderInput, ReconcileInput, SettlementLineInput, StorePlatform } from "@/lib/match-engine";

/** "file#row", the identity ground truth uses. */
export type RowRef = string;
const rowRef = (file: string, row: number): RowRef => `${file}#${row}`;

export interface GoldenMonth {
  month: GeneratedMonth;
  input: ReconcileInput;
  /** Engine id → file#row, and back. */
  refOfId: Map<string, RowRef>;
  truth: TruthLinks;
}

export type LinkCategory = "order→line" | "line→withdrawal" | "withdrawal→bank" | "order→payout (no bill)";

export interface TruthLinks {
  /** "a|b" pairs (sorted refs) per category. */
  pairs: Map<LinkCategory, Set<string>>;
  /** Any order row → the order's first row (orders span several rows for JD and Douyin). */
  orderFirstRow: Map<RowRef, RowRef>;
  /** Rows that are withdrawals (wallet 提现 lines). */
  withdrawalRows: Set<RowRef>;
  /** Withdrawal rows that also swept money carried in from before the month → that amount. */
  carriedIn: Map<RowRef, number>;
}

const made: string[] = [];

export function removeGeneratedMonths(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export async function loadGoldenMonth(options: Omit<GenerateMonthOptions, "outDir">): Promise<GoldenMonth> {
  const outDir = mkdtempSync(path.join(tmpdir(), "reconcile-golden-"));
  made.push(outDir);
  const month = await generateMonth({ ...options, outDir });
  const orders: OrderInput[] = [];
  const settlementLines: SettlementLineInput[] = [];
  const bankTransactions: BankTransactionInput[] = [];
  const refOfId = new Map<string, RowRef>();
  for (const [fileNumber, file] of month.files.entries()) {
    const parsed = await parseImportBuffer({ fileName: file.name, data: readFileSync(file.path) }, { maxErrors: 100 });
    if (!parsed.ok) throw new Error(`${file.name} did not import`);
    const owner = file.storeOrAccount.key;
    for (const row of parsed.rows) {
      // Database-like ids: numeric, in import order.
      const id = String((fileNumber + 1) * 10_000_000 + row.sourceRow);
      refOfId.set(id, rowRef(file.name, row.sourceRow));
      if (file.kind === "orders") orders.push(toOrder(id, owner, row as OrderRow));
      else if (file.kind === "settlement") settlementLines.push(toSettlement(id, owner, row as SettlementLineRow));
      else bankTransactions.push(toBank(id, owner, row as BankTransactionRow));
    }
  }
  const input: ReconcileInput = {
    stores: month.stores.map((store) => ({
      id: store.key,
      platform: store.platform as StorePlatform,
      currency: store.currency,
      settlementTermsDays: store.settlementTermsDays,
      feeRateBps: store.feeRateBps,
      ...(store.wallet === "alipay-ledger" ? { walletAccountIds: ["alipay"] } : {}),
    })),
    accounts: month.fundAccounts.map((account) => ({ id: account.key, type: account.type, currency: account.currency })),
    orders,
    settlementLines,
    bankTransactions,
  };
  return { month, input, refOfId, truth: await truthLinks(month) };
}

function toOrder(id: string, storeId: string, row: OrderRow): OrderInput {
  const confirmed = row.confirmedAt;
  return {
    side: "order",
    id,
    storeId,
    orderNo: row.orderNo,
    ...(row.subOrderNo ? { subOrderNo: row.subOrderNo } : {}),
    paidMinor: row.paidAmountMinor,
    refundMinor: row.refundMinor,
    ...(row.merchantReceivedMinor !== undefined ? { merchantReceivedMinor: row.merchantReceivedMinor } : {}),
    currency: row.currency,
    ...(row.paidAt ? { paidOn: row.paidAt.slice(0, 10) } : {}),
    ...(confirmed ? { confirmedOn: confirmed.slice(0, 10) } : {}),
    ...(confirmed && confirmed.length > 10 ? { confirmedAt: confirmed } : {}),
    ...(row.status ? { status: row.status } : {}),
    ...(row.afterSaleStatus ? { afterSaleStatus: row.afterSaleStatus } : {}),
  };
}

function toSettlement(id: string, storeId: string, row: SettlementLineRow): SettlementLineInput {
  return {
    side: "settlement",
    id,
    storeId,
    lineType: row.lineType,
    ...(row.orderNo ? { orderNo: row.orderNo } : {}),
    ...(row.payoutId ? { payoutId: row.payoutId } : {}),
    amountMinor: row.amountMinor,
    currency: row.currency,
    occurredOn: row.occurredOn,
    ...(row.occurredAt ? { occurredAt: row.occurredAt } : {}),
    sequence: row.sourceRow,
    ...(row.reference ? { reference: row.reference } : {}),
    ...(row.memo ? { memo: row.memo } : {}),
  };
}

function toBank(id: string, accountId: string, row: BankTransactionRow): BankTransactionInput {
  const optional = (name: keyof BankTransactionRow & keyof BankTransactionInput) => (row[name] !== undefined ? { [name]: row[name] } : {});
  return {
    side: "bank",
    id,
    accountId,
    amountMinor: row.amountMinor,
    currency: row.currency,
    occurredOn: row.occurredOn,
    ...optional("occurredAt"),
    sequence: row.sourceRow,
    ...optional("reference"),
    ...optional("secondaryReference"),
    ...optional("counterparty"),
    ...optional("counterpartyAccount"),
    ...optional("memo"),
    ...optional("merchantOrderNo"),
    ...optional("balanceMinor"),
  };
}

const pair = (a: RowRef, b: RowRef) => (a < b ? `${a}|${b}` : `${b}|${a}`);

async function truthLinks(month: GeneratedMonth): Promise<TruthLinks> {
  const records: GroundTruthRecord[] = [];
  for await (const record of readGroundTruth(month.groundTruthPath)) records.push(record);
  const pairs = new Map<LinkCategory, Set<string>>([
    ["order→line", new Set()],
    ["line→withdrawal", new Set()],
    ["withdrawal→bank", new Set()],
    ["order→payout (no bill)", new Set()],
  ]);
  const withdrawals = new Map<string, Extract<GroundTruthRecord, { type: "withdrawal" }>>();
  for (const record of records) if (record.type === "withdrawal") withdrawals.set(`${record.store}:${record.id}`, record);
  const orderFirstRow = new Map<RowRef, RowRef>();
  const withdrawalRows = new Set<RowRef>();
  const carriedIn = new Map<RowRef, number>();
  for (const record of records) {
    if (record.type === "withdrawal") {
      if (record.walletRow) withdrawalRows.add(rowRef(record.walletRow.file, record.walletRow.row));
      if (record.walletRow && record.carriedIn) carriedIn.set(rowRef(record.walletRow.file, record.walletRow.row), record.carriedIn);
      if (record.walletRow && record.bank) pairs.get("withdrawal→bank")!.add(pair(rowRef(record.walletRow.file, record.walletRow.row), rowRef(record.bank.file, record.bank.row)));
    } else if (record.type === "walletLine" && record.withdrawal) {
      const withdrawal = withdrawals.get(`${record.store}:${record.withdrawal}`);
      if (withdrawal?.walletRow) pairs.get("line→withdrawal")!.add(pair(rowRef(record.file, record.row), rowRef(withdrawal.walletRow.file, withdrawal.walletRow.row)));
    } else if (record.type === "order") {
      const first = record.inExport && record.file && record.rows.length > 0 ? rowRef(record.file, record.rows[0]!) : undefined;
      if (first) for (const row of record.rows) orderFirstRow.set(rowRef(record.file!, row), first);
      for (const line of record.lines) {
        const withdrawal = line.withdrawal ? withdrawals.get(`${record.store}:${line.withdrawal}`) : undefined;
        if (line.file && line.row) {
          const lineRef = rowRef(line.file, line.row);
          if (first) pairs.get("order→line")!.add(pair(first, lineRef));
          if (withdrawal?.walletRow) pairs.get("line→withdrawal")!.add(pair(lineRef, rowRef(withdrawal.walletRow.file, withdrawal.walletRow.row)));
        } else if (first && withdrawal?.bank && !withdrawal.walletRow) {
          pairs.get("order→payout (no bill)")!.add(pair(first, rowRef(withdrawal.bank.file, withdrawal.bank.row)));
        }
      }
    }
  }
  return { pairs, orderFirstRow, withdrawalRows, carriedIn };
}

const CATEGORY_OF_LINK: Record<MatchLink, LinkCategory> = {
  ORDER_SETTLEMENT: "order→line",
  SETTLEMENT_PAYOUT: "line→withdrawal",
  PAYOUT_BANK: "withdrawal→bank",
  ORDER_BANK: "order→payout (no bill)",
};

/** The links a proposal asserts, as truth-comparable pairs: every source row with every destination row. */
export function proposalPairs(golden: GoldenMonth, proposal: MatchProposal): { category: LinkCategory; pair: string }[] {
  const refs = proposal.items.map((item) => {
    const ref = golden.refOfId.get(item.id)!;
    return item.side === "order" ? (golden.truth.orderFirstRow.get(ref) ?? ref) : ref;
  });
  const category = CATEGORY_OF_LINK[proposal.link];
  const isSource = (position: number): boolean => {
    const item = proposal.items[position]!;
    if (proposal.link === "ORDER_SETTLEMENT" || proposal.link === "ORDER_BANK") return item.side === "order";
    if (proposal.link === "PAYOUT_BANK") return golden.truth.withdrawalRows.has(refs[position]!) || item.side === "settlement";
    return !golden.truth.withdrawalRows.has(refs[position]!) && !(item.side === "bank" && refs[position]!.startsWith("bank-"));
  };
  const sources = [...new Set(refs.filter((_, position) => isSource(position)))];
  const destinations = [...new Set(refs.filter((_, position) => !isSource(position)))];
  const out: { category: LinkCategory; pair: string }[] = [];
  for (const source of sources) for (const destination of destinations) out.push({ category, pair: pair(source, destination) });
  return out;
}
