-- CreateTable
CREATE TABLE "StoreFeeRate" (
    "orgId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "feeType" TEXT NOT NULL,
    "medianBps" INTEGER NOT NULL,
    "upperBps" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "ofOrders" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StoreFeeRate_pkey" PRIMARY KEY ("orgId","storeId","feeType")
);

