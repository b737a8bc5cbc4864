-- ReportBankRow summed per day (decision 0011), rebuilt with it; UNLOGGED like it. The roll-forward
-- now sums days, so ReportBankRow needs no index by day. ReportPayout is derived data: emptied here,
-- the next rebuild fills it again with its new column.
TRUNCATE "ReportPayout";

-- DropIndex
DROP INDEX "ReportBankRow_orgId_day_idx";

-- AlterTable
ALTER TABLE "ReportPayout" ADD COLUMN     "detailRows" BIGINT NOT NULL;

-- CreateTable
CREATE TABLE "ReportBankDay" (
    "orgId" UUID NOT NULL,
    "fundAccountId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "day" DATE NOT NULL,
    "rows" INTEGER NOT NULL,
    "inMinor" BIGINT NOT NULL,
    "outMinor" BIGINT NOT NULL,
    "breaks" INTEGER NOT NULL,
    "breakSumMinor" BIGINT NOT NULL,
    "firstPosition" BIGINT NOT NULL,
    "lastPosition" BIGINT NOT NULL,
    "firstPrintedPosition" BIGINT,
    "lastPrintedPosition" BIGINT,
    "rowIdSum" BIGINT NOT NULL,

    CONSTRAINT "ReportBankDay_pkey" PRIMARY KEY ("orgId","fundAccountId","currency","day")
);


ALTER TABLE "ReportBankDay" SET UNLOGGED;
