// SQL that spells an alert ref (alert-refs.ts) as JSON in the detectors' queries, so a detector can
// aggregate its rows' refs in the database (largest first, capped) instead of fetching every row.
import { MAX_ALERT_REFS, parseAlertRefs, type AlertRef } from "../alert-refs";

/**
 * SQL: one ref of the row `row` (an "Order", "SettlementLine" or "BankTransaction" alias) whose
 * import batch is `batch` (an "ImportBatch" alias, LEFT JOINed on orgId and id), named by `ref`.
 */
export function refJsonSql(side: AlertRef["side"], row: string, batch: string, ref: string): string {
  return `jsonb_build_object('side', '${side}', 'rowId', ${row}.id::text, 'ref', ${ref}, 'file', COALESCE(${batch}."fileName", ''), 'sourceRow', ${row}."sourceRow")`;
}

/** SQL: the first MAX_ALERT_REFS of the refs `refJson`, ordered by `orderBy`, as a jsonb array. */
export function refsAggSql(refJson: string, orderBy: string): string {
  return `to_jsonb((array_agg(${refJson} ORDER BY ${orderBy}))[1:${MAX_ALERT_REFS}])`;
}

/** The refs a query returned (null: none), checked by the refs' schema. */
export function refsOf(json: unknown): AlertRef[] {
  return json == null ? [] : parseAlertRefs(json);
}
