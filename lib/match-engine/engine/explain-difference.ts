// Splits a group's difference into typed adjustments and decides whether the rules let it be booked
// without a person. The difference is what was due minus what arrived; each part gets the most
// specific type the evidence supports (a commission line, the order's refund amount, the platform's
// own 实收 figure), and whatever is left is ROUNDING when tiny, else OTHER — which always needs a person.
import type { ReconcileRules } from "../rules";
import type { AdjustmentType, Reason } from "../types";
import { percentOf } from "./money";
import type { OrderIndex } from "./order-index";
import type { DraftAdjustment } from "./proposal-sink";
import { reason, sharedReason, sharedReasonWith } from "./reasons";
import { LineKind, type RowTable } from "./row-table";

export interface Explanation {
  adjustments: DraftAdjustment[];
  reasons: Reason[];
  blockers: Reason[];
}

/** Accumulates adjustments by type (one entry per type, in a fixed order) and checks the auto-confirm limits. */
class AdjustmentBook {
  // Indexed by position in TYPE_ORDER; plain arrays because a million groups each make a book.
  private readonly amounts: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  private notes: (string | undefined)[] | undefined;
  readonly reasons: Reason[] = [];
  readonly blockers: Reason[] = [];

  constructor(private readonly rules: ReconcileRules) {}

  add(type: AdjustmentType, amount: number, note?: string): void {
    if (amount === 0) return;
    const at = TYPE_INDEX[type];
    this.amounts[at] = this.amounts[at]! + amount;
    if (note) {
      this.notes ??= [];
      this.notes[at] ??= note;
    }
  }

  get(type: AdjustmentType): number {
    return this.amounts[TYPE_INDEX[type]]!;
  }

  /** A remainder: rounding when within the auto limit, else unexplained. */
  addRemainder(amount: number): void {
    if (amount === 0) return;
    if (Math.abs(amount) <= Number(this.rules.autoConfirm.maxRoundingMinor)) {
      this.add("ROUNDING", amount);
    } else {
      this.add("OTHER", amount);
      this.blockers.push(reason("DIFFERENCE_UNEXPLAINED", { amountMinor: amount }));
    }
  }

  finish(aboutRow?: number): Explanation {
    const allowed = this.rules.autoConfirm.types;
    const adjustments: DraftAdjustment[] = [];
    for (let at = 0; at < TYPE_ORDER.length; at++) {
      const amount = this.amounts[at]!;
      if (amount === 0) continue;
      const type = TYPE_ORDER[at]!;
      const adjustment: DraftAdjustment = { type, amount };
      const note = this.notes?.[at];
      if (note) adjustment.note = note;
      if (aboutRow !== undefined) adjustment.aboutRow = aboutRow;
      adjustments.push(adjustment);
      if (allowed.includes(type)) continue;
      const alreadyBlocked = this.blockers.some(
        (blocker) => (blocker.code === "DIFFERENCE_TYPE_NOT_AUTO" && blocker.params.type === type) || (blocker.code === "DIFFERENCE_UNEXPLAINED" && type === "OTHER"),
      );
      if (!alreadyBlocked) this.blockers.push(reason("DIFFERENCE_TYPE_NOT_AUTO", { type, amountMinor: amount }));
    }
    return { adjustments, reasons: this.reasons, blockers: this.blockers };
  }
}

const TYPE_ORDER: readonly AdjustmentType[] = ["COMMISSION", "SERVICE_FEE", "PROMOTION", "REFUND", "FEE", "FX", "BAD_DEBT", "ROUNDING", "OTHER"];
const TYPE_INDEX = Object.fromEntries(TYPE_ORDER.map((type, at) => [type, at])) as Record<AdjustmentType, number>;

/** What an order group says about itself: paid, refunded, what the platform says it pays. */
export interface OrderFacts {
  /** Left to allocate on the order rows (normally what was paid). */
  paid: number;
  refund: number;
  /** Σ merchantReceivedMinor when every row has one. */
  received: number | undefined;
  refundByStatus: boolean;
  /** The store's contracted commission rate (0: unknown). */
  feeRateBps: number;
  /** Its usual rate learned from confirmed orders (0: none): the median, and the 90th percentile. */
  learnedMedianBps: number;
  learnedUpperBps: number;
  netOfCommission: boolean;
}

