"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { writeOffOrder } from "@/lib/match-review/write-off-order";

const writeOffSchema = z.object({ storeId: z.uuid(), orderNo: z.string().trim().min(1).max(128), note: z.string().trim().min(1, { error: "validation.required" }).max(500) });

/** 无法收回: write the order's unsettled rest off as bad debt, to be approved in 待审批. */
export const writeOffOrderAction = orgAction("workspace.match", writeOffSchema, async (ctx, input) => {
  const result = await writeOffOrder(db, ctx, input);
  revalidatePath("/receivables");
  revalidatePath("/reconcile/approvals");
  return { groupId: result.groupId, amountMinor: result.amountMinor.toString() };
});
