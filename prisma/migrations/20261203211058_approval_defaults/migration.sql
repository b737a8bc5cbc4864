-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "writeOffApprovalBps" INTEGER NOT NULL DEFAULT 100,
ALTER COLUMN "writeOffApprovalMinor" SET DEFAULT 10000;


-- Companies that never chose their thresholds move to the new default (¥100); one that set 0 on
-- purpose said so in the audit log and keeps it.
UPDATE "Organization" o SET "writeOffApprovalMinor" = 10000
WHERE o."writeOffApprovalMinor" = 0
  AND NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."orgId" = o.id AND a.action = 'org.approvalThresholds');