export function orderFacts(table: RowTable, index: OrderIndex, rules: ReconcileRules, group: number): OrderFacts {
  let paid = 0;
  let refund = 0;
  let received: number | undefined = 0;
  let refundByStatus = false;
  for (let row = index.firstRow[group]!; row !== -1; row = index.nextRow[row]!) {
    paid += table.down[row]!;
    refund += table.orderRefund[row]!;
    const rowReceived = table.orderReceived[row]!;
    received = received === undefined || Number.isNaN(rowReceived) ? undefined : received + rowReceived;
    if (table.orderRefundByStatus[row] === 1) refundByStatus = true;
  }
  const ledger = table.ledgers[index.groupLedger[group]!]!;
  return {
    paid,
    refund,
    received,
    refundByStatus,
    feeRateBps: ledger.feeRateBps,
    learnedMedianBps: ledger.learnedMedianBps,
    learnedUpperBps: ledger.learnedUpperBps,
    netOfCommission: ledger.platform !== undefined && rules.netOfCommissionPlatforms.includes(ledger.platform),
  };
}

/**
 * An inferred commission (one no bill line itemizes) checked against the store's contracted rate,
 * else against the rate 90 % of its confirmed orders stayed within; with neither it waits for a
 * person. Service fee and promotion within the rules' limits on `base` (the settled sale).
 */
function checkInferredFees(book: AdjustmentBook, rules: ReconcileRules, base: number, facts: OrderFacts): void {
  const slack = Number(rules.autoConfirm.maxRoundingMinor);
  const commission = book.get("COMMISSION");
  if (commission > 0) {
    if (!rules.autoConfirm.commissionWithinContract) {
      book.blockers.push(reason("DIFFERENCE_TYPE_NOT_AUTO", { type: "COMMISSION", amountMinor: commission }));
    } else if (facts.feeRateBps > 0) {
      commissionAgainstContract(book, rules, base, facts.feeRateBps, commission, book.blockers);
    } else if (facts.learnedUpperBps > 0) {
      const allowed = percentOf(Math.max(0, base), facts.learnedUpperBps) + slack;
      if (commission > allowed) book.blockers.push(reason("COMMISSION_ABOVE_USUAL_RATE", { commissionMinor: commission, allowedMinor: allowed, rateBps: facts.learnedUpperBps }));
      else book.reasons.push(sharedReasonWith("COMMISSION_WITHIN_USUAL_RATE", "rateBps", facts.learnedUpperBps));
    } else {
      book.blockers.push(sharedReason("CONTRACT_RATE_UNKNOWN"));
    }
  }
  const serviceFee = book.get("SERVICE_FEE");
  if (serviceFee > 0) {
    const allowed = percentOf(Math.max(0, base), rules.autoConfirm.maxServiceFeeBps) + slack;
    if (serviceFee > allowed) book.blockers.push(reason("SERVICE_FEE_ABOVE_LIMIT", { amountMinor: serviceFee, allowedMinor: allowed }));
  }
  const promotion = book.get("PROMOTION");
  if (promotion > 0) {
    const allowed = percentOf(Math.max(0, base), rules.autoConfirm.maxPromotionBps) + slack;
    if (promotion > allowed) book.blockers.push(reason("PROMOTION_ABOVE_LIMIT", { amountMinor: promotion, allowedMinor: allowed }));
  }
}

/**
 * Fees the platform's own bill itemizes for the order are recorded facts: the group is proven when
 * they and the order add up, whatever their level (a high fee is a risk to look into — the
 * FEE_RATE_HIGH alert —, not a doubt about the match). What is said about them is for the reader:
 * that the bill itemized them, and how the commission stands against the contract when there is one.
 */
