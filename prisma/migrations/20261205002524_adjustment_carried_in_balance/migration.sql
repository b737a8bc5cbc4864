-- AlterEnum
ALTER TYPE "AdjustmentType" ADD VALUE 'CARRIED_IN_BALANCE';

