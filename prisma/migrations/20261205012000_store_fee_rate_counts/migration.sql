-- A store's learned fee rates change what a run expects of an inferred commission (lib/fee-rates,
-- decision 0017), so a rate that moves counts as a change that can alter a run's answer, like the
-- store's own settings (migration 20261205004936_reconcile_change_count). A rebuild that only saw
-- more orders at the same rates (orders, ofOrders, computedAt) counts nothing.
CREATE TRIGGER "StoreFeeRate_count_insert_delete" AFTER INSERT OR DELETE ON "StoreFeeRate" FOR EACH ROW EXECUTE FUNCTION reconcile_count_change();
CREATE TRIGGER "StoreFeeRate_count_rate_change" AFTER UPDATE ON "StoreFeeRate" FOR EACH ROW
  WHEN (OLD."medianBps" IS DISTINCT FROM NEW."medianBps" OR OLD."upperBps" IS DISTINCT FROM NEW."upperBps") EXECUTE FUNCTION reconcile_count_change();
