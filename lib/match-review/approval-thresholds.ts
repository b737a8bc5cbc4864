// The organization's maker–checker thresholds: a manual match writing off more than
// `writeOffApprovalMinor` or more than `writeOffApprovalBps` of what it moves, or moving more than
// `manualMatchApprovalMinor`, waits for a reviewer. Defaults: ¥100 or 1 %, and ¥100,000.
import { z } from "zod";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { percentBpsField } from "@/lib/shared/percent-bps";
import { yuanAmount } from "./amount-filter";

export const approvalThresholdsSchema = z.object({ writeOff: yuanAmount, writeOffPercent: percentBpsField, manualMatch: yuanAmount });

export type ApprovalThresholds = { writeOffApprovalMinor: bigint; writeOffApprovalBps: number; manualMatchApprovalMinor: bigint };

const THRESHOLD_COLUMNS = { writeOffApprovalMinor: true, writeOffApprovalBps: true, manualMatchApprovalMinor: true } as const;

/** Does a manual match writing off `writtenOffMinor` while moving `movedMinor` (both magnitudes) wait for a reviewer? */
export function needsApproval(thresholds: ApprovalThresholds, writtenOffMinor: bigint, movedMinor: bigint): boolean {
  const aboveShare = writtenOffMinor * 10_000n > BigInt(thresholds.writeOffApprovalBps) * movedMinor;
  return writtenOffMinor > thresholds.writeOffApprovalMinor || (writtenOffMinor > 0n && aboveShare) || movedMinor > thresholds.manualMatchApprovalMinor;
}

export async function getApprovalThresholds(tx: Tx, orgId: string): Promise<ApprovalThresholds> {
  return tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: THRESHOLD_COLUMNS });
}

export async function updateApprovalThresholds(db: DbOrTx, ctx: OrgContext, input: z.output<typeof approvalThresholdsSchema>): Promise<ApprovalThresholds> {
  return atomically(db, async (tx) => {
    const before = await getApprovalThresholds(tx, ctx.orgId);
    const after = await tx.organization.update({
      where: { id: ctx.orgId },
      data: { writeOffApprovalMinor: input.writeOff, writeOffApprovalBps: input.writeOffPercent, manualMatchApprovalMinor: input.manualMatch },
      select: THRESHOLD_COLUMNS,
    });
    await writeAuditLog(tx, actorOf(ctx), { action: "org.approvalThresholds", entityType: "Organization", entityId: ctx.orgId, before, after });
    return after;
  });
}
