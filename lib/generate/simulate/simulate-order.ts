// Decides one order from its store, its index and the seed alone: the same (seed, store, index)
// always gives the same order, so files can be written in one pass and the ground truth re-creates
// orders later instead of keeping them in memory. Rules per platform are commented where they differ.
import { CHEAPEST_PRODUCT_INDEX, PRODUCT_WEIGHTS, PRODUCT_WEIGHT_TOTAL, productAt } from "../catalog/products";
import { SECONDS_PER_DAY, type MonthCalendar } from "../calendar/month-calendar";
import { percentFloorOfMinor, percentOfMinor } from "../money/percent-of-minor";
import { indexedSeed } from "../random/derive-seed";
import type { Mulberry32 } from "../random/mulberry32";
import type { StoreProfile } from "../stores/store-profiles";
import { creationSecond } from "./creation-time";
import { NEVER, type OrderItem, type PayChannel, type RefundKind, type SimulatedOrder } from "./simulated-order";

const HOUR = 3600;
const DAY = SECONDS_PER_DAY;
/** Orders are worth at most this much; bigger baskets are cut (the brief's ¥9.90 – ¥2,999). */
const MAX_ORDER_MINOR = 299_900;
/** Payment happens within 15 minutes, so nothing exported is created in the month's last 15. */
const LATEST_PAYMENT_DELAY_SEC = 900;

export interface StoreSimulation {
  profile: StoreProfile;
  streamSeed: number;
  /** Orders created in the month (these are exported). Indexes 0 … exportedCount − 1. */
  exportedCount: number;
  /** Orders created in the days before the month; they reach the month only through settlement. */
  carryInCount: number;
  carryInDays: number;
  calendar: MonthCalendar;
}

export function totalOrders(simulation: StoreSimulation): number {
  return simulation.exportedCount + simulation.carryInCount;
}

function createdAt(simulation: StoreSimulation, index: number, jitter: number): number {
  const { exportedCount, carryInCount, carryInDays, calendar } = simulation;
  if (index < exportedCount) {
    return creationSecond(index, exportedCount, jitter, 0, calendar.days, calendar.endSec - LATEST_PAYMENT_DELAY_SEC - 1);
  }
  return creationSecond(index - exportedCount, carryInCount, jitter, -carryInDays, carryInDays, -LATEST_PAYMENT_DELAY_SEC - 1);
}

function itemCountFor(profile: StoreProfile, rng: Mulberry32): number {
  if (profile.key === "pdd") return 1; // a Pinduoduo order is one product
  const roll = rng.next();
  if (profile.key === "douyin") return roll < 0.85 ? 1 : 2;
  return roll < 0.85 ? 1 : roll < 0.97 ? 2 : 3;
}

function pickItems(profile: StoreProfile, rng: Mulberry32): OrderItem[] {
  const wanted = itemCountFor(profile, rng);
  const items: OrderItem[] = [];
  let total = 0;
  for (let attempt = 0; attempt < wanted * 3 && items.length < wanted; attempt++) {
    const productIndex = rng.weightedIndex(PRODUCT_WEIGHTS, PRODUCT_WEIGHT_TOTAL);
    if (items.some((item) => item.productIndex === productIndex)) continue;
    const price = productAt(productIndex).priceMinor;
    const roll = rng.next();
    let quantity = roll < 0.82 ? 1 : roll < 0.95 ? 2 : 3;
    if (price * quantity > MAX_ORDER_MINOR - total) quantity = 1;
    if (price > MAX_ORDER_MINOR - total) continue;
    const goodsMinor = price * quantity;
    total += goodsMinor;
    items.push({ productIndex, quantity, goodsMinor, sellerDiscountMinor: 0, platformDiscountMinor: 0, payableMinor: goodsMinor, commissionMinor: 0 });
  }
  if (items.length === 0) {
    const goodsMinor = productAt(CHEAPEST_PRODUCT_INDEX).priceMinor;
    items.push({ productIndex: CHEAPEST_PRODUCT_INDEX, quantity: 1, goodsMinor, sellerDiscountMinor: 0, platformDiscountMinor: 0, payableMinor: goodsMinor, commissionMinor: 0 });
  }
  return items;
}

