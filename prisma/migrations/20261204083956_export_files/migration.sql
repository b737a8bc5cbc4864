-- CreateEnum
CREATE TYPE "ExportFormat" AS ENUM ('XLSX', 'PDF');

-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "ExportFile" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "format" "ExportFormat" NOT NULL,
    "locale" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '[]',
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "rowCount" INTEGER,
    "sizeBytes" BIGINT,
    "fileName" TEXT NOT NULL,
    "messageKey" TEXT,
    "messageParams" JSONB,
    "createdById" UUID,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExportFile_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "ExportFileChunk" (
    "orgId" UUID NOT NULL,
    "exportId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ExportFileChunk_pkey" PRIMARY KEY ("orgId","exportId","seq")
);

-- CreateIndex
CREATE INDEX "ExportFile_orgId_createdAt_idx" ON "ExportFile"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ExportFile_expiresAt_idx" ON "ExportFile"("expiresAt");

-- AddForeignKey
ALTER TABLE "ExportFile" ADD CONSTRAINT "ExportFile_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportFileChunk" ADD CONSTRAINT "ExportFileChunk_orgId_exportId_fkey" FOREIGN KEY ("orgId", "exportId") REFERENCES "ExportFile"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

