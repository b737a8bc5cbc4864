// One order's whole life as the generator decides it, before anything is cut to the month: when it
// was created, paid, shipped, confirmed, refunded and settled, and every amount on the way.
// Times are seconds from the start of the month (see calendar/month-calendar.ts); NEVER means the
// step does not happen. Amounts are integer fen.
import type { StoreKey } from "../stores/store-profiles";

export const NEVER = 0x7fffffff;

export type RefundKind =
  | "NONE"
  /** Cancelled and fully refunded before shipping: the seller never gets money (交易关闭 / 已取消). */
  | "FULL_BEFORE_SHIP"
  /** Part refunded while in transit (e.g. a missing item); the rest settles. */
  | "PARTIAL_BEFORE_CONFIRM"
  /** 售后 after 确认收货: part of the money goes back. */
  | "PARTIAL_AFTER_CONFIRM"
  /** Returned after 确认收货: everything goes back. */
  | "FULL_AFTER_CONFIRM";

/** How a Tmall buyer paid: 花呗 and credit cards cost the seller a service fee. */
export type PayChannel = "BALANCE" | "HUABEI" | "CREDIT_CARD";

export interface OrderItem {
  productIndex: number;
  quantity: number;
  /** price × quantity */
  goodsMinor: number;
  /** Seller-funded discount on this line (Douyin 商家实际承担优惠金额). */
  sellerDiscountMinor: number;
  /** Platform-funded discount on this line (Douyin 平台实际承担优惠金额); the platform pays it back. */
  platformDiscountMinor: number;
  /** What the buyer pays for this line. */
  payableMinor: number;
  /** Commission charged on this line (JD 结算金额 = payable − this). */
  commissionMinor: number;
}

export interface SimulatedOrder {
  store: StoreKey;
  index: number;
  /** False for orders created the month before: they only show up through settlement lines. */
  inExport: boolean;
  createdSec: number;
  paidSec: number;
  shippedSec: number;
  confirmedSec: number;
  /** When the platform credits the seller: 确认收货 + 账期. */
  settleSec: number;
  refundSec: number;
  items: OrderItem[];
  goodsMinor: number;
  shippingMinor: number;
  /** Order-level seller coupon (PDD 店铺优惠折扣). */
  shopDiscountMinor: number;
  /** Order-level platform discounts the platform refunds to the seller (PDD 平台优惠折扣). */
  platformDiscountMinor: number;
  /** PDD 多多支付立减金额 (platform-funded). */
  payDiscountMinor: number;
  /** What the buyer paid (0 when never paid). */
  paidMinor: number;
  /** What the platform owes the seller before fees: paid + platform-funded discounts. */
  receivableMinor: number;
  refundKind: RefundKind;
  /** What goes back to the buyer when the refund happens. */
  refundMinor: number;
  /** True when the refund lands before settlement and so shrinks the sale instead of a refund line. */
  refundBeforeSettlement: boolean;
  payChannel: PayChannel;
  commissionBps: number;
  serviceFeeBps: number;
  promotionBps: number;
  /** Credited to the seller at settlement (0: nothing settles). */
  saleMinor: number;
  commissionMinor: number;
  serviceFeeMinor: number;
  /** PDD 多多进宝 commission. */
  promotionMinor: number;
  /** Debited by a refund line after settlement (0 when none). */
  refundLineMinor: number;
}

export const isPaid = (order: SimulatedOrder) => order.paidSec !== NEVER;
