// The shapes everything in lib/import produces. Database-free on purpose: an import is
// file → rows + errors, and storing the rows is another module's job.

export type ImportKind = "orders" | "settlement" | "bank";
export type ImportLocale = "zh-CN" | "en";
export type LocalizedLabel = { "zh-CN": string; en: string };

/** A calendar date as written in the source, "YYYY-MM-DD". Never shifted by a time zone. */
export type LocalDate = string;
/** Wall-clock time as written in the source, "YYYY-MM-DDTHH:mm:ss", without an offset. */
export type LocalDateTime = string;

/** One movement on a bank account or a platform wallet (Alipay, WeChat Pay): "fund account" rows. */
export interface BankTransactionRow {
  /** Line of the uploaded file (text) or sheet row number (XLSX/XLS), 1-based. */
  sourceRow: number;
  occurredOn: LocalDate;
  occurredAt?: LocalDateTime;
  /** Signed minor units: + money in, − money out. */
  amountMinor: bigint;
  currency: string;
  balanceMinor?: bigint;
  /** The bank's or wallet's own transaction id (Alipay 交易订单号, WeChat 交易单号, 账务流水号). */
  reference?: string;
  /** A second id the source gives, e.g. Alipay 账务明细 业务流水号 (the 支付宝交易号 of the trade). */
  secondaryReference?: string;
  counterparty?: string;
  counterpartyAccount?: string;
  memo?: string;
  /** The merchant's order number as the wallet records it (商家订单号 / 商户单号 / 商户订单号). */
  merchantOrderNo?: string;
  /** Payment channel or card (收/付款方式, 支付方式, 交易渠道, 渠道). */
  channel?: string;
  /** The fee charged on this movement, as a positive number: a mapped fee column, Alipay's 服务费(元). */
  feeMinor?: bigint;
  naturalKey: string;
}

/** One order (or order line, for platforms that export one row per item) from a platform export. */
export interface OrderRow {
  sourceRow: number;
  orderNo: string;
  /** Douyin 子订单编号; JD exports one row per SKU and have no sub-order number. */
  subOrderNo?: string;
  storeName?: string;
  status?: string;
  /** After-sale (refund) status where the platform keeps it apart from the order status. */
  afterSaleStatus?: string;
  paidAmountMinor: bigint;
  /** Refunded so far; 0 when the export has no refund amount column. */
  refundMinor: bigint;
  /** What the platform says it pays the merchant (Tmall 打款商家金额, PDD 商家实收金额, JD 结算金额). */
  merchantReceivedMinor?: bigint;
  currency: string;
  /** "YYYY-MM-DDTHH:mm:ss", or "YYYY-MM-DD" when the export has no time of day. */
  createdAt?: string;
  paidAt?: string;
  confirmedAt?: string;
  naturalKey: string;
}

export type SettlementLineType =
  | "SALE"
  | "REFUND"
  | "COMMISSION"
  | "SERVICE_FEE"
  | "PROMOTION"
  | "ADJUSTMENT"
  | "WITHDRAWAL"
  | "OTHER";

/** One line of a platform bill: a sale, a fee, a refund, a payout to the bank… */
export interface SettlementLineRow {
  sourceRow: number;
  lineType: SettlementLineType;
  orderNo?: string;
  /** Settlement / payout / withdrawal id that groups lines into one bank receipt. */
  payoutId?: string;
  /** Signed, from the seller's side of the platform balance: sales +, fees and payouts −. */
  amountMinor: bigint;
  currency: string;
  occurredOn: LocalDate;
  occurredAt?: LocalDateTime;
  reference?: string;
  memo?: string;
  naturalKey: string;
}

export type RowOfKind<K extends ImportKind> = K extends "bank"
  ? BankTransactionRow
  : K extends "orders"
    ? OrderRow
    : SettlementLineRow;

export type NormalizedRow = BankTransactionRow | OrderRow | SettlementLineRow;

export type ImportErrorCode =
  // the file as a whole
  | "EMPTY_FILE"
  | "FILE_TOO_LARGE"
  | "BINARY_FILE"
  | "UNKNOWN_ENCODING"
  | "UNSUPPORTED_FILE_TYPE"
  | "ZIP_BOMB"
  | "CORRUPT_SPREADSHEET"
  | "READ_FAILED"
  | "UNKNOWN_FORMAT"
  | "UNKNOWN_FORMAT_ID"
  | "HEADER_NOT_FOUND"
  | "WRONG_KIND"
  | "MAPPING_COLUMN_MISSING"
  | "MAPPING_INCOMPLETE"
  | "MAPPING_KIND_UNSUPPORTED"
  | "NO_DATA_ROWS"
  | "TOO_MANY_ERRORS"
  | "STATEMENT_MALFORMED"
  | "SIGN_CONTRADICTS_BALANCE"
  | "STATEMENT_SEVERAL_ACCOUNTS"
  | "TOO_MANY_ROWS"
  | "TOO_MANY_COLUMNS"
  | "LINE_TOO_LONG"
  // text structure
  | "UNTERMINATED_QUOTE"
  | "INVALID_QUOTES"
  | "ROW_TOO_LONG"
  | "WRONG_COLUMN_COUNT"
  // values
  | "MISSING_VALUE"
  | "INVALID_AMOUNT"
  | "AMOUNT_TOO_MANY_DECIMALS"
  | "INVALID_DATE"
  | "INVALID_DIRECTION"
  | "NUMBER_LOST_DIGITS"
  | "UNKNOWN_CARD_DIRECTION"
  | "CARD_DIRECTION_CONFLICT"
  | "UNKNOWN_CURRENCY"
  | "BALANCE_IGNORED"
  | "NET_AMOUNT_MISMATCH"
  | "ROW_SKIPPED_NO_MONEY_MOVED";

/**
 * "error": the row (or the file, when row is null) was not imported.
 * "warning": imported, but someone should look (a balance that could not be read, a skipped row).
 */
export type ImportErrorSeverity = "error" | "warning";

export interface ImportError {
  /** sourceRow of the offending row; null for problems of the whole file. */
  row: number | null;
  /** The column's header text as it appears in the file (e.g. "金额(元)"); null when not about one cell. */
  column: string | null;
  code: ImportErrorCode;
  params: Record<string, string | number>;
  severity: ImportErrorSeverity;
}

/** One row of the uploaded table before any interpretation. */
export interface RawRow {
  sourceRow: number;
  cells: string[];
  /** Set by the CSV reader when the row's quoting is broken. */
  problem?: { code: "UNTERMINATED_QUOTE" | "INVALID_QUOTES" | "ROW_TOO_LONG"; cellIndex: number };
}

export type FileType = "text" | "xlsx" | "xls";
