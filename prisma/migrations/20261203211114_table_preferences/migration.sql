-- CreateTable
CREATE TABLE "TablePreference" (
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tableKey" TEXT NOT NULL,
    "widths" JSONB NOT NULL DEFAULT '{}',
    "hidden" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pageSize" INTEGER,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TablePreference_pkey" PRIMARY KEY ("orgId","userId","tableKey")
);

