// What every order export writer offers the generator: write one order (one or more rows), learn
// the sourceRow of its first row, and close the file when the month is done.
import type { SimulatedOrder } from "../simulate/simulated-order";

export interface OrdersFileWriter {
  /** Writes the order's row(s); returns the sourceRow of the first one. */
  write(order: SimulatedOrder): number;
  /** Finishes the file; resolves to the number of data rows written. */
  close(): Promise<number>;
}
