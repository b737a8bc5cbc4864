// How one person laid out one list: column widths, hidden columns and rows per page, per
// (organization, person, table). A display preference, not a change to the books, so it writes no
// audit row (the house rule "every change is audited" is about accounting data and access).
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { PAGE_SIZES } from "./page-sizes";


const columnId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/);

export const tablePreferenceSchema = z.object({
  tableKey: z.string().regex(/^[a-z][a-z0-9.-]{0,59}$/),
  /** Widths in px; a handful of columns, within what a screen can show. */
  widths: z.record(columnId, z.number().int().min(40).max(2000)).refine((widths) => Object.keys(widths).length <= 40),
  hidden: z.array(columnId).max(40),
  pageSize: z.union(PAGE_SIZES.map((size) => z.literal(size)) as [z.ZodLiteral<50>, z.ZodLiteral<100>, z.ZodLiteral<500>]).nullable(),
});
export type TablePreference = Omit<z.output<typeof tablePreferenceSchema>, "tableKey">;

export const NO_PREFERENCE: TablePreference = { widths: {}, hidden: [], pageSize: null };

/** The stored layout, or none; a stored value that no longer fits the schema counts as none. */
export async function readTablePreference(tx: Tx, orgId: string, userId: string, tableKey: string): Promise<TablePreference> {
  const row = await tx.tablePreference.findUnique({ where: { orgId_userId_tableKey: { orgId, userId, tableKey } } });
  if (!row) return NO_PREFERENCE;
  const parsed = tablePreferenceSchema.omit({ tableKey: true }).safeParse({ widths: row.widths, hidden: row.hidden, pageSize: row.pageSize });
  return parsed.success ? parsed.data : NO_PREFERENCE;
}

/** One upsert: the latest layout wins, whole (the table sends all of it each time). */
export async function saveTablePreference(tx: Tx, orgId: string, userId: string, input: z.output<typeof tablePreferenceSchema>): Promise<void> {
  const { tableKey, ...layout } = input;
  await tx.tablePreference.upsert({
    where: { orgId_userId_tableKey: { orgId, userId, tableKey } },
    create: { orgId, userId, tableKey, ...layout },
    update: layout,
  });
}
