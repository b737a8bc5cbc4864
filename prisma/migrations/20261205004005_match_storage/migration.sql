-- Match storage for a month's first run (issue 20, docs/decisions/0016-match-storage.md): the same
-- rows, less for PostgreSQL to do per row while a run's COPY writes a million groups and their items.

-- A group's adjustments: one index instead of two. Every reader asks for a group's adjustments (in id
-- order), none for an adjustment by its id alone, so the key leads with the group and the separate
-- ("orgId", "groupId") index goes. The delete trigger (20261123093908_match_item_key) walks the key.
DROP INDEX "MatchAdjustment_orgId_groupId_idx";

ALTER TABLE "MatchAdjustment" DROP CONSTRAINT "MatchAdjustment_pkey",
ADD CONSTRAINT "MatchAdjustment_pkey" PRIMARY KEY ("orgId", "groupId", "id");

-- Reasons as json, not jsonb: kept as the run sends it instead of parsed into binary on the way in.
-- Nothing queries inside it; readers take the whole value.
ALTER TABLE "MatchGroup" ALTER COLUMN "reasons" SET DATA TYPE JSON USING "reasons"::json,
ALTER COLUMN "reasons" SET DEFAULT '[]';

-- Groups by status, hand-written (Prisma cannot express a partial index; schema.prisma keeps
-- @@index([orgId, status]) for its diff): only groups that are not CONFIRMED. The workspace looks up
-- the few open, pending, rejected or reversed groups by status; a list of CONFIRMED groups reads most
-- of the table either way, and a run that confirms most of its groups no longer writes an entry each.
DROP INDEX "MatchGroup_orgId_status_idx";
CREATE INDEX "MatchGroup_orgId_status_idx" ON "MatchGroup"("orgId", "status") WHERE "status" <> 'CONFIRMED';
