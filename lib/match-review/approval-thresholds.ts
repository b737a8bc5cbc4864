// The organization's maker–checker thresholds: a manual match writing off more than
// `writeOffApprovalMinor`, or moving more than `manualMatchApprovalMinor`, waits for a reviewer.
import { z } from "zod";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { yuanAmount } from "./amount-filter";

export const approvalThresholdsSchema = z.object({ writeOff: yuanAmount, manualMatch: yuanAmount });

export type ApprovalThresholds = { writeOffApprovalMinor: bigint; manualMatchApprovalMinor: bigint };

export async function getApprovalThresholds(tx: Tx, orgId: string): Promise<ApprovalThresholds> {
  return tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { writeOffApprovalMinor: true, manualMatchApprovalMinor: true } });
}

export async function updateApprovalThresholds(db: DbOrTx, ctx: OrgContext, input: z.output<typeof approvalThresholdsSchema>): Promise<ApprovalThresholds> {
  return atomically(db, async (tx) => {
    const before = await getApprovalThresholds(tx, ctx.orgId);
    const after = await tx.organization.update({
      where: { id: ctx.orgId },
      data: { writeOffApprovalMinor: input.writeOff, manualMatchApprovalMinor: input.manualMatch },
      select: { writeOffApprovalMinor: true, manualMatchApprovalMinor: true },
    });
    await writeAuditLog(tx, actorOf(ctx), { action: "org.approvalThresholds", entityType: "Organization", entityId: ctx.orgId, before, after });
    return after;
  });
}
