// The few facts per order that later passes need (wallet lines name the order, its trade number and
// its product; the ground truth needs its rows and lines), kept in typed arrays so a million orders
// cost a few megabytes. Everything else is re-created with simulateOrder when needed.
import type { SimulatedOrder } from "./simulated-order";

export class OrderDigests {
  readonly createdSec: Int32Array;
  readonly paidSec: Int32Array;
  readonly firstProduct: Uint8Array;
  /** sourceRow of the order's first line in the orders export; 0 when not exported. */
  readonly exportRow: Int32Array;
  /** Events of order i are firstEvent[i] … firstEvent[i + 1] − 1 in the wallet's event log. */
  readonly firstEvent: Int32Array;

  constructor(readonly size: number) {
    this.createdSec = new Int32Array(size);
    this.paidSec = new Int32Array(size);
    this.firstProduct = new Uint8Array(size);
    this.exportRow = new Int32Array(size);
    this.firstEvent = new Int32Array(size + 1);
  }

  record(order: SimulatedOrder, exportRow: number, firstEvent: number): void {
    const i = order.index;
    this.createdSec[i] = order.createdSec;
    this.paidSec[i] = order.paidSec;
    this.firstProduct[i] = order.items[0]!.productIndex;
    this.exportRow[i] = exportRow;
    this.firstEvent[i] = firstEvent;
  }
}
