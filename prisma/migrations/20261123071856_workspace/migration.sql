-- CreateEnum
CREATE TYPE "MatchSlot" AS ENUM ('UP', 'DOWN');

-- CreateEnum
CREATE TYPE "WorkspaceActionKind" AS ENUM ('CONFIRM', 'REJECT', 'MATCH', 'UNMATCH', 'APPROVE');

-- CreateEnum
CREATE TYPE "NoteTarget" AS ENUM ('ORDER', 'SETTLEMENT', 'BANK', 'GROUP');

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('OPEN', 'SUBMITTED', 'LOCKED');

-- AlterEnum
ALTER TYPE "MatchStatus" ADD VALUE 'PENDING_APPROVAL';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "manualMatchApprovalMinor" BIGINT NOT NULL DEFAULT 10000000,
ADD COLUMN     "writeOffApprovalMinor" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "MatchGroup" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "note" TEXT;

-- AlterTable: the slot of items saved before slots were recorded follows from the group's link and
-- the row's role (lib/reconcile/engine/slots.ts): orders give DOWN; bill lines give UP to their order
-- and DOWN to their withdrawal; withdrawals UP from their lines and DOWN to the bank; bank receipts UP.
ALTER TABLE "MatchItem" ADD COLUMN     "slot" "MatchSlot";
UPDATE "MatchItem" i SET "slot" = (CASE
    WHEN i."side" = 'ORDER' THEN 'DOWN'
    WHEN g."link" IN ('ORDER_SETTLEMENT', 'ORDER_BANK') THEN 'UP'
    WHEN i."side" = 'SETTLEMENT' AND g."link" = 'PAYOUT_BANK' THEN 'DOWN'
    WHEN i."side" = 'SETTLEMENT' THEN (CASE WHEN s."lineType" = 'WITHDRAWAL' THEN 'UP' ELSE 'DOWN' END)
    WHEN a."type" = 'BANK' THEN 'UP'
    WHEN g."link" = 'PAYOUT_BANK' THEN 'DOWN'
    WHEN b."amountMinor" < 0 AND b."memo" LIKE '%提现%' THEN 'UP'
    ELSE 'DOWN' END)::"MatchSlot"
  FROM "MatchGroup" g, "MatchItem" i2
    LEFT JOIN "SettlementLine" s ON i2."side" = 'SETTLEMENT' AND s."id" = i2."rowId"
    LEFT JOIN "BankTransaction" b ON i2."side" = 'BANK' AND b."id" = i2."rowId"
    LEFT JOIN "FundAccount" a ON a."id" = b."fundAccountId"
  WHERE i2."id" = i."id" AND g."orgId" = i."orgId" AND g."id" = i."groupId";
ALTER TABLE "MatchItem" ALTER COLUMN "slot" SET NOT NULL;

-- CreateTable
CREATE TABLE "MatchReversal" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "MatchReversal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkspaceAction" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "WorkspaceActionKind" NOT NULL,
    "groupIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMPTZ(3),

    CONSTRAINT "WorkspaceAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "target" "NoteTarget" NOT NULL,
    "targetId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "orgId" UUID NOT NULL,
    "month" CHAR(7) NOT NULL,
    "status" "PeriodStatus" NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,
    "lockedAt" TIMESTAMPTZ(3),
    "lockedById" UUID,
    "reopenedAt" TIMESTAMPTZ(3),
    "reopenedById" UUID,
    "reopenReason" TEXT,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("orgId","month")
);

-- CreateIndex
CREATE UNIQUE INDEX "MatchReversal_orgId_groupId_key" ON "MatchReversal"("orgId", "groupId");

-- CreateIndex
CREATE INDEX "WorkspaceAction_orgId_userId_createdAt_idx" ON "WorkspaceAction"("orgId", "userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Note_orgId_target_targetId_idx" ON "Note"("orgId", "target", "targetId");

-- AddForeignKey
ALTER TABLE "MatchReversal" ADD CONSTRAINT "MatchReversal_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "MatchGroup"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A reversal is history: never edited, never deleted.
CREATE FUNCTION match_reversal_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'MatchReversal is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "MatchReversal_append_only"
  BEFORE UPDATE OR DELETE ON "MatchReversal"
  FOR EACH ROW EXECUTE FUNCTION match_reversal_is_append_only();
