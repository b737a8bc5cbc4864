// The ground truth must be right about the files: amounts add up along each chain (order → wallet
// lines → withdrawal → bank line) and every row it names really carries the ids it claims.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GeneratedMonth, GroundTruthRecord, OrderRecord, WithdrawalRecord } from "@/lib/generate";
import type { BankTransactionRow, NormalizedRow, OrderRow, SettlementLineRow } from "@/lib/import";
import { generateInTemp, parseGenerated, readAllGroundTruth, removeTempDirs } from "./helpers";

afterAll(removeTempDirs);

type RowsByFile = Map<string, Map<number, NormalizedRow>>;

async function parseAll(month: GeneratedMonth): Promise<RowsByFile> {
  const byFile: RowsByFile = new Map();
  for (const file of month.files) {
    const rows = new Map<number, NormalizedRow>();
    for (const row of (await parseGenerated(file)).rows as NormalizedRow[]) rows.set(row.sourceRow, row);
    byFile.set(file.name, rows);
  }
  return byFile;
}

function rowAt<T extends NormalizedRow>(rows: RowsByFile, file: string, row: number): T {
  const found = rows.get(file)?.get(row);
  if (!found) throw new Error(`${file} has no row ${row}`);
  return found as T;
}

const ofType = <T extends GroundTruthRecord["type"]>(records: GroundTruthRecord[], type: T) =>
  records.filter((record): record is Extract<GroundTruthRecord, { type: T }> => record.type === type);

