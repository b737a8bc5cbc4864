-- AlterTable
ALTER TABLE "ReconcileLoadState" ADD COLUMN     "snapshot" TEXT;

