-- CreateTable
CREATE TABLE "SavedReport" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" UUID NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "spec" JSONB NOT NULL,
    "specVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SavedReport_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateIndex
CREATE INDEX "SavedReport_orgId_shared_idx" ON "SavedReport"("orgId", "shared");

-- CreateIndex
CREATE UNIQUE INDEX "SavedReport_orgId_ownerId_name_key" ON "SavedReport"("orgId", "ownerId", "name");

