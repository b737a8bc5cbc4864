-- CreateTable
CREATE TABLE "ReconcileOpenRow" (
    "orgId" UUID NOT NULL,
    "side" "MatchSide" NOT NULL,
    "rowId" BIGINT NOT NULL,
    "writtenBy" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,

    CONSTRAINT "ReconcileOpenRow_pkey" PRIMARY KEY ("orgId","side","rowId")
);

-- CreateTable
CREATE TABLE "ReconcileLoadState" (
    "orgId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "contextKey" TEXT NOT NULL,
    "orderMaxId" BIGINT NOT NULL,
    "settlementMaxId" BIGINT NOT NULL,
    "bankMaxId" BIGINT NOT NULL,
    "pendingBatchIds" UUID[],
    "storesWithLines" UUID[],
    "writtenBy" BIGINT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReconcileLoadState_pkey" PRIMARY KEY ("orgId")
);


-- Events that open a closed row again add it back to the open-row cache in their own transaction,
-- whichever code path makes them (lib/match-runs/open-rows.ts): a counting group (CONFIRMED,
-- PENDING_APPROVAL: lib/ledger/counting-groups.ts) that stops counting (reversed, rejected, undone)
-- or is deleted gives its rows back, and so does a row whose "not for reconciliation" mark is
-- removed. An entry already there is stamped again, so a run whose snapshot predates the event does
-- not delete it.
CREATE FUNCTION reconcile_reopen_group_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReconcileOpenRow" ("orgId", side, "rowId")
  SELECT DISTINCT i."orgId", i.side, i."rowId" FROM "MatchItem" i WHERE i."orgId" = OLD."orgId" AND i."groupId" = OLD.id
  ON CONFLICT ("orgId", side, "rowId") DO UPDATE SET "writtenBy" = EXCLUDED."writtenBy";
  RETURN OLD;
END $$;

CREATE TRIGGER "MatchGroup_reopen_rows_on_status"
  AFTER UPDATE OF status ON "MatchGroup" FOR EACH ROW
  WHEN (OLD.status IN ('CONFIRMED', 'PENDING_APPROVAL') AND NEW.status NOT IN ('CONFIRMED', 'PENDING_APPROVAL'))
  EXECUTE FUNCTION reconcile_reopen_group_rows();

-- BEFORE: the items are still there (the cascade to MatchItem runs after the row is gone).
CREATE TRIGGER "MatchGroup_reopen_rows_on_delete"
  BEFORE DELETE ON "MatchGroup" FOR EACH ROW
  WHEN (OLD.status IN ('CONFIRMED', 'PENDING_APPROVAL'))
  EXECUTE FUNCTION reconcile_reopen_group_rows();

CREATE FUNCTION reconcile_reopen_included_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReconcileOpenRow" ("orgId", side, "rowId") VALUES (OLD."orgId", OLD.side, OLD."rowId")
  ON CONFLICT ("orgId", side, "rowId") DO UPDATE SET "writtenBy" = EXCLUDED."writtenBy";
  RETURN NULL;
END $$;

CREATE TRIGGER "ExcludedRow_reopen_row_on_delete"
  AFTER DELETE ON "ExcludedRow" FOR EACH ROW
  EXECUTE FUNCTION reconcile_reopen_included_row();
