-- CreateEnum
CREATE TYPE "ExclusionReason" AS ENUM ('RENT', 'SALARY', 'TAX', 'OWN_TRANSFER', 'CLOSED_ORDER', 'OTHER');

-- CreateEnum
CREATE TYPE "PeriodCloseStep" AS ENUM ('SUBMIT', 'LOCK');

-- CreateTable
CREATE TABLE "ExcludedRow" (
    "orgId" UUID NOT NULL,
    "side" "MatchSide" NOT NULL,
    "rowId" BIGINT NOT NULL,
    "reason" "ExclusionReason" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "ExcludedRow_pkey" PRIMARY KEY ("orgId","side","rowId")
);

-- CreateTable
CREATE TABLE "PeriodCloseSnapshot" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "month" CHAR(7) NOT NULL,
    "step" "PeriodCloseStep" NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "takenById" UUID,
    "confirmedOpenItems" BOOLEAN NOT NULL DEFAULT false,
    "facts" JSONB NOT NULL,

    CONSTRAINT "PeriodCloseSnapshot_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateIndex
CREATE INDEX "PeriodCloseSnapshot_orgId_month_takenAt_idx" ON "PeriodCloseSnapshot"("orgId", "month", "takenAt" DESC);

