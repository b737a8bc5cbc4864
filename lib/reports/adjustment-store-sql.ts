// Which store an adjustment of 差异汇总 counts for, in SQL, written once for the report's drill-down
// (live, one page of adjustments) and for AdjustmentRollup's rebuild (the whole company): the
// group's only store, else that of the order or bill line the adjustment is about; a group of
// several stores' rows or of wallet and bank rows alone has none (null).
//
// Over `a` (MatchAdjustment) and `g` (its MatchGroup): SINGLE_STORE_SQL and aboutSql give the columns
// single, "aboutSide" and "aboutRowId" — the about-row only for groups without a single store, so an
// aggregate over them collapses every single-store group's adjustments into one row per store —
// and storeOfSql turns those columns of a relation into the store.

/** SQL: the group's only store, else null. */
export const SINGLE_STORE_SQL = `CASE WHEN cardinality(g."storeIds") = 1 THEN g."storeIds"[1] END`;

/** SQL: the adjustment's "aboutSide" or "aboutRowId", only for a group without a single store. */
export function aboutSql(column: "aboutSide" | "aboutRowId"): string {
  return `CASE WHEN cardinality(g."storeIds") <> 1 THEN a."${column}" END`;
}

/**
 * SQL: the store an adjustment counts for, over the columns single, "aboutSide" and "aboutRowId" of
 * `x` ($1 the company): the order or line it is about is looked up only for groups of several
 * stores or none (most groups have one, and a join would read every order and line of the company).
 */
export function storeOfSql(x: string): string {
  return `COALESCE(${x}.single, CASE
      WHEN ${x}."aboutSide" = 'ORDER' THEN (SELECT o."storeId" FROM "Order" o WHERE o."orgId" = $1::uuid AND o.id = ${x}."aboutRowId")
      WHEN ${x}."aboutSide" = 'SETTLEMENT' THEN (SELECT l."storeId" FROM "SettlementLine" l WHERE l."orgId" = $1::uuid AND l.id = ${x}."aboutRowId") END)`;
}
