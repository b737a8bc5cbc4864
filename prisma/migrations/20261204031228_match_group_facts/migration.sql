-- AlterTable
ALTER TABLE "MatchGroup" ADD COLUMN     "amountMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "day" DATE,
ADD COLUMN     "differenceMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "fundAccountIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "rowCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "storeIds" UUID[] DEFAULT ARRAY[]::UUID[];


-- Backfill: every existing group's facts from its stored items (fillGroupFactsSql in lib/ledger/group-facts.ts).
WITH grp AS MATERIALIZED (SELECT id, "orgId" FROM "MatchGroup"),
      items AS (SELECT i."orgId", i."groupId", i.slot, i."amountMinor", COALESCE(r."paidAt", r."orderedAt", r."confirmedAt")::date AS day, r."storeId" AS store, NULL::uuid AS account
        FROM grp JOIN "MatchItem" i ON i."orgId" = grp."orgId" AND i."groupId" = grp.id LEFT JOIN "Order" r ON r."orgId" = i."orgId" AND r.id = i."rowId"
       WHERE i.side = 'ORDER'
      UNION ALL
      SELECT i."orgId", i."groupId", i.slot, i."amountMinor", r."occurredOn"::date AS day, r."storeId" AS store, NULL::uuid AS account
        FROM grp JOIN "MatchItem" i ON i."orgId" = grp."orgId" AND i."groupId" = grp.id LEFT JOIN "SettlementLine" r ON r."orgId" = i."orgId" AND r.id = i."rowId"
       WHERE i.side = 'SETTLEMENT'
      UNION ALL
      SELECT i."orgId", i."groupId", i.slot, i."amountMinor", r."occurredOn"::date AS day, NULL::uuid AS store, r."fundAccountId" AS account
        FROM grp JOIN "MatchItem" i ON i."orgId" = grp."orgId" AND i."groupId" = grp.id LEFT JOIN "BankTransaction" r ON r."orgId" = i."orgId" AND r.id = i."rowId"
       WHERE i.side = 'BANK'),
      facts AS (
        SELECT "orgId", "groupId", ABS(COALESCE(SUM("amountMinor") FILTER (WHERE slot = 'UP'), 0))::bigint AS amount, max(day) AS day, count(*)::int AS rows,
               COALESCE(array_agg(DISTINCT store ORDER BY store) FILTER (WHERE store IS NOT NULL), '{}') AS stores,
               COALESCE(array_agg(DISTINCT account ORDER BY account) FILTER (WHERE account IS NOT NULL), '{}') AS accounts
          FROM items GROUP BY "orgId", "groupId"),
      differences AS (
        SELECT a."orgId", a."groupId", SUM(a."amountMinor")::bigint AS difference
          FROM grp JOIN "MatchAdjustment" a ON a."orgId" = grp."orgId" AND a."groupId" = grp.id GROUP BY a."orgId", a."groupId")
    UPDATE "MatchGroup" g
       SET "amountMinor" = f.amount, "rowCount" = f.rows, day = f.day, "storeIds" = f.stores, "fundAccountIds" = f.accounts,
           "differenceMinor" = COALESCE(d.difference, 0)
      FROM facts f LEFT JOIN differences d ON d."orgId" = f."orgId" AND d."groupId" = f."groupId"
     WHERE g."orgId" = f."orgId" AND g.id = f."groupId";
