// What the unmatched workspace holds in hand: rows picked on either side, each with the part of it
// to use. Amounts stay bigint minor units; the page only formats them (typed amounts: lib/money).
import type { UnmatchedRow } from "@/lib/match-review/list-unmatched";

export type Pane = "left" | "right";
export type Picked = { row: UnmatchedRow; pane: Pane; /** Magnitude to use, minor units. */ useMinor: bigint };

export const pickKey = (row: { side: string; id: string }) => `${row.side}:${row.id}`;

/** The signed amount a picked row brings (its flow sign, the part used). */
export function pickedFlow(picked: Picked): bigint {
  return picked.row.flowMinor < 0n ? -picked.useMinor : picked.useMinor;
}

export function totals(picks: readonly Picked[]) {
  const left = picks.filter((pick) => pick.pane === "left").reduce((sum, pick) => sum + pickedFlow(pick), 0n);
  const right = picks.filter((pick) => pick.pane === "right").reduce((sum, pick) => sum + pickedFlow(pick), 0n);
  return { left, right, difference: left - right };
}


/** Rows as the server sends them to a client action answer (amounts as strings) back to bigint. */
export function reviveRow(row: Omit<UnmatchedRow, "amountMinor" | "remainingMinor" | "flowMinor"> & { amountMinor: string; remainingMinor: string; flowMinor: string }): UnmatchedRow {
  return { ...row, amountMinor: BigInt(row.amountMinor), remainingMinor: BigInt(row.remainingMinor), flowMinor: BigInt(row.flowMinor) };
}