function noteItemizedFees(book: AdjustmentBook, rules: ReconcileRules, base: number, facts: OrderFacts, itemized: boolean): void {
  if (!itemized) return;
  book.reasons.push(FEES_ITEMIZED);
  const commission = book.get("COMMISSION");
  if (commission <= 0) return;
  if (!rules.autoConfirm.commissionWithinContract) {
    book.blockers.push(reason("DIFFERENCE_TYPE_NOT_AUTO", { type: "COMMISSION", amountMinor: commission }));
    return;
  }
  if (facts.feeRateBps > 0) commissionAgainstContract(book, rules, base, facts.feeRateBps, commission, book.reasons);
}

/**
 * The commission against the contracted rate on `base` (+ rounding): within it is said as a reason;
 * above it goes to `above` — the blockers for an inferred fee, the reasons for an itemized one.
 */
function commissionAgainstContract(book: AdjustmentBook, rules: ReconcileRules, base: number, contractBps: number, commission: number, above: Reason[]): void {
  const allowed = percentOf(Math.max(0, base), contractBps) + Number(rules.autoConfirm.maxRoundingMinor);
  if (commission > allowed) above.push(reason("COMMISSION_ABOVE_CONTRACT", { commissionMinor: commission, allowedMinor: allowed, contractBps }));
  else book.reasons.push(sharedReasonWith("COMMISSION_WITHIN_CONTRACT", "contractBps", contractBps));
}

const FEES_ITEMIZED = sharedReason("FEES_ITEMIZED_ON_BILL");

/**
 * An order against its bill / wallet lines. Items: the order (−paid) and the lines (their signs).
 * Fee, promotion and refund lines explain themselves; the rest, paid − sales, is a platform-funded
 * discount (when the order's 实收 shows it), a refund (when the order's refund amount or status
 * shows it), rounding, or unexplained.
 */
export function explainOrderLines(table: RowTable, rules: ReconcileRules, facts: OrderFacts, lines: readonly number[], signedLeft: (row: number) => number): Explanation {
  const book = new AdjustmentBook(rules);
  let sale = 0;
  let refundLines = 0;
  let itemized = false;
  for (const line of lines) {
    const amount = signedLeft(line);
    switch (table.lineKind[line]) {
      case LineKind.SALE:
        sale += amount;
        break;
      case LineKind.COMMISSION:
        book.add("COMMISSION", -amount);
        itemized = true;
        break;
      case LineKind.SERVICE_FEE:
        book.add("SERVICE_FEE", -amount);
        itemized = true;
        break;
      case LineKind.PROMOTION:
        book.add("PROMOTION", -amount);
        itemized = true;
        break;
      case LineKind.REFUND:
        book.add("REFUND", -amount);
        refundLines -= amount;
        break;
      default:
        // Types the rules do not list as automatic (OTHER by default) block in finish().
        book.add("OTHER", -amount, "other bill lines");
    }
  }
  let rest = facts.paid - sale;
  if (rest < 0 && facts.received !== undefined && facts.received > facts.paid && !facts.netOfCommission) {
    const subsidy = Math.min(-rest, facts.received - facts.paid);
    book.add("PROMOTION", -subsidy, "platform-funded discount");
    book.reasons.push(reason("PLATFORM_FUNDED_DISCOUNT", { amountMinor: subsidy }));
    rest += subsidy;
  }
  if (rest > 0) {
    const refundShown = Math.max(0, facts.refund - refundLines);
    const fromOrder = Math.min(rest, refundShown);
    if (fromOrder > 0) {
      book.add("REFUND", fromOrder);
      book.reasons.push(reason("REFUND_FROM_ORDER", { amountMinor: fromOrder }));
      rest -= fromOrder;
    }
    if (rest > Number(rules.autoConfirm.maxRoundingMinor) && facts.refundByStatus) {
      book.add("REFUND", rest);
      book.blockers.push(reason("REFUND_AMOUNT_UNVERIFIED", { amountMinor: rest }));
      rest = 0;
    }
  }
  book.addRemainder(rest);
  noteItemizedFees(book, rules, sale > 0 ? sale : facts.paid, facts, itemized);
  return book.finish();
}

/** What an order should bring into the bank when the platform pays it straight there. */
export interface OrderExpectation {
  /** Net the bank should receive for it. */
  net: number;
  adjustments: DraftAdjustment[];
  /** Why this order's part may not be booked automatically. */
  blockers: Reason[];
  /** What else the reader should know (the rate it was expected at was learned, not contracted). */
  reasons: Reason[];
}

