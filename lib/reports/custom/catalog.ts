// The custom reports' whitelist (自定义报表): the data a person may report on, and per source the
// dimensions to group by and the measures to compute, each a FIXED SQL fragment written here. A
// report spec only names ids of this file; run-custom-report.ts splices the fragments of those ids
// and binds every value a person chose as a parameter, so no text from a person ever becomes SQL.
//
// Headers are messages: reports.custom.sources.<source>, reports.custom.dimensions.<id>,
// reports.custom.measures.<id>. Coded values (platform, line type …) name their message namespace.
import { orderBusinessDaySql } from "@/lib/ledger/business-day";
import type { ReportColumnType } from "@/lib/reports/report-result";

export type CatalogDimension = {
  /** SQL of the group key, as text: what filters compare their value lists with. */
  key: string;
  /**
   * SQL the rows are grouped by when it is cheaper than the key (a uuid column, a truncated
   * timestamp: formatting once per group, not once per row); the key is then an expression of it.
   */
  group?: string;
  /** SQL of what the table shows for the key (a store's name for its id); absent: the key. */
  label?: string;
  type: Extract<ReportColumnType, "text" | "date">;
  /** The message namespace of coded values ("platforms" → platforms.TMALL). */
  codes?: string;
  /** The values a filter offers, when they are a fixed list (codes). */
  values?: readonly string[];
};

export type CatalogMeasure = {
  /** An aggregate over the source's rows; never NULL for money and integer columns. */
  sql: string;
  type: Extract<ReportColumnType, "money" | "integer" | "percent">;
};

export type CatalogSource = {
  /** FROM and its joins; every join is on "orgId" too. */
  from: string;
  /** The column that holds the company: the server adds `<org> = $1` to every query. */
  org: string;
  /** The day a row belongs to (date or timestamp): the date range and month / week / day read it. */
  date: string;
  dimensions: Record<string, CatalogDimension>;
  measures: Record<string, CatalogMeasure>;
};

/** Placeholder for the as-of day (a bound parameter) in fragments that age receivables. */
export const AS_OF = "{asOf}";

const PLATFORMS = ["TMALL", "TAOBAO", "JD", "PDD", "DOUYIN", "SHOPIFY", "AMAZON", "OTHER"] as const;
const LINE_TYPES = ["SALE", "REFUND", "COMMISSION", "SERVICE_FEE", "PROMOTION", "ADJUSTMENT", "WITHDRAWAL", "OTHER"] as const;
const ADJUSTMENT_TYPES = ["FEE", "COMMISSION", "SERVICE_FEE", "PROMOTION", "REFUND", "ROUNDING", "FX", "BAD_DEBT", "CARRIED_IN_BALANCE", "OTHER"] as const;
const MATCH_STATUSES = ["PROPOSED", "PENDING_APPROVAL", "CONFIRMED", "REJECTED", "REVERSED"] as const;
const MATCH_LINKS = ["ORDER_SETTLEMENT", "SETTLEMENT_PAYOUT", "PAYOUT_BANK", "ORDER_BANK"] as const;
const MATCH_KINDS = ["AUTO", "MANUAL"] as const;
const STAGES = ["OPEN", "SETTLED", "RECEIVED", "PARTIAL", "REFUNDED", "DIFFERENCE"] as const;
const ACCOUNT_TYPES = ["BANK", "ALIPAY", "WECHAT", "OTHER"] as const;
const DIRECTIONS = ["IN", "OUT"] as const;
/** Days past the expected date on the as-of day; NOT_DUE up to it, NONE when nothing ages. */
export const AGING_BUCKETS = ["NONE", "NOT_DUE", "OVER_1_30", "OVER_31_60", "OVER_61_90", "OVER_90"] as const;

const sum = (column: string) => `COALESCE(sum(${column}), 0)::bigint`;
const sumWhere = (column: string, condition: string) => `COALESCE(sum(${column}) FILTER (WHERE ${condition}), 0)::bigint`;
const average = (column: string) => `COALESCE(round(avg(${column})), 0)::bigint`;
/** A rate from sums (never an average of rates); NULL when its base is zero. */
const rate = (numerator: string, denominator: string) => `(${numerator})::float8 / NULLIF((${denominator})::float8, 0)`;
const COUNT: CatalogMeasure = { sql: "count(*)::bigint", type: "integer" };

