-- AlterTable
ALTER TABLE "ReconcileLoadState" ADD COLUMN     "changes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "changesAtRun" BIGINT NOT NULL DEFAULT 0;


-- Every change that can alter a run's answer counts the organization's changes up, in the change's
-- own transaction (lib/match-runs/open-rows.ts): a run whose snapshot saw the same count as the last
-- unscoped run's, with no row above the watermarks, would answer exactly as that run did and is
-- skipped. A run's own writes count nothing: it inserts AUTO groups and deletes PROPOSED ones, never
-- changes a status. Rows themselves are never updated; new ones are found by the watermarks, and an
-- import's commit or undo is a change of its batch's status.
CREATE FUNCTION reconcile_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReconcileLoadState" SET changes = changes + 1
   WHERE "orgId" = CASE WHEN TG_OP = 'DELETE' THEN OLD."orgId" ELSE NEW."orgId" END;
  RETURN NULL;
END $$;

CREATE TRIGGER "MatchGroup_count_status_change" AFTER UPDATE OF status ON "MatchGroup" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "MatchGroup_count_manual_insert" AFTER INSERT ON "MatchGroup" FOR EACH ROW
  WHEN (NEW.kind = 'MANUAL') EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "MatchGroup_count_delete" AFTER DELETE ON "MatchGroup" FOR EACH ROW
  WHEN (OLD.status <> 'PROPOSED' OR OLD.kind = 'MANUAL') EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "ExcludedRow_count_change" AFTER INSERT OR UPDATE OR DELETE ON "ExcludedRow" FOR EACH ROW EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "RejectedPair_count_change" AFTER INSERT OR UPDATE OR DELETE ON "RejectedPair" FOR EACH ROW EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "Period_count_change" AFTER INSERT OR UPDATE OR DELETE ON "Period" FOR EACH ROW EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "Store_count_change" AFTER INSERT OR UPDATE OR DELETE ON "Store" FOR EACH ROW EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "FundAccount_count_change" AFTER INSERT OR UPDATE OR DELETE ON "FundAccount" FOR EACH ROW EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "ReconcileRuleSet_count_change" AFTER INSERT OR UPDATE OR DELETE ON "ReconcileRuleSet" FOR EACH ROW EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "ImportBatch_count_status_change" AFTER UPDATE OF status ON "ImportBatch" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION reconcile_count_change();
