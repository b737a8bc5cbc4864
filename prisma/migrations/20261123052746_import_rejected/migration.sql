-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'REJECTED';

