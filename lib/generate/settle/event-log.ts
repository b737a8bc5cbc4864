// Every money movement on one wallet inside the month, kept column-wise in typed arrays instead of
// objects: a million orders make a few million events, and ~25 bytes each keeps that in tens of MB.
// Events are appended order by order; sortedByTime() gives the order in which the wallet saw them.

/** What an event is; fixed numbers because they live in a Uint8Array. */
export const EventType = {
  SALE: 1,
  COMMISSION: 2,
  SERVICE_FEE_HUABEI: 3,
  SERVICE_FEE_CREDIT_CARD: 4,
  PROMOTION: 5,
  REFUND: 6,
  /** A wallet movement that belongs to no order (e.g. an advertising top-up from the Alipay balance). */
  OTHER: 7,
} as const;
export type EventTypeCode = (typeof EventType)[keyof typeof EventType];

export type LineType = "SALE" | "COMMISSION" | "SERVICE_FEE" | "PROMOTION" | "REFUND" | "OTHER";

export function lineTypeOf(type: number): LineType {
  switch (type) {
    case EventType.SALE:
      return "SALE";
    case EventType.COMMISSION:
      return "COMMISSION";
    case EventType.SERVICE_FEE_HUABEI:
    case EventType.SERVICE_FEE_CREDIT_CARD:
      return "SERVICE_FEE";
    case EventType.PROMOTION:
      return "PROMOTION";
    case EventType.REFUND:
      return "REFUND";
    default:
      return "OTHER";
  }
}

/** Times fit in 22 bits (a month of seconds); the event number takes the 30 bits below the time. */
const EVENT_BITS = 2 ** 30;

export class EventLog {
  count = 0;
  time = new Int32Array(1024);
  /** Order index within the store; for OTHER events, the index of the extra wallet movement. */
  order = new Int32Array(1024);
  type = new Uint8Array(1024);
  /** Signed fen from the seller's side: sales +, fees and refunds −. */
  amount = new Int32Array(1024);
  /** Filled in when the wallet is run: the file line (0 when the wallet has no file). */
  row = new Int32Array(0);
  /** Filled in when the wallet is run: the withdrawal or payout that swept it, −1 when none did. */
  withdrawal = new Int32Array(0);

  add(time: number, order: number, type: EventTypeCode, amount: number): void {
    if (this.count === this.time.length) this.grow();
    if (this.count >= EVENT_BITS) throw new Error("too many events for one wallet");
    const at = this.count++;
    this.time[at] = time;
    this.order[at] = order;
    this.type[at] = type;
    this.amount[at] = amount;
  }

  /** Event numbers in time order; equal times keep the order they were added in. */
  sortedByTime(): Float64Array {
    const keys = new Float64Array(this.count);
    for (let event = 0; event < this.count; event++) keys[event] = this.time[event]! * EVENT_BITS + event;
    keys.sort();
    for (let position = 0; position < keys.length; position++) keys[position] = keys[position]! % EVENT_BITS;
    return keys;
  }

  prepareResults(): void {
    this.row = new Int32Array(this.count);
    this.withdrawal = new Int32Array(this.count).fill(-1);
  }

  private grow(): void {
    const size = this.time.length * 2;
    const grown = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T) => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.time = grown(this.time, (n) => new Int32Array(n));
    this.order = grown(this.order, (n) => new Int32Array(n));
    this.type = grown(this.type, (n) => new Uint8Array(n));
    this.amount = grown(this.amount, (n) => new Int32Array(n));
  }
}
