// How the workspace names a row: its table ("order" | "settlement" | "bank", as lib/match-engine says)
// and its id. Ids are bigints in the database and decimal strings everywhere else.
import { z } from "zod";
import type { MatchSide, MatchSlot } from "@/lib/db/generated/enums";
import type { Side, Slot } from "@/lib/match-engine";

export type RowRef = { side: Side; id: string };

export const rowRefSchema = z.object({
  side: z.enum(["order", "settlement", "bank"]),
  id: z.string().regex(/^\d{1,19}$/),
});

export const SIDE_TO_DB: Record<Side, MatchSide> = { order: "ORDER", settlement: "SETTLEMENT", bank: "BANK" };
export const SIDE_FROM_DB: Record<MatchSide, Side> = { ORDER: "order", SETTLEMENT: "settlement", BANK: "bank" };
export const SLOT_TO_DB: Record<Slot, MatchSlot> = { up: "UP", down: "DOWN" };
export const SLOT_FROM_DB: Record<MatchSlot, Slot> = { UP: "up", DOWN: "down" };

export function rowKey(side: Side, id: string | bigint): string {
  return `${side}:${id}`;
}

export function slotKey(side: Side, id: string | bigint, slot: Slot): string {
  return `${side}:${id}:${slot}`;
}
