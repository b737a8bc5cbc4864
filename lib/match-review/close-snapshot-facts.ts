// What was open when a month was submitted or locked (PeriodCloseSnapshot.facts): written and read
// here only, through zod, so the close report shows the month as it was then, whatever is matched
// later. Amounts are kept as strings of minor units (JSON has no bigint).
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { readJsonColumn } from "@/lib/shared/json-column";
import type { MonthChecklist } from "./close-checklist";

const minor = z.string().regex(/^-?\d+$/).transform((text) => BigInt(text));
const list = z.enum(["orders", "lines", "bank"]);

const factsSchema = z.object({
  month: z.string(),
  groups: z.array(z.object({ list, owner: z.string(), count: z.number().int(), remainingMinor: minor })),
  openRows: z.number().int(),
  openProposals: z.number().int(),
  pendingApprovals: z.number().int(),
  excludedRows: z.number().int(),
  items: z.array(
    z.object({
      list,
      side: z.enum(["order", "settlement", "bank"]),
      id: z.string(),
      day: z.string().nullable(),
      ref: z.string().nullable(),
      detail: z.string().nullable(),
      owner: z.string(),
      remainingMinor: minor,
    }),
  ),
});

export function closeSnapshotJson(checklist: MonthChecklist): Prisma.InputJsonValue {
  return {
    ...checklist,
    groups: checklist.groups.map((group) => ({ ...group, remainingMinor: String(group.remainingMinor) })),
    items: checklist.items.map((item) => ({ ...item, remainingMinor: String(item.remainingMinor) })),
  };
}

export function closeSnapshotFacts(snapshot: { id: string; facts: unknown }): MonthChecklist {
  return readJsonColumn(factsSchema, snapshot.facts, "PeriodCloseSnapshot.facts", snapshot.id);
}
