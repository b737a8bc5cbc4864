-- CreateEnum
CREATE TYPE "AlertType" AS ENUM ('OVERDUE_RECEIVABLE', 'FEE_RATE_HIGH', 'DUPLICATE_ROW', 'DUPLICATE_PAYMENT', 'BALANCE_BREAK', 'REFUND_AFTER_SETTLEMENT', 'UNMATCHED_PLATFORM_RECEIPT', 'WITHDRAWAL_IN_TRANSIT', 'UNUSUAL_CHANGE');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'RESOLVED', 'IGNORED');

-- CreateTable
CREATE TABLE "AlertRule" (
    "orgId" UUID NOT NULL,
    "type" "AlertType" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "thresholds" JSONB NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("orgId","type")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "type" "AlertType" NOT NULL,
    "causeKey" TEXT NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'NEW',
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "storeId" UUID,
    "fundAccountId" UUID,
    "day" DATE,
    "refs" JSONB NOT NULL,
    "facts" JSONB NOT NULL,
    "causePresent" BOOLEAN NOT NULL DEFAULT true,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assigneeId" UUID,
    "note" TEXT,
    "closedById" UUID,
    "closedAt" TIMESTAMPTZ(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "AlertComputation" (
    "orgId" UUID NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,
    "asOf" DATE NOT NULL,
    "receivablesRefreshedAt" TIMESTAMPTZ(3),
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "AlertComputation_pkey" PRIMARY KEY ("orgId")
);

-- CreateIndex
CREATE INDEX "Alert_orgId_status_idx" ON "Alert"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_orgId_type_causeKey_key" ON "Alert"("orgId", "type", "causeKey");

