// A small random month for property tests: Tmall orders settled in an Alipay wallet (printing its
// balance, with money carried in from before the month on most seeds), PDD orders in
// a platform bill, JD orders paid straight to the bank, withdrawals that sweep the wallets, bank
// receipts that quote them (or not, or only partly), buyers' transfers naming orders, and noise with
// deliberately repeated amounts. Seeded, so a failing seed can be replayed.
import type { BankTransactionInput, OrderInput, ReconcileInput, SettlementLineInput } from "@/lib/match-engine";
import { ACCOUNTS, PAYERS, STORES } from "./helpers";

export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}

const PRICES = [990, 1990, 2990, 4990, 9980, 12900];
const day = (d: number) => `2025-03-${String(d).padStart(2, "0")}`;
const time = (d: number, second: number) => `${day(d)}T${String(Math.floor(second / 3600)).padStart(2, "0")}:${String(Math.floor(second / 60) % 60).padStart(2, "0")}:${String(second % 60).padStart(2, "0")}`;
const percent = (amount: number, bps: number) => Math.floor((amount * bps + 5000) / 10000);

interface LedgerEvent {
  at: number;
  amount: number;
  make: (id: string, sequence: number) => SettlementLineInput | BankTransactionInput;
}

export function randomWorld(seed: number, orderCount = 60): ReconcileInput {
  const random = new Random(seed);
  const ids = random.shuffle(Array.from({ length: orderCount * 12 + 200 }, (_, k) => String(1000 + k)));
  let idAt = 0;
  const nextId = () => ids[idAt++]!;
  const orders: OrderInput[] = [];
  const alipay: LedgerEvent[] = [];
  const pdd: LedgerEvent[] = [];
  const bank: BankTransactionInput[] = [];
  const jdOrders: { order: OrderInput; net: number; settleDay: number }[] = [];

  for (let k = 0; k < orderCount; k++) {
    const store = random.pick(["tmall", "tmall", "pdd", "pdd", "jd"] as const);
    const orderNo = store === "pdd" ? `250301-${700000 + k}` : String(2228600000 + k);
    const paid = random.pick(PRICES) * random.int(1, 2);
    const refund = random.chance(0.15) ? (random.chance(0.5) ? paid : Math.floor(paid / 300) * 100) : 0;
    const confirmDay = random.int(1, 24);
    const second = random.int(0, 86_399);
    const confirmed = random.chance(0.85);
    const order: OrderInput = {
      side: "order",
      id: nextId(),
      storeId: store,
      orderNo,
      paidMinor: BigInt(paid),
      refundMinor: store === "tmall" ? BigInt(refund) : 0n,
      ...(store === "jd" ? { merchantReceivedMinor: BigInt(paid - percent(paid, 800)) } : {}),
      ...(store === "pdd" && random.chance(0.2) ? { merchantReceivedMinor: BigInt(paid + 300) } : {}),
      currency: "CNY",
      paidOn: day(Math.max(1, confirmDay - 3)),
      ...(confirmed ? { confirmedOn: day(confirmDay), confirmedAt: time(confirmDay, second) } : {}),
      status: refund === paid ? "交易关闭" : "交易成功",
      ...(refund > 0 && store === "pdd" ? { afterSaleStatus: "退款成功" } : {}),
    };
    if (!random.chance(0.05)) orders.push(order); // some orders are not imported
    if (!confirmed || (refund === paid && random.chance(0.5))) continue;
    const at = confirmDay * 86_400 + second;
    const sale = refund > 0 && refund < paid && random.chance(0.5) ? paid - refund : paid;
    if (store === "tmall") {
      const merchantOrderNo = `T200P${orderNo}`;
      alipay.push({ at, amount: sale, make: (id, sequence) => walletRow(id, at, sequence, sale, merchantOrderNo, "在线支付 / 交易收入") });
      const commission = percent(sale, random.pick([200, 300, 500, 600]));
      alipay.push({ at, amount: -commission, make: (id, sequence) => walletRow(id, at, sequence, -commission, merchantOrderNo, `收费 / 天猫佣金扣款[${orderNo}]`) });
      if (random.chance(0.3)) {
        const fee = percent(sale, 80);
        alipay.push({ at, amount: -fee, make: (id, sequence) => walletRow(id, at, sequence, -fee, merchantOrderNo, `收费 / 花呗支付服务费[${orderNo}]`) });
      }
      if (refund > 0 && sale === paid) {
        const refundAt = at + random.int(3600, 5 * 86_400);
        alipay.push({ at: refundAt, amount: -refund, make: (id, sequence) => walletRow(id, refundAt, sequence, -refund, merchantOrderNo, "交易退款 / 售后退款") });
      }
    } else if (store === "pdd") {
      const settleAt = at + 7 * 86_400;
      if (settleAt >= 31 * 86_400) continue;
      pdd.push({ at: settleAt, amount: sale, make: (id, sequence) => billLine(id, settleAt, sequence, "SALE", sale, orderNo) });
      const fee = percent(sale, 60);
      pdd.push({ at: settleAt, amount: -fee, make: (id, sequence) => billLine(id, settleAt, sequence, "COMMISSION", -fee, orderNo) });
      if (random.chance(0.1)) {
        const adjustment = -random.int(1, 500);
        pdd.push({ at: settleAt, amount: adjustment, make: (id, sequence) => billLine(id, settleAt, sequence, "ADJUSTMENT", adjustment, orderNo) });
      }
    } else {
      jdOrders.push({ order, net: paid - percent(paid, 800), settleDay: confirmDay + 15 });
    }
  }
  // Lines of orders this data does not have, and a wallet top-up.
  for (let k = 0; k < 3; k++) {
    const at = random.int(1, 28) * 86_400;
    const amount = random.pick(PRICES);
    pdd.push({ at, amount, make: (id, sequence) => billLine(id, at, sequence, "SALE", amount, `250201-${900 + k}`) });
  }
  const topUpAt = random.int(2, 28) * 86_400 + 40_000;
  alipay.push({ at: topUpAt, amount: -50_000, make: (id, sequence) => walletRow(id, topUpAt, sequence, -50_000, undefined, "万相台推广充值") });

  const settlementLines: SettlementLineInput[] = [];
  const walletRows: BankTransactionInput[] = [];
  const play = (events: LedgerEvent[], wallet: "alipay" | "pdd") => {
    events.sort((a, b) => a.at - b.at);
    // The Alipay ledger prints its balance: on most seeds it starts with money carried in from before
    // the month (swept by the first withdrawal) above a floor it keeps (0 on odd seeds). Derived from
    // the seed, so the rest of the world draws the same numbers as before.
    const carriedIn = wallet === "alipay" && seed % 3 !== 0 ? 12_345 * seed : 0;
    let balance = (wallet === "alipay" && seed % 2 === 0 ? 30_000 : 0) + carriedIn;
    let pending = carriedIn;
    let sequence = 0;
    let withdrawals = 0;
    const emit = (row: SettlementLineInput | BankTransactionInput) => {
      if (row.side === "settlement") return settlementLines.push(row);
      balance += Number(row.amountMinor);
      return walletRows.push({ ...row, balanceMinor: BigInt(balance) });
    };
    const withdraw = (at: number) => {
      if (pending <= 0) return;
      const number = `${wallet === "alipay" ? "2025" : "TX"}${seed}0${withdrawals++}88${random.int(100000, 999999)}`;
      const amount = pending;
      pending = 0;
      emit(
        wallet === "alipay"
          ? { side: "bank", id: nextId(), accountId: "alipay", amountMinor: BigInt(-amount), currency: "CNY", occurredOn: day(Math.floor(at / 86_400)), occurredAt: time(Math.floor(at / 86_400), at % 86_400), sequence: sequence++, secondaryReference: number, memo: "提现 / 提现到银行卡" }
          : { side: "settlement", id: nextId(), storeId: "pdd", lineType: "WITHDRAWAL", payoutId: number, amountMinor: BigInt(-amount), currency: "CNY", occurredOn: day(Math.floor(at / 86_400)), occurredAt: time(Math.floor(at / 86_400), at % 86_400), sequence: sequence++ },
      );
      const bankDay = Math.min(31, Math.floor(at / 86_400) + (random.chance(0.2) ? 1 : 0));
      const payer = wallet === "alipay" ? PAYERS.alipay : PAYERS.pdd;
      const shape = random.next();
      if (shape < 0.6) bank.push(receipt(nextId(), bankDay, amount, payer, `${wallet === "alipay" ? "支付宝提现" : "拼多多提现"} ${number}`));
      else if (shape < 0.7) bank.push(receipt(nextId(), bankDay, amount, payer, "汇入汇款"));
      else if (shape < 0.8) bank.push(receipt(nextId(), bankDay, amount, undefined, `提现 …${number.slice(-10)}`));
      else if (shape < 0.9) bank.push(receipt(nextId(), bankDay, amount - random.int(1, 200), payer, `提现 ${number}`));
      // else: not on the statement
    };
    let nextWithdrawal = random.int(1, 4) * 86_400 + 57_600;
    for (const event of events) {
      while (event.at >= nextWithdrawal) {
        withdraw(nextWithdrawal);
        nextWithdrawal += random.int(2, 5) * 86_400;
      }
      emit(event.make(nextId(), sequence++));
      pending += event.amount;
    }
  };
  play(alipay, "alipay");
  play(pdd, "pdd");

  // JD pays settled orders straight to the bank in batches; some batches carry extra money.
  jdOrders.sort((a, b) => a.settleDay - b.settleDay);
  for (let start = 0; start < jdOrders.length; ) {
    const size = random.int(1, 4);
    const batch = jdOrders.slice(start, start + size);
    start += size;
    const payDay = Math.max(...batch.map((entry) => entry.settleDay));
    if (payDay > 31) continue;
    const amount = batch.reduce((sum, entry) => sum + entry.net, 0) + (random.chance(0.3) ? random.int(1, 999) : 0);
    bank.push(receipt(nextId(), payDay, amount, PAYERS.jd, `京东货款结算 结算单号 JS${seed}${start}`));
  }
  // Buyers' transfers naming orders, paid in full, in part or for two orders at once.
  for (let k = 0; k < 3 && orders.length > 2; k++) {
    const named = random.pick(orders);
    const amount = random.chance(0.5) ? Number(named.paidMinor) : Math.floor(Number(named.paidMinor) / 2);
    bank.push(receipt(nextId(), random.int(1, 31), amount, "某某商贸有限公司", `货款 订单${named.orderNo}`));
  }
  // Noise: other business, with amounts that collide with real ones.
  for (let k = 0; k < 15; k++) {
    const amount = random.chance(0.5) ? random.pick(PRICES) : -random.int(100, 500_000);
    bank.push(receipt(nextId(), random.int(1, 31), amount, random.pick(["义乌市佳和日用品有限公司", "国网上海市电力公司", PAYERS.alipay, ""]), random.pick(["货款", "电费", "汇入汇款", ""])));
  }

  return {
    stores: random.shuffle(STORES),
    accounts: random.shuffle(ACCOUNTS),
    orders: random.shuffle(orders),
    settlementLines: random.shuffle(settlementLines),
    bankTransactions: random.shuffle([...walletRows, ...bank]),
  };
}

function walletRow(id: string, at: number, sequence: number, amount: number, merchantOrderNo: string | undefined, memo: string): BankTransactionInput {
  const d = Math.floor(at / 86_400);
  return { side: "bank", id, accountId: "alipay", amountMinor: BigInt(amount), currency: "CNY", occurredOn: day(d), occurredAt: time(d, at % 86_400), sequence, ...(merchantOrderNo ? { merchantOrderNo } : {}), memo };
}

function billLine(id: string, at: number, sequence: number, lineType: SettlementLineInput["lineType"], amount: number, orderNo: string): SettlementLineInput {
  const d = Math.floor(at / 86_400);
  return { side: "settlement", id, storeId: "pdd", lineType, orderNo, amountMinor: BigInt(amount), currency: "CNY", occurredOn: day(d), occurredAt: time(d, at % 86_400), sequence };
}

function receipt(id: string, d: number, amount: number, counterparty: string | undefined, memo: string): BankTransactionInput {
  return { side: "bank", id, accountId: "bank", amountMinor: BigInt(amount), currency: "CNY", occurredOn: day(Math.min(31, Math.max(1, d))), ...(counterparty ? { counterparty } : {}), memo };
}
