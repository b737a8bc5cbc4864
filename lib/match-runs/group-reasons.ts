// Why a group's rows belong together: the engine's reasons (written by save-proposals.ts through
// COPY) or a person's (book-group.ts, none for a manual match). MatchGroup.reasons is read back here
// only, checked against the engine's reason codes, so a page never renders a guess.
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { REASON_PARAMS, type Reason, type ReasonCode } from "@/lib/match-engine";
import { readJsonColumn } from "@/lib/shared/json-column";
import { toJsonValue } from "@/lib/shared/json-safe";

const reasonSchema = z.object({
  code: z.custom<ReasonCode>((value) => typeof value === "string" && Object.hasOwn(REASON_PARAMS, value)),
  params: z.record(z.string(), z.string()),
});

const groupReasonsSchema = z.array(reasonSchema);

export function groupReasonsJson(reasons: readonly Reason[]): Prisma.InputJsonValue {
  return toJsonValue(reasons);
}

export function groupReasons(group: { id: string; reasons: unknown }): Reason[] {
  return readJsonColumn(groupReasonsSchema, group.reasons, "MatchGroup.reasons", group.id);
}