/** Month ("YYYY-MM"), week (its Monday) and day of the source's date. */
function periodDimensions(date: string): Record<string, CatalogDimension> {
  // A date column is cast to timestamp (never timestamptz), so no session time zone shifts a day.
  const period = (unit: string, format: string, type: CatalogDimension["type"]): CatalogDimension => {
    const group = `date_trunc('${unit}', (${date})::timestamp)`;
    return { key: `to_char(${group}, '${format}')`, group, type };
  };
  return {
    year: period("year", "YYYY", "text"),
    month: period("month", "YYYY-MM", "text"),
    week: period("week", "YYYY-MM-DD", "date"),
    day: period("day", "YYYY-MM-DD", "date"),
  };
}

function storeDimensions(alias: string): Record<string, CatalogDimension> {
  return {
    store: { key: `${alias}."storeId"::text`, group: `${alias}."storeId"`, label: "s.name", type: "text" },
    platform: { key: "s.platform::text", type: "text", codes: "platforms", values: PLATFORMS },
  };
}

const storeJoin = (alias: string) => `JOIN "Store" s ON s."orgId" = ${alias}."orgId" AND s.id = ${alias}."storeId"`;

const ORDER_DAY = orderBusinessDaySql("o");
const LINE_FEES = `l."lineType" IN ('COMMISSION', 'SERVICE_FEE', 'PROMOTION')`;
const RECEIVABLE_FEES = `r."commissionMinor" + r."serviceFeeMinor" + r."promotionMinor" + r."otherFeesMinor"`;
const AGING_DAYS = `(${AS_OF}::date - r."expectedOn")`;
const OVERDUE = `r.aging AND r."expectedOn" < ${AS_OF}::date`;

