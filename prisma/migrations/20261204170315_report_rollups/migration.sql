-- The reports' rollups (decision 0011): derived data, rebuilt from the ledger by the receivables job
-- in its transaction. UNLOGGED like OrderReceivable (no WAL for a whole company's rebuild); after a
-- crash PostgreSQL empties them together with ReceivableRefresh, so the company reads as stale and
-- is rebuilt.
-- CreateTable
CREATE TABLE "ReportBankRow" (
    "orgId" UUID NOT NULL,
    "fundAccountId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "position" BIGINT NOT NULL,
    "bankTransactionId" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "balanceMinor" BIGINT,
    "runMinor" BIGINT NOT NULL,
    "breakMinor" BIGINT,

    CONSTRAINT "ReportBankRow_pkey" PRIMARY KEY ("orgId","fundAccountId","currency","position")
);

-- CreateTable
CREATE TABLE "ReportPayout" (
    "orgId" UUID NOT NULL,
    "side" "MatchSide" NOT NULL,
    "payoutId" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "reference" TEXT,
    "currency" CHAR(3) NOT NULL,
    "direct" BOOLEAN NOT NULL,
    "accountId" UUID,
    "storeIds" UUID[],
    "amountMinor" BIGINT NOT NULL,
    "orders" BIGINT NOT NULL,
    "lines" BIGINT NOT NULL,
    "salesMinor" BIGINT NOT NULL,
    "feesMinor" BIGINT NOT NULL,
    "refundsMinor" BIGINT NOT NULL,
    "otherMinor" BIGINT NOT NULL,
    "receivedOn" DATE,
    "receivedMinor" BIGINT NOT NULL,
    "receivedAccountId" UUID,
    "takenMinor" BIGINT NOT NULL,

    CONSTRAINT "ReportPayout_pkey" PRIMARY KEY ("orgId","side","payoutId")
);

-- CreateIndex
CREATE INDEX "ReportBankRow_orgId_day_idx" ON "ReportBankRow"("orgId", "day");

-- CreateIndex
CREATE INDEX "ReportPayout_orgId_day_idx" ON "ReportPayout"("orgId", "day");


ALTER TABLE "ReportBankRow" SET UNLOGGED;
ALTER TABLE "ReportPayout" SET UNLOGGED;
