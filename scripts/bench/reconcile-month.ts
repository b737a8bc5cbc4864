// The synthetic month of the reconcile benchmarks, built in memory the way a loader would hand it
// to the engine (rows ordered by id, ledgers in booking order): orders of a Tmall shop (Alipay
// wallet lines), a PDD shop (bill lines) and two shops paid straight to the bank (JD, Douyin), daily
// withdrawals, and a bank statement padded with the company's other business up to `bankLines`.
// Store and account ids are "tmall", "pdd", "jd", "douyin", "bank", "alipay".
import type { BankTransactionInput, OrderInput, ReconcileInput, SettlementLineInput } from "../../lib/match-engine";

/** xorshift32: deterministic filler, no Math.random. */
let state = 0x9e3779b9;
const next = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));

const DAYS = 31;
// A loader turns a DATE column into one string per distinct day (a month has 31), not one per row.
const DATES = Array.from({ length: 31 }, (_, day) => `2025-03-${String(day + 1).padStart(2, "0")}`);
const dateOf = (day: number) => DATES[day]!;
const pad = (n: number) => String(n).padStart(2, "0");
const dateTimeOf = (day: number, second: number) => `${dateOf(day)}T${pad(Math.floor(second / 3600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
const fee = (amount: number, bps: number) => Math.floor((amount * bps + 5000) / 10000);

interface WalletEvent {
  time: number;
  orderNo: string;
  amount: number;
  kind: "SALE" | "COMMISSION" | "SERVICE_FEE";
}

export function buildMonth(orderCount: number, bankLines: number): ReconcileInput {
  state = 0x9e3779b9;
  const orders: OrderInput[] = [];
  const alipay: WalletEvent[] = [];
  const pdd: WalletEvent[] = [];
  let orderId = 1;
  for (let i = 0; i < orderCount; i++) {
    const slot = i % 10;
    const storeId = slot < 4 ? "tmall" : slot < 7 ? "pdd" : slot < 9 ? "jd" : "douyin";
    const orderNo = storeId === "pdd" ? `250301-${String(700000000000000 + i)}` : String(2228646600000000000n + BigInt(i));
    const paid = 990 + int(0, 300) * 100;
    const confirmedDay = int(0, DAYS - 1);
    const confirmedSecond = int(0, 86_399);
    const confirmed = next() < 0.8;
    orders.push({
      side: "order",
      id: String(orderId++),
      storeId,
      orderNo,
      paidMinor: BigInt(paid),
      refundMinor: 0n,
      ...(storeId === "jd" ? { merchantReceivedMinor: BigInt(paid - fee(paid, 800)) } : {}),
      currency: "CNY",
      paidOn: dateOf(Math.max(0, confirmedDay - 5)),
      ...(confirmed ? { confirmedOn: dateOf(confirmedDay), confirmedAt: dateTimeOf(confirmedDay, confirmedSecond), status: "交易成功" } : { status: "已发货" }),
    });
    if (!confirmed) continue;
    const time = confirmedDay * 86_400 + confirmedSecond;
    if (storeId === "tmall") {
      alipay.push({ time, orderNo, amount: paid, kind: "SALE" }, { time, orderNo, amount: -fee(paid, 300), kind: "COMMISSION" });
      if (slot === 0) alipay.push({ time, orderNo, amount: -fee(paid, 80), kind: "SERVICE_FEE" });
    } else if (storeId === "pdd" && confirmedDay + 7 < DAYS) {
      const settle = time + 7 * 86_400;
      pdd.push({ time: settle, orderNo, amount: paid, kind: "SALE" }, { time: settle, orderNo, amount: -fee(paid, 60), kind: "COMMISSION" });
    }
  }

  const bankRows: BankTransactionInput[] = [];
  const settlementLines: SettlementLineInput[] = [];
  const receipts: { day: number; amount: number; counterparty: string; memo: string }[] = [];
  let walletId = 10_000_000_000;
  let settlementId = 20_000_000_000;
  const sweep = (events: WalletEvent[], emit: (event: WalletEvent | { withdrawal: string; time: number; amount: number }) => void, prefix: string, payer: string, memoPrefix: string) => {
    events.sort((a, b) => a.time - b.time);
    let pending = 0;
    let day = 0;
    const withdraw = () => {
      if (pending <= 0) return;
      const id = `${prefix}${20250301 + day}${String(day).padStart(8, "0")}`;
      emit({ withdrawal: id, time: day * 86_400 + 16 * 3600, amount: pending });
      receipts.push({ day: Math.min(DAYS - 1, day + (day % 5 === 0 ? 1 : 0)), amount: pending, counterparty: payer, memo: `${memoPrefix} ${id}` });
      pending = 0;
    };
    for (const event of events) {
      while (event.time >= day * 86_400 + 16 * 3600 && day < DAYS) {
        withdraw();
        day++;
      }
      emit(event);
      pending += event.amount;
    }
    while (day < DAYS) {
      withdraw();
      day++;
    }
  };
  sweep(
    alipay,
    (event) => {
      const second = event.time % 86_400;
      const day = Math.floor(event.time / 86_400);
      if ("withdrawal" in event) {
        bankRows.push({ side: "bank", id: String(walletId++), accountId: "alipay", amountMinor: BigInt(-event.amount), currency: "CNY", occurredOn: dateOf(day), occurredAt: dateTimeOf(day, second), secondaryReference: event.withdrawal, memo: "提现 / 提现到银行卡" });
        return;
      }
      const words = event.kind === "SALE" ? "在线支付 / 交易收入" : event.kind === "COMMISSION" ? `收费 / 天猫佣金扣款[${event.orderNo}]` : `收费 / 花呗支付服务费[${event.orderNo}]`;
      bankRows.push({ side: "bank", id: String(walletId++), accountId: "alipay", amountMinor: BigInt(event.amount), currency: "CNY", occurredOn: dateOf(day), occurredAt: dateTimeOf(day, second), merchantOrderNo: `T200P${event.orderNo}`, memo: words });
    },
    "2025",
    "支付宝（中国）网络技术有限公司",
    "支付宝提现",
  );
  sweep(
    pdd,
    (event) => {
      const second = event.time % 86_400;
      const day = Math.floor(event.time / 86_400);
      const common = { side: "settlement" as const, id: String(settlementId++), storeId: "pdd", currency: "CNY", occurredOn: dateOf(day), occurredAt: dateTimeOf(day, second) };
      if ("withdrawal" in event) settlementLines.push({ ...common, lineType: "WITHDRAWAL", payoutId: event.withdrawal, amountMinor: BigInt(-event.amount) });
      else settlementLines.push({ ...common, lineType: event.kind === "SALE" ? "SALE" : "COMMISSION", orderNo: event.orderNo, amountMinor: BigInt(event.amount) });
    },
    "TX",
    "上海寻梦信息技术有限公司",
    "拼多多提现",
  );
  // Payouts of the directly paid shops: one every three days, amounts unrelated to single orders.
  for (let day = 2; day < DAYS; day += 3) {
    receipts.push({ day, amount: int(500_000, 5_000_000), counterparty: "北京京东世纪贸易有限公司", memo: `京东货款结算 结算单号 JS${20250301 + day}${int(10000000, 99999999)}` });
    receipts.push({ day, amount: int(500_000, 5_000_000), counterparty: "北京空间变换科技有限公司", memo: `抖店货款结算 结算单号 DYJS${20250301 + day}${int(10000000, 99999999)}` });
  }
  const suppliers = ["义乌市佳和日用品有限公司", "深圳市科讯电子有限公司", "杭州丝路服饰有限公司", "国网上海市电力公司"];
  while (receipts.length < bankLines) {
    const outgoing = next() < 0.7;
    receipts.push({ day: int(0, DAYS - 1), amount: (outgoing ? -1 : 1) * int(1_000, 2_000_000), counterparty: suppliers[int(0, suppliers.length - 1)]!, memo: outgoing ? `货款 采购单CG${int(100000, 999999)}` : `货款回款 ${int(100, 999)}` });
  }
  receipts.sort((a, b) => a.day - b.day);
  let bankId = 30_000_000_000;
  receipts.forEach((receipt, position) => {
    bankRows.push({ side: "bank", id: String(bankId++), accountId: "bank", amountMinor: BigInt(receipt.amount), currency: "CNY", occurredOn: dateOf(receipt.day), sequence: position, counterparty: receipt.counterparty, memo: `汇入汇款 / ${receipt.memo}` });
  });

  return {
    stores: [
      { id: "tmall", platform: "TMALL", currency: "CNY", settlementTermsDays: 0, feeRateBps: 500, walletAccountIds: ["alipay"] },
      { id: "pdd", platform: "PDD", currency: "CNY", settlementTermsDays: 7, feeRateBps: 60 },
      { id: "jd", platform: "JD", currency: "CNY", settlementTermsDays: 15, feeRateBps: 800 },
      { id: "douyin", platform: "DOUYIN", currency: "CNY", settlementTermsDays: 7, feeRateBps: 500 },
    ],
    accounts: [
      { id: "bank", type: "BANK", currency: "CNY" },
      { id: "alipay", type: "ALIPAY", currency: "CNY" },
    ],
    orders,
    settlementLines,
    bankTransactions: bankRows,
  };
}

