-- CreateEnum
CREATE TYPE "MatchSide" AS ENUM ('ORDER', 'SETTLEMENT', 'BANK');

-- CreateEnum
CREATE TYPE "MatchKind" AS ENUM ('AUTO', 'MANUAL');

-- CreateEnum
CREATE TYPE "MatchStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'REJECTED', 'REVERSED');

-- CreateEnum
CREATE TYPE "AdjustmentType" AS ENUM ('FEE', 'COMMISSION', 'SERVICE_FEE', 'PROMOTION', 'REFUND', 'ROUNDING', 'FX', 'BAD_DEBT', 'OTHER');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "status" "RunStatus" NOT NULL,
    "rulesVersion" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "inputCounts" JSONB NOT NULL DEFAULT '{}',
    "results" JSONB NOT NULL DEFAULT '{}',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedById" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchGroup" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "runId" UUID,
    "key" TEXT NOT NULL,
    "kind" "MatchKind" NOT NULL,
    "status" "MatchStatus" NOT NULL,
    "pass" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "confidence" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,

    CONSTRAINT "MatchGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchItem" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "side" "MatchSide" NOT NULL,
    "rowId" BIGINT NOT NULL,
    "amountMinor" BIGINT NOT NULL,

    CONSTRAINT "MatchItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchAdjustment" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "type" "AdjustmentType" NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "note" TEXT,
    "aboutSide" "MatchSide",
    "aboutRowId" BIGINT,

    CONSTRAINT "MatchAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RejectedPair" (
    "orgId" UUID NOT NULL,
    "aSide" "MatchSide" NOT NULL,
    "aRowId" BIGINT NOT NULL,
    "bSide" "MatchSide" NOT NULL,
    "bRowId" BIGINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "RejectedPair_pkey" PRIMARY KEY ("orgId","aSide","aRowId","bSide","bRowId")
);

-- CreateTable
CREATE TABLE "ReconcileRuleSet" (
    "orgId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "rules" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID,

    CONSTRAINT "ReconcileRuleSet_pkey" PRIMARY KEY ("orgId")
);

-- CreateIndex
CREATE INDEX "ReconciliationRun_orgId_startedAt_idx" ON "ReconciliationRun"("orgId", "startedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ReconciliationRun_orgId_id_key" ON "ReconciliationRun"("orgId", "id");

-- CreateIndex
CREATE INDEX "MatchGroup_orgId_status_idx" ON "MatchGroup"("orgId", "status");

-- CreateIndex
CREATE INDEX "MatchGroup_orgId_key_idx" ON "MatchGroup"("orgId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "MatchGroup_orgId_id_key" ON "MatchGroup"("orgId", "id");

-- CreateIndex
CREATE INDEX "MatchItem_orgId_groupId_idx" ON "MatchItem"("orgId", "groupId");

-- CreateIndex
CREATE INDEX "MatchItem_orgId_side_rowId_idx" ON "MatchItem"("orgId", "side", "rowId");

-- CreateIndex
CREATE INDEX "MatchAdjustment_orgId_groupId_idx" ON "MatchAdjustment"("orgId", "groupId");

-- AddForeignKey
ALTER TABLE "MatchItem" ADD CONSTRAINT "MatchItem_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "MatchGroup"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchAdjustment" ADD CONSTRAINT "MatchAdjustment_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "MatchGroup"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One reconciliation run at a time per organization: a second start fails on this index and the
-- app answers "already running".
CREATE UNIQUE INDEX "ReconciliationRun_one_running_per_org" ON "ReconciliationRun" ("orgId") WHERE status = 'RUNNING';
