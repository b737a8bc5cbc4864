-- 差异汇总's rollups (decision 0011): derived data rebuilt with the receivables by their job, so
-- UNLOGGED like OrderReceivable and ReceivableCube (no WAL for the rebuild; emptied after a crash,
-- together with ReceivableRefresh, so every company reads as stale and is rebuilt).
-- CreateTable
CREATE TABLE "UnmatchedRollup" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "list" TEXT NOT NULL,
    "slot" "MatchSlot" NOT NULL,
    "ownerId" UUID NOT NULL,
    "day" DATE,
    "rows" INTEGER NOT NULL,
    "remainingMinor" BIGINT NOT NULL,

    CONSTRAINT "UnmatchedRollup_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "AdjustmentRollup" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "storeId" UUID,
    "type" "AdjustmentType" NOT NULL,
    "fundAccountIds" UUID[],
    "count" INTEGER NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "pendingCount" INTEGER NOT NULL,
    "pendingMinor" BIGINT NOT NULL,

    CONSTRAINT "AdjustmentRollup_pkey" PRIMARY KEY ("orgId","id")
);


ALTER TABLE "UnmatchedRollup" SET UNLOGGED;
ALTER TABLE "AdjustmentRollup" SET UNLOGGED;
