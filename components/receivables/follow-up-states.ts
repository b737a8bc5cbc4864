// The follow-up states in the order the forms offer them. lib/receivables/follow-ups.ts has the
// same list but is server code (it writes); this copy is for client forms, tied to the row's type.
import type { ReceivableRow } from "@/lib/receivables/list-receivables";

export const FOLLOW_UP_STATES = ["OPEN", "IN_PROGRESS", "RESOLVED", "UNCOLLECTIBLE"] as const satisfies readonly NonNullable<ReceivableRow["followState"]>[];