export const CATALOG = {
  orders: {
    from: `"Order" o ${storeJoin("o")}`,
    org: `o."orgId"`,
    date: ORDER_DAY,
    dimensions: {
      ...storeDimensions("o"),
      ...periodDimensions(ORDER_DAY),
      orderStatus: { key: "o.status", type: "text" },
      afterSaleStatus: { key: `o."afterSaleStatus"`, type: "text" },
      currency: { key: "o.currency::text", type: "text" },
    },
    measures: {
      count: COUNT,
      paid: { sql: sum(`o."paidAmountMinor"`), type: "money" },
      refund: { sql: sum(`o."refundMinor"`), type: "money" },
      merchantReceived: { sql: sum(`o."merchantReceivedMinor"`), type: "money" },
      paidAverage: { sql: average(`o."paidAmountMinor"`), type: "money" },
      refundRate: { sql: rate(`sum(o."refundMinor")`, `sum(o."paidAmountMinor")`), type: "percent" },
    },
  },
  settlementLines: {
    from: `"SettlementLine" l ${storeJoin("l")}`,
    org: `l."orgId"`,
    date: `l."occurredOn"`,
    dimensions: {
      ...storeDimensions("l"),
      ...periodDimensions(`l."occurredOn"`),
      lineType: { key: `l."lineType"::text`, type: "text", codes: "reports.custom.codes.lineTypes", values: LINE_TYPES },
      currency: { key: "l.currency::text", type: "text" },
    },
    measures: {
      count: COUNT,
      amount: { sql: sum(`l."amountMinor"`), type: "money" },
      income: { sql: sumWhere(`l."amountMinor"`, `l."amountMinor" > 0`), type: "money" },
      expense: { sql: sumWhere(`l."amountMinor"`, `l."amountMinor" < 0`), type: "money" },
      amountAverage: { sql: average(`l."amountMinor"`), type: "money" },
      feeRate: { sql: rate(`abs(sum(l."amountMinor") FILTER (WHERE ${LINE_FEES}))`, `sum(l."amountMinor") FILTER (WHERE l."lineType" = 'SALE')`), type: "percent" },
    },
  },
  bankRows: {
    from: `"BankTransaction" b JOIN "FundAccount" a ON a."orgId" = b."orgId" AND a.id = b."fundAccountId"`,
    org: `b."orgId"`,
    date: `b."occurredOn"`,
    dimensions: {
      account: { key: `b."fundAccountId"::text`, group: `b."fundAccountId"`, label: "a.name", type: "text" },
      accountType: { key: "a.type::text", type: "text", codes: "accountTypes", values: ACCOUNT_TYPES },
      ...periodDimensions(`b."occurredOn"`),
      direction: { key: `CASE WHEN b."amountMinor" >= 0 THEN 'IN' ELSE 'OUT' END`, type: "text", codes: "reports.custom.codes.directions", values: DIRECTIONS },
      channel: { key: "b.channel", type: "text" },
      counterparty: { key: "b.counterparty", type: "text" },
      currency: { key: "b.currency::text", type: "text" },
    },
    measures: {
      count: COUNT,
      amount: { sql: sum(`b."amountMinor"`), type: "money" },
      inflow: { sql: sumWhere(`b."amountMinor"`, `b."amountMinor" > 0`), type: "money" },
      outflow: { sql: sumWhere(`b."amountMinor"`, `b."amountMinor" < 0`), type: "money" },
      bankFee: { sql: sum(`b."feeMinor"`), type: "money" },
      amountAverage: { sql: average(`b."amountMinor"`), type: "money" },
    },
  },
  matches: {
    from: `"MatchGroup" g`,
    org: `g."orgId"`,
    date: "g.day",
    dimensions: {
      ...periodDimensions("g.day"),
      matchStatus: { key: "g.status::text", type: "text", codes: "workspace.statuses", values: MATCH_STATUSES },
      link: { key: "g.link", type: "text", codes: "workspace.links", values: MATCH_LINKS },
      matchKind: { key: "g.kind::text", type: "text", codes: "reports.custom.codes.matchKinds", values: MATCH_KINDS },
      rule: { key: "g.rule", type: "text" },
    },
    measures: {
      count: COUNT,
      matchedAmount: { sql: sum(`g."amountMinor"`), type: "money" },
      difference: { sql: sum(`g."differenceMinor"`), type: "money" },
      rowCount: { sql: sum(`g."rowCount"`), type: "integer" },
      confidenceAverage: { sql: average("g.confidence"), type: "integer" },
    },
  },
  adjustments: {
    from: `"MatchAdjustment" j JOIN "MatchGroup" g ON g."orgId" = j."orgId" AND g.id = j."groupId"`,
    org: `j."orgId"`,
    date: "g.day",
    dimensions: {
      ...periodDimensions("g.day"),
      adjustmentType: { key: "j.type::text", type: "text", codes: "reports.custom.codes.adjustmentTypes", values: ADJUSTMENT_TYPES },
      matchStatus: { key: "g.status::text", type: "text", codes: "workspace.statuses", values: MATCH_STATUSES },
      link: { key: "g.link", type: "text", codes: "workspace.links", values: MATCH_LINKS },
      matchKind: { key: "g.kind::text", type: "text", codes: "reports.custom.codes.matchKinds", values: MATCH_KINDS },
    },
    measures: {
      count: COUNT,
      amount: { sql: sum(`j."amountMinor"`), type: "money" },
      amountAverage: { sql: average(`j."amountMinor"`), type: "money" },
      groupCount: { sql: `count(DISTINCT j."groupId")::bigint`, type: "integer" },
    },
  },
  receivables: {
    from: `"OrderReceivable" r ${storeJoin("r")}`,
    org: `r."orgId"`,
    date: "r.day",
    dimensions: {
      ...storeDimensions("r"),
      ...periodDimensions("r.day"),
      stage: { key: "r.stage::text", type: "text", codes: "reports.custom.codes.stages", values: STAGES },
      agingBucket: {
        key: `CASE WHEN NOT r.aging OR r."expectedOn" IS NULL THEN 'NONE' WHEN ${AGING_DAYS} <= 0 THEN 'NOT_DUE' WHEN ${AGING_DAYS} <= 30 THEN 'OVER_1_30'
          WHEN ${AGING_DAYS} <= 60 THEN 'OVER_31_60' WHEN ${AGING_DAYS} <= 90 THEN 'OVER_61_90' ELSE 'OVER_90' END`,
        type: "text",
        codes: "reports.custom.codes.aging",
        values: AGING_BUCKETS,
      },
      expectedMonth: { key: `to_char(r."expectedOn", 'YYYY-MM')`, type: "text" },
      currency: { key: "r.currency::text", type: "text" },
    },
    measures: {
      count: COUNT,
      paid: { sql: sum(`r."paidMinor"`), type: "money" },
      refund: { sql: sum(`r."refundMinor"`), type: "money" },
      commission: { sql: sum(`r."commissionMinor"`), type: "money" },
      serviceFee: { sql: sum(`r."serviceFeeMinor"`), type: "money" },
      promotion: { sql: sum(`r."promotionMinor"`), type: "money" },
      otherFees: { sql: sum(`r."otherFeesMinor"`), type: "money" },
      badDebt: { sql: sum(`r."badDebtMinor"`), type: "money" },
      settled: { sql: sum(`r."settledMinor"`), type: "money" },
      withdrawn: { sql: sum(`r."withdrawnMinor"`), type: "money" },
      received: { sql: sum(`r."receivedMinor"`), type: "money" },
      difference: { sql: sum(`r."differenceMinor"`), type: "money" },
      outstanding: { sql: sum(`r."outstandingMinor"`), type: "money" },
      overdue: { sql: sumWhere(`r."outstandingMinor"`, OVERDUE), type: "money" },
      overdueCount: { sql: `count(*) FILTER (WHERE ${OVERDUE} AND r."outstandingMinor" > 0)::bigint`, type: "integer" },
      paidAverage: { sql: average(`r."paidMinor"`), type: "money" },
      collectionRate: { sql: rate(`sum(r."receivedMinor")`, `sum(r."paidMinor" - r."refundMinor")`), type: "percent" },
      feeRate: { sql: rate(`abs(sum(${RECEIVABLE_FEES}))`, `sum(r."paidMinor")`), type: "percent" },
    },
  },
} as const satisfies Record<string, CatalogSource>;

