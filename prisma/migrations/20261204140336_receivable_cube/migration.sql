-- Receivables are derived data, rebuilt from the ledger by a job (decision 0010): emptying them only
-- makes the worker rebuild them. UNLOGGED: no WAL for a million-row rebuild; after a crash
-- PostgreSQL empties them, ReceivableRefresh with them, so every company reads as stale and is rebuilt.
TRUNCATE "OrderReceivable", "ReceivableRefresh";

-- AlterTable
ALTER TABLE "OrderReceivable" ADD COLUMN     "aging" BOOLEAN NOT NULL;

-- CreateTable
CREATE TABLE "ReceivableCube" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "stage" "ReceivableStage" NOT NULL,
    "aging" BOOLEAN NOT NULL,
    "expectedOn" DATE,
    "day" DATE,
    "orders" INTEGER NOT NULL,
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
    "dsoDays" BIGINT NOT NULL,
    "dsoOrders" INTEGER NOT NULL,

    CONSTRAINT "ReceivableCube_pkey" PRIMARY KEY ("orgId","id")
);


ALTER TABLE "OrderReceivable" SET UNLOGGED;
ALTER TABLE "ReceivableRefresh" SET UNLOGGED;
ALTER TABLE "ReceivableCube" SET UNLOGGED;
