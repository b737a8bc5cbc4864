-- CreateEnum
CREATE TYPE "ReceivableStage" AS ENUM ('OPEN', 'SETTLED', 'RECEIVED', 'PARTIAL', 'REFUNDED', 'DIFFERENCE');

-- CreateEnum
CREATE TYPE "ExpectedBasis" AS ENUM ('SETTLEMENT', 'CONFIRMED', 'AUTO_CONFIRM');

-- CreateEnum
CREATE TYPE "FollowUpState" AS ENUM ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'UNCOLLECTIBLE');

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "autoConfirmDays" INTEGER;

-- CreateTable
CREATE TABLE "OrderReceivable" (
    "orgId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "orderNo" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "firstOrderId" BIGINT NOT NULL,
    "orderRows" INTEGER NOT NULL,
    "orderedAt" TIMESTAMP(0),
    "paidAt" TIMESTAMP(0),
    "confirmedAt" TIMESTAMP(0),
    "day" DATE,
    "paidMinor" BIGINT NOT NULL,
    "refundMinor" BIGINT NOT NULL,
    "commissionMinor" BIGINT NOT NULL,
    "serviceFeeMinor" BIGINT NOT NULL,
    "promotionMinor" BIGINT NOT NULL,
    "otherFeesMinor" BIGINT NOT NULL,
    "badDebtMinor" BIGINT NOT NULL,
    "settledMinor" BIGINT NOT NULL,
    "withdrawnMinor" BIGINT NOT NULL,
    "receivedMinor" BIGINT NOT NULL,
    "differenceMinor" BIGINT NOT NULL,
    "outstandingMinor" BIGINT NOT NULL,
    "stage" "ReceivableStage" NOT NULL,
    "expectedOn" DATE,
    "expectedBasis" "ExpectedBasis",
    "settledOn" DATE,
    "receivedOn" DATE,
    "groupCount" INTEGER NOT NULL,

    CONSTRAINT "OrderReceivable_pkey" PRIMARY KEY ("orgId","storeId","orderNo")
);

-- CreateTable
CREATE TABLE "ReceivableRefresh" (
    "orgId" UUID NOT NULL,
    "auditId" BIGINT NOT NULL,
    "runFinishedAt" TIMESTAMPTZ(3),
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,

    CONSTRAINT "ReceivableRefresh_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "ReceivableFollowUp" (
    "orgId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "orderNo" TEXT NOT NULL,
    "ownerId" UUID,
    "nextActionOn" DATE,
    "state" "FollowUpState" NOT NULL DEFAULT 'OPEN',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "ReceivableFollowUp_pkey" PRIMARY KEY ("orgId","storeId","orderNo")
);

-- CreateTable
CREATE TABLE "ReceivableSettings" (
    "orgId" UUID NOT NULL,
    "overdueBucketDays" INTEGER[],
    "notDueBucketDays" INTEGER[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReceivableSettings_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "FollowUpLevel" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "days" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "action" TEXT NOT NULL,

    CONSTRAINT "FollowUpLevel_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateIndex
CREATE INDEX "OrderReceivable_orgId_stage_expectedOn_idx" ON "OrderReceivable"("orgId", "stage", "expectedOn");

-- CreateIndex
CREATE INDEX "OrderReceivable_orgId_expectedOn_idx" ON "OrderReceivable"("orgId", "expectedOn");

-- CreateIndex
CREATE INDEX "OrderReceivable_orgId_orderNo_idx" ON "OrderReceivable"("orgId", "orderNo");

-- CreateIndex
CREATE INDEX "ReceivableFollowUp_orgId_ownerId_idx" ON "ReceivableFollowUp"("orgId", "ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpLevel_orgId_days_key" ON "FollowUpLevel"("orgId", "days");