export type ReportSource = keyof typeof CATALOG;
export const REPORT_SOURCES = Object.keys(CATALOG) as ReportSource[];

export function catalogSource(source: ReportSource): CatalogSource {
  return CATALOG[source];
}

/** Whether `source` is one of the catalog's (an own key, never a prototype's). */
export function isReportSource(source: string): source is ReportSource {
  return Object.prototype.hasOwnProperty.call(CATALOG, source);
}

export function hasDimension(source: ReportSource, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(CATALOG[source].dimensions, id);
}

export function hasMeasure(source: ReportSource, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(CATALOG[source].measures, id);
}

export const dimensionLabel = (id: string) => `reports.custom.dimensions.${id}`;
export const measureLabel = (id: string) => `reports.custom.measures.${id}`;
export const sourceLabel = (source: ReportSource) => `reports.custom.sources.${source}`;

/** What the builder offers per source, without the SQL: ids, column types and fixed value lists. */
export type BuilderCatalog = Record<
  ReportSource,
  {
    dimensions: { id: string; type: CatalogDimension["type"]; codes?: string; values?: readonly string[]; options?: "stores" | "accounts" }[];
    measures: { id: string; type: CatalogMeasure["type"] }[];
  }
>;

export function builderCatalog(): BuilderCatalog {
  const out = {} as BuilderCatalog;
  for (const source of REPORT_SOURCES) {
    const { dimensions, measures } = CATALOG[source] as CatalogSource;
    out[source] = {
      dimensions: Object.entries(dimensions).map(([id, dimension]) => ({
        id,
        type: dimension.type,
        ...(dimension.codes ? { codes: dimension.codes } : {}),
        ...(dimension.values ? { values: dimension.values } : {}),
        // Stores and accounts are filtered by id, chosen from the company's own list.
        ...(id === "store" ? { options: "stores" as const } : id === "account" ? { options: "accounts" as const } : {}),
      })),
      measures: Object.entries(measures).map(([id, measure]) => ({ id, type: measure.type })),
    };
  }
  return out;
}
