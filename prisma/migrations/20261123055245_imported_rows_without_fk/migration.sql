-- DropForeignKey
ALTER TABLE "Order" DROP CONSTRAINT "Order_orgId_storeId_fkey";

-- DropForeignKey
ALTER TABLE "SettlementLine" DROP CONSTRAINT "SettlementLine_orgId_storeId_fkey";

-- DropForeignKey
ALTER TABLE "BankTransaction" DROP CONSTRAINT "BankTransaction_orgId_fundAccountId_fkey";

