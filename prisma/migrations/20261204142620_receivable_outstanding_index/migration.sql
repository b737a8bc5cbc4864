-- CreateIndex
CREATE INDEX "OrderReceivable_orgId_outstandingMinor_idx" ON "OrderReceivable"("orgId", "outstandingMinor");

