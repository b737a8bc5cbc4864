// The rows an alert names (its `refs` JSON): which side of the ledger, the reference a person knows
// it by (order number, bill reference, bank serial or payout id), and the file and row it came from,
// so anyone can open the file and find it. Written and read through this one zod schema.
import { z } from "zod";

export const alertRefSchema = z.object({
  /** ORDER, SETTLEMENT (a bill or wallet line of a store) or BANK (a bank or wallet statement row). */
  side: z.enum(["ORDER", "SETTLEMENT", "BANK"]),
  /** The row's id in its table (Order.id, SettlementLine.id, BankTransaction.id), as text. */
  rowId: z.string(),
  /** What a person searches for: order number, reference, payout id; null when the row has none. */
  ref: z.string().nullable(),
  /** The imported file's name (ImportBatch.fileName) and the row in it (as the importer numbers rows). */
  file: z.string(),
  sourceRow: z.number().int(),
});

export type AlertRef = z.infer<typeof alertRefSchema>;

/** An alert names at most this many rows; `facts.rows` says how many there were in all. */
export const MAX_ALERT_REFS = 50;

export const alertRefsSchema = z.array(alertRefSchema).max(MAX_ALERT_REFS);

export function parseAlertRefs(json: unknown): AlertRef[] {
  return alertRefsSchema.parse(json);
}
