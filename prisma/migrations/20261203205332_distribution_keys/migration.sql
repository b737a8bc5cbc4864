-- Distribution-ready keys (issue 13): every tenant table's primary key contains "orgId", so the
-- tables can later be distributed by it (Citus accepts no primary or unique key without the
-- distribution column). Job stays keyed by id: it would stay on the coordinator (schema.prisma).
--
-- Hand-ordered for databases that already hold data (Prisma's diff dropped the ("orgId", "id")
-- unique indexes first, which PostgreSQL refuses while the foreign keys of ImportBatch,
-- ImportFileChunk and MatchReversal depend on them). Where such a unique index exists it becomes the
-- primary key as it is (USING INDEX renames it to <table>_pkey): no rebuild, and the foreign keys
-- keep pointing at the same index. Elsewhere the new key is built from the rows, which are already
-- unique by id, so it cannot fail on existing data.

-- Tables that had a unique ("orgId", "id") index: promote it.
ALTER TABLE "Store" DROP CONSTRAINT "Store_pkey",
ADD CONSTRAINT "Store_pkey" PRIMARY KEY USING INDEX "Store_orgId_id_key";

ALTER TABLE "FundAccount" DROP CONSTRAINT "FundAccount_pkey",
ADD CONSTRAINT "FundAccount_pkey" PRIMARY KEY USING INDEX "FundAccount_orgId_id_key";

ALTER TABLE "ImportBatch" DROP CONSTRAINT "ImportBatch_pkey",
ADD CONSTRAINT "ImportBatch_pkey" PRIMARY KEY USING INDEX "ImportBatch_orgId_id_key";

ALTER TABLE "ReconciliationRun" DROP CONSTRAINT "ReconciliationRun_pkey",
ADD CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY USING INDEX "ReconciliationRun_orgId_id_key";

ALTER TABLE "MatchGroup" DROP CONSTRAINT "MatchGroup_pkey",
ADD CONSTRAINT "MatchGroup_pkey" PRIMARY KEY USING INDEX "MatchGroup_orgId_id_key";

-- Tables keyed by id alone: a new ("orgId", "id") key.
ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_pkey",
ADD CONSTRAINT "Invitation_pkey" PRIMARY KEY ("orgId", "id");

ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_pkey",
ADD CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("orgId", "id");

ALTER TABLE "ColumnMapping" DROP CONSTRAINT "ColumnMapping_pkey",
ADD CONSTRAINT "ColumnMapping_pkey" PRIMARY KEY ("orgId", "id");

ALTER TABLE "Order" DROP CONSTRAINT "Order_pkey",
ADD CONSTRAINT "Order_pkey" PRIMARY KEY ("orgId", "id");

ALTER TABLE "SettlementLine" DROP CONSTRAINT "SettlementLine_pkey",
ADD CONSTRAINT "SettlementLine_pkey" PRIMARY KEY ("orgId", "id");

ALTER TABLE "BankTransaction" DROP CONSTRAINT "BankTransaction_pkey",
ADD CONSTRAINT "BankTransaction_pkey" PRIMARY KEY ("orgId", "id");

ALTER TABLE "MatchAdjustment" DROP CONSTRAINT "MatchAdjustment_pkey",
ADD CONSTRAINT "MatchAdjustment_pkey" PRIMARY KEY ("orgId", "id");

ALTER TABLE "MatchReversal" DROP CONSTRAINT "MatchReversal_pkey",
ADD CONSTRAINT "MatchReversal_pkey" PRIMARY KEY ("orgId", "id");

ALTER TABLE "WorkspaceAction" DROP CONSTRAINT "WorkspaceAction_pkey",
ADD CONSTRAINT "WorkspaceAction_pkey" PRIMARY KEY ("orgId", "id");

ALTER TABLE "Note" DROP CONSTRAINT "Note_pkey",
ADD CONSTRAINT "Note_pkey" PRIMARY KEY ("orgId", "id");

-- A group's items: the key gains "orgId" in front. Items were unique by group already (a group
-- belongs to one organization), so no existing row can collide. The statement trigger that deletes
-- items with their group (20261123093908_match_item_key) joins on "groupId" and "orgId" and now
-- walks this key from its first two columns.
ALTER TABLE "MatchItem" DROP CONSTRAINT "MatchItem_pkey",
ADD CONSTRAINT "MatchItem_pkey" PRIMARY KEY ("orgId", "groupId", "side", "rowId", "slot");