/** Douyin shows who funded each line's discount: the shop, or the platform (which pays it back). */
function applyDouyinLineDiscounts(items: OrderItem[], rng: Mulberry32): void {
  for (const item of items) {
    if (rng.chance(0.2)) item.sellerDiscountMinor = Math.min(rng.int(2, 20) * 100, percentFloorOfMinor(item.goodsMinor, 20));
    if (rng.chance(0.15)) item.platformDiscountMinor = Math.min(rng.int(1, 10) * 100, percentFloorOfMinor(item.goodsMinor, 20));
    item.payableMinor = item.goodsMinor - item.sellerDiscountMinor - item.platformDiscountMinor;
  }
}

function refundKindFor(rng: Mulberry32): RefundKind {
  // ≈ 6.5 % of paid orders see a refund; a third of those before the parcel leaves.
  const roll = rng.next();
  if (roll < 0.025) return "FULL_BEFORE_SHIP";
  if (roll < 0.04) return "PARTIAL_BEFORE_CONFIRM";
  if (roll < 0.052) return "PARTIAL_AFTER_CONFIRM";
  if (roll < 0.065) return "FULL_AFTER_CONFIRM";
  return "NONE";
}

/** A partial refund in whole yuan, 10–50 % of the order, always less than what was paid. */
function partialRefundMinor(paidMinor: number, rng: Mulberry32): number {
  const share = percentFloorOfMinor(paidMinor, rng.int(10, 50));
  const wholeYuan = Math.max(100, Math.floor(share / 100) * 100);
  return wholeYuan < paidMinor ? wholeYuan : Math.floor(paidMinor / 2);
}

/** Splits an order-level commission over its lines in proportion to what each line pays; the last
 * line takes the rounding remainder so the lines add up to the order's figure exactly. */
function allocateCommission(items: OrderItem[], commissionMinor: number): void {
  const payable = items.reduce((sum, item) => sum + item.payableMinor, 0);
  let left = commissionMinor;
  items.forEach((item, position) => {
    const share = position === items.length - 1 || payable === 0 ? left : Math.floor((commissionMinor * item.payableMinor) / payable);
    item.commissionMinor = share;
    left -= share;
  });
}

