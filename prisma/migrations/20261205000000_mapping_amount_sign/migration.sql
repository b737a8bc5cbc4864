-- A saved column mapping with one amount column and no direction column now says what a positive
-- amount means (amountSign). Mappings saved before were confirmed by their owners reading positive
-- amounts as money in, so they keep that meaning explicitly.
UPDATE "ColumnMapping"
SET "mapping" = "mapping" || '{"amountSign": "positiveIsIn"}'::jsonb
WHERE "mapping" ? 'amount' AND NOT ("mapping" ? 'direction') AND NOT ("mapping" ? 'amountSign');
