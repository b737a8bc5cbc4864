// The follow-up states, in the order the forms offer them: one list for the server's checks and the
// client's forms (no server code here, so client components may import it).
import type { FollowUpState } from "@/lib/db/generated/enums";

export const FOLLOW_UP_STATES = ["OPEN", "IN_PROGRESS", "RESOLVED", "UNCOLLECTIBLE"] as const satisfies readonly FollowUpState[];