describe.each([
  { bankLayout: "cmb-statement" as const, seed: 5 },
  { bankLayout: "generic-bank" as const, seed: 6 },
])("ground truth ($bankLayout)", ({ bankLayout, seed }) => {
  let month: GeneratedMonth;
  let records: GroundTruthRecord[];
  let rows: RowsByFile;
  let orders: OrderRecord[];
  let withdrawals: WithdrawalRecord[];

  beforeAll(async () => {
    month = await generateInTemp({ orders: 1200, seed, bankLayout });
    records = await readAllGroundTruth(month.groundTruthPath);
    rows = await parseAll(month);
    orders = ofType(records, "order");
    withdrawals = ofType(records, "withdrawal");
  });

  it("starts with the meta record and ends with the summary", () => {
    expect(records[0]?.type).toBe("meta");
    expect(records.at(-1)?.type).toBe("summary");
    const meta = ofType(records, "meta")[0]!;
    expect(meta.files.map((file) => file.name)).toEqual(month.files.map((file) => file.name));
    expect(orders.filter((order) => order.inExport)).toHaveLength(1200);
  });

  it("adds up each order: sale − fees − refunds = net settled = the sum of its lines", () => {
    for (const { amounts, lines, orderNo } of orders) {
      expect(amounts.sale - amounts.commission - amounts.serviceFee - amounts.promotion - amounts.refundLines, orderNo).toBe(amounts.net);
      expect(lines.reduce((sum, line) => sum + line.amount, 0), orderNo).toBe(amounts.net);
      const withdrawn = lines.filter((line) => line.withdrawal !== null).reduce((sum, line) => sum + line.amount, 0);
      expect(withdrawn, orderNo).toBe(amounts.withdrawn);
      expect(amounts.refunded, orderNo).toBeLessThanOrEqual(amounts.paid);
    }
  });

  it("points order rows at the rows that carry the order number and amounts", () => {
    for (const order of orders.filter((candidate) => candidate.inExport)) {
      const lines = order.rows.map((row) => rowAt<OrderRow>(rows, order.file!, row));
      lines.forEach((line, k) => {
        expect(line.orderNo).toBe(order.orderNo);
        if (order.subOrderNos) expect(line.subOrderNo).toBe(order.subOrderNos[k]);
      });
      expect(Number(lines.reduce((sum, line) => sum + line.paidAmountMinor, 0n)), order.orderNo).toBe(order.amounts.paid);
      if (order.store === "tmall") expect(Number(lines[0]!.refundMinor)).toBe(order.amounts.refunded);
    }
  });

  it("points wallet lines at the ledger rows with that id, order and amount", () => {
    for (const order of orders) {
      for (const line of order.lines.filter((candidate) => candidate.file)) {
        if (order.store === "tmall") {
          const row = rowAt<BankTransactionRow>(rows, line.file!, line.row!);
          expect(row.reference).toBe(line.id);
          expect(row.merchantOrderNo).toBe(`T200P${order.orderNo}`);
          expect(row.amountMinor).toBe(BigInt(line.amount));
        } else {
          const row = rowAt<SettlementLineRow>(rows, line.file!, line.row!);
          expect(row.orderNo).toBe(order.orderNo);
          expect(row.lineType).toBe(line.type);
          expect(row.amountMinor).toBe(BigInt(line.amount));
        }
      }
    }
  });

  it("makes each withdrawal the exact sum of the contiguous wallet lines it groups (the first Alipay one: plus what was carried in)", () => {
    const swept = new Map<string, { sum: number; count: number; rows: number[] }>();
    const sweep = (id: string | null, amount: number, row?: number) => {
      if (id === null) return;
      const entry = swept.get(id) ?? { sum: 0, count: 0, rows: [] };
      entry.sum += amount;
      entry.count++;
      if (row !== undefined) entry.rows.push(row);
      swept.set(id, entry);
    };
    for (const order of orders) for (const line of order.lines) sweep(line.withdrawal, line.amount, line.row);
    for (const line of ofType(records, "walletLine")) sweep(line.withdrawal, line.amount, line.row);

    expect(withdrawals.length).toBeGreaterThan(10);
    for (const withdrawal of withdrawals) {
      const group = swept.get(withdrawal.id)!;
      expect(group.sum + (withdrawal.carriedIn ?? 0), withdrawal.id).toBe(withdrawal.amount);
      expect(group.count, withdrawal.id).toBe(withdrawal.grouped.lines);
      if (withdrawal.walletRow) {
        expect(Math.min(...group.rows)).toBe(withdrawal.grouped.fromRow);
        expect(Math.max(...group.rows)).toBe(withdrawal.grouped.toRow);
        expect(withdrawal.grouped.toRow! - withdrawal.grouped.fromRow! + 1).toBe(group.count);
        expect(withdrawal.walletRow.row).toBe(withdrawal.grouped.toRow! + 1);
        if (withdrawal.store === "tmall") {
          const row = rowAt<BankTransactionRow>(rows, withdrawal.walletRow.file, withdrawal.walletRow.row);
          expect(row.reference).toBe(withdrawal.walletRow.id);
          expect(row.secondaryReference).toBe(withdrawal.id);
          expect(row.amountMinor).toBe(BigInt(-withdrawal.amount));
        } else {
          const row = rowAt<SettlementLineRow>(rows, withdrawal.walletRow.file, withdrawal.walletRow.row);
          expect(row.lineType).toBe("WITHDRAWAL");
          expect(row.payoutId).toBe(withdrawal.id);
          expect(row.amountMinor).toBe(BigInt(-withdrawal.amount));
        }
      }
    }
  });

  it("starts the Alipay ledger with the money carried in, which its first withdrawal sweeps and its balances show", () => {
    const alipay = withdrawals.filter((withdrawal) => withdrawal.store === "tmall");
    const [first, ...later] = alipay;
    expect(first!.carriedIn).toBeGreaterThan(0);
    expect(later.every((withdrawal) => withdrawal.carriedIn === undefined)).toBe(true);
    expect(withdrawals.filter((withdrawal) => withdrawal.store !== "tmall").every((withdrawal) => withdrawal.carriedIn === undefined)).toBe(true);
    // The printed balance before the first row, less the one after the first withdrawal (what the
    // wallet keeps), is what was carried in; every later withdrawal leaves the same balance.
    const file = first!.walletRow!.file;
    const ledger = [...rows.get(file)!.values()] as BankTransactionRow[];
    const opening = ledger[0]!.balanceMinor! - ledger[0]!.amountMinor;
    const kept = rowAt<BankTransactionRow>(rows, file, first!.walletRow!.row).balanceMinor!;
    expect(opening - kept).toBe(BigInt(first!.carriedIn!));
    for (const withdrawal of later) expect(rowAt<BankTransactionRow>(rows, file, withdrawal.walletRow!.row).balanceMinor).toBe(kept);
  });

  it("links each withdrawal to a bank credit of the same amount that quotes its id", () => {
    const onStatement = withdrawals.filter((withdrawal) => withdrawal.bank);
    expect(onStatement.length).toBeGreaterThan(withdrawals.length - 4);
    let nextDay = 0;
    for (const withdrawal of onStatement) {
      const bank = withdrawal.bank!;
      const row = rowAt<BankTransactionRow>(rows, bank.file, bank.row);
      expect(row.amountMinor).toBe(BigInt(withdrawal.amount));
      expect(bank.amount).toBe(withdrawal.amount);
      expect(row.memo).toContain(withdrawal.id);
      expect(row.occurredOn).toBe(bank.on);
      if (bankLayout === "generic-bank") expect(row.reference).toBe(bank.reference);
      const days = (Date.parse(bank.on) - Date.parse(withdrawal.at.slice(0, 10))) / 86_400_000;
      expect([0, 1]).toContain(days);
      nextDay += days;
    }
    expect(nextDay / onStatement.length).toBeGreaterThan(0.1);
    expect(nextDay / onStatement.length).toBeLessThan(0.3);
  });

  it("describes every bank line, a sixth to a quarter of them unrelated to any shop", () => {
    const bankLines = ofType(records, "bankLine");
    const bankFile = month.files.find((file) => file.kind === "bank" && file.storeOrAccount.key === "bank")!;
    expect(bankLines).toHaveLength(bankFile.rows);
    for (const line of bankLines) {
      const row = rowAt<BankTransactionRow>(rows, line.file, line.row);
      expect(row.amountMinor).toBe(BigInt(line.amount));
      expect(row.memo ?? "").toBe(line.memo);
      if (line.counterparty) expect(row.counterparty).toBe(line.counterparty);
    }
    const unrelated = bankLines.filter((line) => line.withdrawal === null).length / bankLines.length;
    expect(unrelated).toBeGreaterThanOrEqual(0.15);
    expect(unrelated).toBeLessThanOrEqual(0.25);
  });

  it("leaves realistic gaps: refunds, next-month settlements and orders carried in", () => {
    const exported = orders.filter((order) => order.inExport && order.amounts.paid > 0);
    const refunded = exported.filter((order) => order.amounts.refunded > 0).length / exported.length;
    expect(refunded).toBeGreaterThan(0.03);
    expect(refunded).toBeLessThan(0.1);
    expect(exported.some((order) => order.lines.length === 0 && order.expectedSettleOn! > `${month.month}-31`)).toBe(true);
    expect(orders.some((order) => !order.inExport && order.lines.length > 0)).toBe(true);
    expect(orders.some((order) => order.lines.some((line) => line.type === "REFUND"))).toBe(true);
  });
});
