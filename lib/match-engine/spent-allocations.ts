// What booked groups already spent, item by item, in columns. The same facts as giving the groups
// as `confirmed`, for a loader of a booked month: a re-run after a month's run reads millions of
// items, and an object and an id string for each were most of its time and memory. The engine only
// needs each item's row, the side of the row it used and how much.
import type { Side, Slot, SpentAllocations } from "./types";

export type { SpentAllocations };

export const SPENT_SIDES: readonly Side[] = ["order", "settlement", "bank"];
export const SPENT_SLOTS: readonly Slot[] = ["up", "down"];

/** Fills the columns, growing them as items come. */
export class SpentAllocationsBuilder {
  private capacity = 1024;
  private size = 0;
  private side = new Uint8Array(this.capacity);
  private rowId = new Float64Array(this.capacity);
  private slot = new Uint8Array(this.capacity);
  private amountMinor = new Float64Array(this.capacity);

  push(side: number, rowId: number, slot: number, amountMinor: number): void {
    if (this.size === this.capacity) this.grow();
    const at = this.size++;
    this.side[at] = side;
    this.rowId[at] = rowId;
    this.slot[at] = slot;
    this.amountMinor[at] = amountMinor;
  }

  build(): SpentAllocations {
    return { count: this.size, side: this.side, rowId: this.rowId, slot: this.slot, amountMinor: this.amountMinor };
  }

  private grow(): void {
    this.capacity *= 2;
    const copy = <T extends Uint8Array | Float64Array>(from: T, to: T) => (to.set(from), to);
    this.side = copy(this.side, new Uint8Array(this.capacity));
    this.rowId = copy(this.rowId, new Float64Array(this.capacity));
    this.slot = copy(this.slot, new Uint8Array(this.capacity));
    this.amountMinor = copy(this.amountMinor, new Float64Array(this.capacity));
  }
}
