// Order numbers, trade numbers, ledger ids and payout ids in each platform's own shape:
//   Tmall 订单编号       19 digits                        2 + shard + 15
//   Alipay 支付宝交易号   28 digits, paid date first       YYYYMMDD 2200 + 16
//   Alipay 账务流水号     20 digits, entry date first      YYYYMMDD + 12
//   Alipay 提现流水号     32 digits                        YYYYMMDD 200040011100 + 12
//   PDD 订单号           YYMMDD-15 digits (order date)
//   PDD 提现单号          TX + YYYYMMDD + 10               (as the 商户订单号 of the 提现 line)
//   JD 订单号            12 digits                        3 + 11
//   Douyin 主订单编号     19 digits, sub-orders main+1, +2 69 + shard + 15
import { digits, scrambledCounter } from "./scrambled-counter";

export interface PlatformIds {
  tmallOrderNo(index: number): string;
  alipayTradeNo(index: number, paidCompactDate: string): string;
  alipayEntryNo(sequence: number, compactDate: string): string;
  alipayWithdrawalNo(sequence: number, compactDate: string): string;
  pddOrderNo(index: number, createdShortDate: string): string;
  pddWithdrawalNo(sequence: number, compactDate: string): string;
  jdOrderNo(index: number): string;
  douyinOrderNo(index: number): string;
  /** Sub-order k (0-based) of a Douyin order with `count` sub-orders. */
  douyinSubOrderNo(index: number, k: number, count: number): string;
  payoutNo(prefix: string, sequence: number, compactDate: string): string;
  bankSerialNo(sequence: number, compactDate: string): string;
  trackingNo(index: number): string;
}

export function platformIds(streamSeed: number): PlatformIds {
  const shard = digits(streamSeed % 1000, 3);
  const tmall = scrambledCounter(streamSeed, "tmall-order", 1e15);
  const trade = scrambledCounter(streamSeed, "alipay-trade", 1e15);
  const entry = scrambledCounter(streamSeed, "alipay-entry", 1e12);
  const withdrawal = scrambledCounter(streamSeed, "alipay-withdrawal", 1e12);
  const pdd = scrambledCounter(streamSeed, "pdd-order", 1e15);
  const pddWithdrawal = scrambledCounter(streamSeed, "pdd-withdrawal", 1e10);
  const jd = scrambledCounter(streamSeed, "jd-order", 1e11);
  const douyin = scrambledCounter(streamSeed, "douyin-order", 2.5e14);
  const payout = scrambledCounter(streamSeed, "payout", 1e8);
  const bank = scrambledCounter(streamSeed, "bank-serial", 1e8);
  const tracking = scrambledCounter(streamSeed, "tracking", 1e12);
  const douyinMain = (index: number) => douyin(index) * 4;
  return {
    tmallOrderNo: (index) => `2${shard}${digits(tmall(index), 15)}`,
    alipayTradeNo: (index, date) => `${date}22001${digits(trade(index), 15)}`,
    alipayEntryNo: (sequence, date) => `${date}${digits(entry(sequence), 12)}`,
    alipayWithdrawalNo: (sequence, date) => `${date}200040011100${digits(withdrawal(sequence), 12)}`,
    pddOrderNo: (index, date) => `${date}-${digits(pdd(index), 15)}`,
    pddWithdrawalNo: (sequence, date) => `TX${date}${digits(pddWithdrawal(sequence), 10)}`,
    jdOrderNo: (index) => `3${digits(jd(index), 11)}`,
    douyinOrderNo: (index) => `69${shard.slice(1)}${digits(douyinMain(index), 15)}`,
    douyinSubOrderNo: (index, k, count) => `69${shard.slice(1)}${digits(douyinMain(index) + (count === 1 ? 0 : k + 1), 15)}`,
    payoutNo: (prefix, sequence, date) => `${prefix}${date}${digits(payout(sequence), 8)}`,
    bankSerialNo: (sequence, date) => `${date}${digits(bank(sequence), 8)}`,
    trackingNo: (index) => digits(tracking(index), 13),
  };
}
