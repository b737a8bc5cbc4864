// Who the generated month belongs to: one company (演示贸易有限公司) with four shops and the accounts
// their money passes through. Names match the demo seed (lib/seed/seed-demo.ts) so a caller can
// create these stores and fund accounts, or find them, and import each file into the right one.
export const COMPANY_NAME = "演示贸易有限公司";

export type StoreKey = "tmall" | "pdd" | "jd" | "douyin";
export type Platform = "TMALL" | "PDD" | "JD" | "DOUYIN";
export type FundAccountKey = "alipay" | "bank";
export type FundAccountType = "ALIPAY" | "BANK";

/**
 * Where a shop's settled money waits before it reaches the bank:
 * - "alipay-ledger": the merchant Alipay account (a fund account with its own 账务明细 file);
 * - "pdd-ledger":    the Pinduoduo shop balance (店铺账务明细, a settlement file of the store);
 * - "bank-payout":   no wallet export at all: the platform pays settlements straight to the bank.
 */
export type WalletKind = "alipay-ledger" | "pdd-ledger" | "bank-payout";

export interface WalletProfile {
  kind: WalletKind;
  /** Days between withdrawals or payouts (the first one falls within this many days of the 1st). */
  withdrawalEveryDays: number;
  /** The paying entity as the bank shows it (对手信息 / 对方户名) and its account number. */
  payerName: string;
  payerAccount: string;
  /** Start of the bank memo; the withdrawal or payout id follows it. */
  bankMemoPrefix: string;
  /** Payout ids are this prefix + date + digits (bank-payout wallets only). */
  payoutIdPrefix?: string;
}

export interface StoreProfile {
  key: StoreKey;
  platform: Platform;
  /** The store's name in the app (Store.name). */
  name: string;
  /** The shop name as the platform's export prints it. */
  shopName: string;
  currency: "CNY";
  /** 账期: days after 确认收货 until the platform settles the order (Store.settlementTermsDays). */
  settlementTermsDays: number;
  /** Contracted commission / technical service fee in basis points (Store.feeRateBps). Tmall's
   * real commission depends on the category (see catalog/products.ts); this is its upper bound. */
  feeRateBps: number;
  /** Share of the --orders total that this shop receives. */
  orderSharePercent: number;
  ordersFormat: "tmall-orders" | "pdd-orders" | "jd-orders" | "douyin-orders";
  wallet: WalletProfile;
}

export interface FundAccountProfile {
  key: FundAccountKey;
  type: FundAccountType;
  name: string;
  institution: string;
  accountNumber: string;
  currency: "CNY";
}

export const BANK_ACCOUNT: FundAccountProfile = {
  key: "bank",
  type: "BANK",
  name: "招商银行基本户",
  institution: "招商银行",
  accountNumber: "6214830012345678",
  currency: "CNY",
};

export const ALIPAY_ACCOUNT: FundAccountProfile = {
  key: "alipay",
  type: "ALIPAY",
  name: "支付宝（天猫/淘宝）",
  institution: "支付宝",
  accountNumber: "2088621012345678",
  currency: "CNY",
};

export const FUND_ACCOUNTS: readonly FundAccountProfile[] = [BANK_ACCOUNT, ALIPAY_ACCOUNT];

export const STORES: readonly StoreProfile[] = [
  {
    key: "tmall",
    platform: "TMALL",
    name: "天猫旗舰店",
    shopName: "演示优品旗舰店",
    currency: "CNY",
    settlementTermsDays: 0,
    feeRateBps: 500,
    orderSharePercent: 40,
    ordersFormat: "tmall-orders",
    wallet: {
      kind: "alipay-ledger",
      withdrawalEveryDays: 3,
      payerName: "支付宝（中国）网络技术有限公司",
      payerAccount: "1202020819900012345",
      bankMemoPrefix: "支付宝提现",
    },
  },
  {
    key: "pdd",
    platform: "PDD",
    name: "拼多多专营店",
    shopName: "演示优品专营店",
    currency: "CNY",
    settlementTermsDays: 7,
    feeRateBps: 60,
    orderSharePercent: 30,
    ordersFormat: "pdd-orders",
    wallet: {
      kind: "pdd-ledger",
      withdrawalEveryDays: 4,
      payerName: "上海寻梦信息技术有限公司",
      payerAccount: "31050161393600001234",
      bankMemoPrefix: "拼多多提现",
    },
  },
  {
    key: "jd",
    platform: "JD",
    name: "京东 POP 店",
    shopName: "演示优品京东自营旗舰店",
    currency: "CNY",
    settlementTermsDays: 15,
    feeRateBps: 800,
    orderSharePercent: 15,
    ordersFormat: "jd-orders",
    wallet: {
      kind: "bank-payout",
      withdrawalEveryDays: 7,
      payerName: "北京京东世纪贸易有限公司",
      payerAccount: "110060974018010012345",
      bankMemoPrefix: "京东货款结算 结算单号",
      payoutIdPrefix: "JS",
    },
  },
  {
    key: "douyin",
    platform: "DOUYIN",
    name: "抖音小店",
    shopName: "演示优品抖音小店",
    currency: "CNY",
    settlementTermsDays: 7,
    feeRateBps: 500,
    orderSharePercent: 15,
    ordersFormat: "douyin-orders",
    wallet: {
      kind: "bank-payout",
      withdrawalEveryDays: 3,
      payerName: "北京空间变换科技有限公司",
      payerAccount: "110941880210702",
      bankMemoPrefix: "抖店货款结算 结算单号",
      payoutIdPrefix: "DYJS",
    },
  },
];

/** --orders split by share; the remainder goes to the first store so the total is exact. */
export function splitOrders(total: number): Map<StoreKey, number> {
  const counts = new Map<StoreKey, number>();
  let assigned = 0;
  for (const store of STORES) {
    const count = Math.floor((total * store.orderSharePercent) / 100);
    counts.set(store.key, count);
    assigned += count;
  }
  const first = STORES[0]!.key;
  counts.set(first, (counts.get(first) ?? 0) + total - assigned);
  return counts;
}