export function simulateOrder(simulation: StoreSimulation, index: number, rng: Mulberry32): SimulatedOrder {
  const { profile } = simulation;
  rng.reseed(indexedSeed(simulation.streamSeed, index));
  const createdSec = createdAt(simulation, index, rng.next());
  const items = pickItems(profile, rng);
  if (profile.key === "douyin") applyDouyinLineDiscounts(items, rng);
  const goodsMinor = items.reduce((sum, item) => sum + item.goodsMinor, 0);

  // Tmall charges postage on small baskets; the other shops ship free (包邮).
  const shippingMinor = profile.key === "tmall" && goodsMinor < 4900 && rng.chance(0.5) ? 800 : 0;
  let shopDiscountMinor = 0;
  let platformDiscountMinor = 0;
  let payDiscountMinor = 0;
  if (profile.key === "pdd") {
    if (rng.chance(0.15)) shopDiscountMinor = Math.min(rng.pick([300, 500, 1000, 2000]), percentFloorOfMinor(goodsMinor, 30));
    if (rng.chance(0.1)) platformDiscountMinor = Math.min(rng.int(1, 5) * 100, percentFloorOfMinor(goodsMinor, 20));
    if (rng.chance(0.05)) payDiscountMinor = Math.min(rng.int(1, 3) * 50, percentFloorOfMinor(goodsMinor, 10));
  }
  const lineDiscounts = items.reduce((sum, item) => sum + item.sellerDiscountMinor + item.platformDiscountMinor, 0);
  const payableMinor = goodsMinor + shippingMinor - shopDiscountMinor - platformDiscountMinor - payDiscountMinor - lineDiscounts;

  const unpaid = profile.key === "tmall" && rng.chance(0.02); // 买家未付款: closed without money
  const payChannel: PayChannel = rng.chance(0.25) ? "HUABEI" : rng.chance(0.2) ? "CREDIT_CARD" : "BALANCE";
  const commissionBps = profile.key === "tmall" ? productAt(items[0]!.productIndex).tmallCommissionBps : profile.feeRateBps;
  // 花呗 and credit-card payments cost Tmall sellers a service fee; the rates are assumptions.
  const serviceFeeBps = profile.key !== "tmall" ? 0 : payChannel === "HUABEI" ? 80 : payChannel === "CREDIT_CARD" ? 60 : 0;
  // PDD 多多进宝: a share of promoted orders goes to the promoter (5–20 %).
  const promotionBps = profile.key === "pdd" && rng.chance(0.1) ? rng.int(5, 20) * 100 : 0;

  const order: SimulatedOrder = {
    store: profile.key,
    index,
    inExport: index < simulation.exportedCount,
    createdSec,
    paidSec: NEVER,
    shippedSec: NEVER,
    confirmedSec: NEVER,
    settleSec: NEVER,
    refundSec: NEVER,
    items,
    goodsMinor,
    shippingMinor,
    shopDiscountMinor,
    platformDiscountMinor,
    payDiscountMinor,
    paidMinor: 0,
    receivableMinor: 0,
    refundKind: "NONE",
    refundMinor: 0,
    refundBeforeSettlement: false,
    payChannel,
    commissionBps,
    serviceFeeBps,
    promotionBps,
    saleMinor: 0,
    commissionMinor: 0,
    serviceFeeMinor: 0,
    promotionMinor: 0,
    refundLineMinor: 0,
  };
  if (unpaid) return order;

  order.paidSec = createdSec + rng.int(5, LATEST_PAYMENT_DELAY_SEC);
  order.paidMinor = payableMinor;
  const platformFunded = platformDiscountMinor + payDiscountMinor + items.reduce((sum, item) => sum + item.platformDiscountMinor, 0);
  order.receivableMinor = payableMinor + platformFunded;
  allocateCommission(items, percentOfMinor(payableMinor, commissionBps));

  const refundKind = refundKindFor(rng);
  order.refundKind = refundKind;
  if (refundKind === "FULL_BEFORE_SHIP") {
    order.refundSec = order.paidSec + rng.int(600, 36 * HOUR);
    order.refundMinor = payableMinor;
    return order;
  }
  order.shippedSec = order.paidSec + rng.int(2 * HOUR, 60 * HOUR);
  order.confirmedSec = order.shippedSec + rng.int(2 * DAY, 10 * DAY);
  order.settleSec = order.confirmedSec + profile.settlementTermsDays * DAY;
  if (refundKind === "PARTIAL_BEFORE_CONFIRM") {
    order.refundSec = order.shippedSec + rng.int(HOUR, order.confirmedSec - order.shippedSec - 60);
    order.refundMinor = partialRefundMinor(payableMinor, rng);
  } else if (refundKind !== "NONE") {
    order.refundSec = order.confirmedSec + rng.int(HOUR, 20 * DAY);
    order.refundMinor = refundKind === "FULL_AFTER_CONFIRM" ? payableMinor : partialRefundMinor(payableMinor, rng);
  }

  // A refund that lands before settlement shrinks what settles; a later one is a refund line.
  const full = refundKind === "FULL_AFTER_CONFIRM";
  order.refundBeforeSettlement = refundKind !== "NONE" && order.refundSec < order.settleSec;
  if (order.refundBeforeSettlement) {
    order.saleMinor = full ? 0 : order.receivableMinor - order.refundMinor;
  } else {
    order.saleMinor = order.receivableMinor;
    if (refundKind !== "NONE") order.refundLineMinor = full ? order.saleMinor : order.refundMinor;
  }
  order.commissionMinor = percentOfMinor(order.saleMinor, commissionBps);
  order.serviceFeeMinor = percentOfMinor(order.saleMinor, serviceFeeBps);
  order.promotionMinor = percentOfMinor(order.saleMinor, promotionBps);
  return order;
}
