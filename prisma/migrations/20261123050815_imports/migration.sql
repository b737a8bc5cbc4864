-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('ORDERS', 'SETTLEMENT', 'BANK');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PARSING', 'PREVIEW', 'COMMITTING', 'COMMITTED', 'FAILED', 'CANCELLED', 'UNDONE');

-- CreateEnum
CREATE TYPE "SettlementLineType" AS ENUM ('SALE', 'REFUND', 'COMMISSION', 'SERVICE_FEE', 'PROMOTION', 'ADJUSTMENT', 'WITHDRAWAL', 'OTHER');

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "kind" "ImportKind",
    "format" TEXT,
    "status" "ImportStatus" NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileSizeBytes" BIGINT NOT NULL,
    "storeId" UUID,
    "fundAccountId" UUID,
    "headerRow" INTEGER,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "validCount" INTEGER NOT NULL DEFAULT 0,
    "insertedCount" INTEGER NOT NULL DEFAULT 0,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "invalidCount" INTEGER NOT NULL DEFAULT 0,
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "sample" JSONB NOT NULL DEFAULT '[]',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMPTZ(3),
    "undoneAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportFileChunk" (
    "orgId" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ImportFileChunk_pkey" PRIMARY KEY ("orgId","batchId","seq")
);

-- CreateTable
CREATE TABLE "ColumnMapping" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "name" TEXT NOT NULL,
    "headerSignature" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ColumnMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "sourceRow" INTEGER NOT NULL,
    "orderNo" TEXT NOT NULL,
    "subOrderNo" TEXT,
    "status" TEXT,
    "afterSaleStatus" TEXT,
    "paidAmountMinor" BIGINT NOT NULL,
    "refundMinor" BIGINT NOT NULL DEFAULT 0,
    "merchantReceivedMinor" BIGINT,
    "currency" CHAR(3) NOT NULL,
    "orderedAt" TIMESTAMP(0),
    "paidAt" TIMESTAMP(0),
    "confirmedAt" TIMESTAMP(0),
    "naturalKey" TEXT NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SettlementLine" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "sourceRow" INTEGER NOT NULL,
    "lineType" "SettlementLineType" NOT NULL,
    "orderNo" TEXT,
    "payoutId" TEXT,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "occurredOn" DATE NOT NULL,
    "occurredAt" TIMESTAMP(0),
    "reference" TEXT,
    "memo" TEXT,
    "naturalKey" TEXT NOT NULL,

    CONSTRAINT "SettlementLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankTransaction" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "fundAccountId" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "sourceRow" INTEGER NOT NULL,
    "occurredOn" DATE NOT NULL,
    "occurredAt" TIMESTAMP(0),
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "balanceMinor" BIGINT,
    "feeMinor" BIGINT,
    "reference" TEXT,
    "secondaryReference" TEXT,
    "counterparty" TEXT,
    "counterpartyAccount" TEXT,
    "memo" TEXT,
    "merchantOrderNo" TEXT,
    "channel" TEXT,
    "naturalKey" TEXT NOT NULL,

    CONSTRAINT "BankTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportBatch_orgId_createdAt_idx" ON "ImportBatch"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ImportBatch_orgId_fileSha256_idx" ON "ImportBatch"("orgId", "fileSha256");

-- CreateIndex
CREATE UNIQUE INDEX "ImportBatch_orgId_id_key" ON "ImportBatch"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ColumnMapping_orgId_headerSignature_key" ON "ColumnMapping"("orgId", "headerSignature");

-- CreateIndex
CREATE INDEX "Order_orgId_orderNo_idx" ON "Order"("orgId", "orderNo");

-- CreateIndex
CREATE INDEX "Order_orgId_batchId_idx" ON "Order"("orgId", "batchId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_orgId_storeId_naturalKey_key" ON "Order"("orgId", "storeId", "naturalKey");

-- CreateIndex
CREATE INDEX "SettlementLine_orgId_orderNo_idx" ON "SettlementLine"("orgId", "orderNo");

-- CreateIndex
CREATE INDEX "SettlementLine_orgId_batchId_idx" ON "SettlementLine"("orgId", "batchId");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementLine_orgId_storeId_naturalKey_key" ON "SettlementLine"("orgId", "storeId", "naturalKey");

-- CreateIndex
CREATE INDEX "BankTransaction_orgId_occurredOn_idx" ON "BankTransaction"("orgId", "occurredOn");

-- CreateIndex
CREATE INDEX "BankTransaction_orgId_batchId_idx" ON "BankTransaction"("orgId", "batchId");

-- CreateIndex
CREATE UNIQUE INDEX "BankTransaction_orgId_fundAccountId_naturalKey_key" ON "BankTransaction"("orgId", "fundAccountId", "naturalKey");

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_orgId_storeId_fkey" FOREIGN KEY ("orgId", "storeId") REFERENCES "Store"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_orgId_fundAccountId_fkey" FOREIGN KEY ("orgId", "fundAccountId") REFERENCES "FundAccount"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportFileChunk" ADD CONSTRAINT "ImportFileChunk_orgId_batchId_fkey" FOREIGN KEY ("orgId", "batchId") REFERENCES "ImportBatch"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ColumnMapping" ADD CONSTRAINT "ColumnMapping_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_orgId_storeId_fkey" FOREIGN KEY ("orgId", "storeId") REFERENCES "Store"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettlementLine" ADD CONSTRAINT "SettlementLine_orgId_storeId_fkey" FOREIGN KEY ("orgId", "storeId") REFERENCES "Store"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankTransaction" ADD CONSTRAINT "BankTransaction_orgId_fundAccountId_fkey" FOREIGN KEY ("orgId", "fundAccountId") REFERENCES "FundAccount"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