/**
 * The platform's 实收 when it is net of commission (JD 结算金额), else (实收 or paid − refunds) minus
 * the contracted fee rate. Each part of the gap to what was paid is an adjustment about this order.
 */
export function expectOrderNet(rules: ReconcileRules, facts: OrderFacts, aboutRow: number): OrderExpectation {
  const book = new AdjustmentBook(rules);
  let net: number;
  if (facts.netOfCommission && facts.received !== undefined) {
    net = facts.received;
    const gross = facts.paid - facts.refund;
    const commission = Math.max(0, gross - net);
    book.add("COMMISSION", commission);
    if (facts.refund > 0) book.add("REFUND", facts.refund);
    book.addRemainder(facts.paid - net - commission - facts.refund);
    checkInferredFees(book, rules, gross, facts);
  } else {
    const base = facts.received !== undefined ? facts.received : facts.paid - facts.refund;
    const rate = expectedRateBps(facts);
    const commission = percentOf(Math.max(0, base), rate);
    net = base - commission;
    book.add("COMMISSION", commission);
    const gap = facts.paid - base;
    if (gap < 0) book.add("PROMOTION", gap, "platform-funded discount");
    else if (gap > 0 && (facts.refund > 0 || facts.refundByStatus)) book.add("REFUND", gap);
    else book.addRemainder(gap);
    // With a contracted rate the commission is that rate by definition; a learned one is said.
    if (facts.feeRateBps <= 0 && rate > 0) book.reasons.push(sharedReasonWith("FEE_RATE_LEARNED", "rateBps", rate));
    else if (rate <= 0) book.blockers.push(sharedReason("CONTRACT_RATE_UNKNOWN"));
  }
  const explanation = book.finish(aboutRow);
  return { net, adjustments: explanation.adjustments, blockers: explanation.blockers, reasons: explanation.reasons };
}

/** expectOrderNet(…).net alone, without the adjustments (for ranking a million orders). */
export function expectedOrderNet(facts: OrderFacts): number {
  if (facts.netOfCommission && facts.received !== undefined) return facts.received;
  const base = facts.received !== undefined ? facts.received : facts.paid - facts.refund;
  return base - percentOf(Math.max(0, base), expectedRateBps(facts));
}

/** The rate an inferred commission is expected at: the contract's, else the store's usual (median) one. */
function expectedRateBps(facts: OrderFacts): number {
  return facts.feeRateBps > 0 ? facts.feeRateBps : facts.learnedMedianBps;
}

/**
 * One amount sent, another received (withdrawal → bank, lines → payout): the gap is rounding, a fee
 * kept back on the way (where money moves between institutions), or unexplained.
 */
export function explainTransfer(rules: ReconcileRules, sent: number, received: number, shortfall: "FEE" | "OTHER" = "FEE"): Explanation {
  const book = new AdjustmentBook(rules);
  const gap = sent - received;
  const rounding = Number(rules.autoConfirm.maxRoundingMinor);
  if (gap === 0) {
    book.reasons.push(reason("SUM_EXACT", { amountMinor: sent }));
  } else if (Math.abs(gap) <= rounding) {
    book.add("ROUNDING", gap);
  } else if (gap > 0 && shortfall === "FEE") {
    book.add("FEE", gap, "kept back on the way");
    if (gap > Number(rules.autoConfirm.maxTransferFeeMinor)) book.blockers.push(reason("DIFFERENCE_TYPE_NOT_AUTO", { type: "FEE", amountMinor: gap }));
  } else {
    book.addRemainder(gap);
  }
  return book.finish();
}

/** Adds a group-level remainder (Σ items + Σ adjustments so far) as rounding or OTHER, and its blocker. */
export function closeRemainder(rules: ReconcileRules, adjustments: DraftAdjustment[], blockers: Reason[], remainder: number): void {
  if (remainder === 0) return;
  const book = new AdjustmentBook(rules);
  book.addRemainder(remainder);
  const closing = book.finish();
  adjustments.push(...closing.adjustments);
  blockers.push(...closing.blockers);
}
