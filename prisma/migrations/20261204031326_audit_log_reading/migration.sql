-- The audit page reads like an audit trail (issue 14): filter by person, by action kind and by what
-- an entry is about, over 100k+ entries per organization, newest first.

-- What an entry is about, in words: a store's or account's name (both names when it was renamed),
-- a file name, an e-mail, a month. Computed by PostgreSQL from the row itself, so no writer has to
-- remember it and entries written before this migration have it too. Adding a stored generated
-- column rewrites the table without firing the append-only trigger (it fires on UPDATE / DELETE).
ALTER TABLE "AuditLog" ADD COLUMN "target" TEXT GENERATED ALWAYS AS (
  NULLIF(btrim(regexp_replace(
    coalesce("after" ->> 'name', '') || ' ' ||
    coalesce(NULLIF("before" ->> 'name', "after" ->> 'name'), '') || ' ' ||
    coalesce("after" ->> 'fileName', "before" ->> 'fileName', '') || ' ' ||
    coalesce("after" ->> 'email', "before" ->> 'email', '') || ' ' ||
    CASE WHEN "entityType" = 'Period' THEN coalesce("entityId", '') ELSE '' END,
    '\s+', ' ', 'g')), '')
) STORED;

-- CreateIndex
CREATE INDEX "AuditLog_orgId_action_createdAt_idx" ON "AuditLog"("orgId", "action", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_orgId_actorUserId_createdAt_idx" ON "AuditLog"("orgId", "actorUserId", "createdAt" DESC);
