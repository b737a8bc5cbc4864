-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "facts" JSONB NOT NULL DEFAULT '{}';

