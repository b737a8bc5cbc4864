// What a finance user reads for each import error, in Simplified Chinese and English, naming the row
// and the column as the file spells it: 第 12 行「金额」列：无法识别的金额 “abc”.
// The Record type makes a new error code without a message a compile error.
import { findFormat } from "./formats/registry";
import { ACCOUNT_LIST_SEPARATOR } from "./statements/statement-accounts";
import type { ImportError, ImportErrorCode, ImportKind, ImportLocale } from "./types";

type Params = ImportError["params"];
type Message = (p: Params, locale: ImportLocale) => string;

const KIND_LABEL: Record<ImportKind, Record<ImportLocale, string>> = {
  bank: { "zh-CN": "银行/钱包流水", en: "bank or wallet statement" },
  orders: { "zh-CN": "平台订单", en: "platform orders" },
  settlement: { "zh-CN": "平台结算账单", en: "platform settlement" },
};

const formatName = (id: unknown, locale: ImportLocale) => findFormat(String(id))?.label[locale] ?? String(id);
const kindName = (kind: unknown, locale: ImportLocale) => KIND_LABEL[kind as ImportKind]?.[locale] ?? String(kind);
const count = (value: unknown) => Number(value).toLocaleString("en-US");
const isCamt = (format: unknown) => String(format).startsWith("camt.");
const severalFormat = (p: Params, locale: ImportLocale) => (p.formatId !== undefined ? `「${formatName(p.formatId, locale)}」` : String(p.format));
const accountList = (accounts: unknown, separator: string) => String(accounts ?? "").split(ACCOUNT_LIST_SEPARATOR).join(separator);
const mib = (bytes: unknown) => `${Math.round(Number(bytes) / 1024 / 1024)} MiB`;

const MESSAGES: Record<ImportErrorCode, { "zh-CN": Message; en: Message }> = {
  EMPTY_FILE: { "zh-CN": () => "文件是空的。", en: () => "The file is empty." },
  FILE_TOO_LARGE: {
    "zh-CN": (p) => `文件太大（上限 ${mib(p.maxBytes)}），请按时间段分开导出。`,
    en: (p) => `The file is too large (limit ${mib(p.maxBytes)}). Export a shorter period.`,
  },
  BINARY_FILE: {
    "zh-CN": (p) => `这不是文本表格文件${p.detected ? `（看起来是 ${p.detected}）` : ""}，可能是改了扩展名的其他文件。`,
    en: (p) => `This is not a text table${p.detected ? ` (it looks like ${p.detected})` : ""}; it may be another file renamed.`,
  },
  UNKNOWN_ENCODING: {
    "zh-CN": () => "无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）。请用 Excel 另存为 CSV UTF-8 后重试。",
    en: () => "The file's text encoding is not UTF-8 or GBK/GB18030. Save it as “CSV UTF-8” in Excel and try again.",
  },
  UNSUPPORTED_FILE_TYPE: {
    "zh-CN": (p) =>
      isCamt(p.format)
        ? `暂不支持 ISO 20022 ${p.format} 报文。可导入的 camt 报文为 camt.052（账户报告）、camt.053（对账单）和 camt.054（借贷记通知），请从网银导出其中一种，或导出 MT940、OFX、Excel 或 CSV 文件。`
        : `暂不支持 ${p.format} 格式，请从网银或平台导出 Excel 或 CSV 文件。`,
    en: (p) =>
      isCamt(p.format)
        ? `ISO 20022 ${p.format} messages are not supported. The camt messages imported are camt.052 (account report), camt.053 (statement) and camt.054 (debit/credit notification): export one of these from online banking, or an MT940, OFX, Excel or CSV file.`
        : `${p.format} files are not supported yet. Export an Excel or CSV file instead.`,
  },
  ZIP_BOMB: {
    "zh-CN": () => "Excel 文件解压后异常巨大（疑似压缩炸弹），已拒绝处理。",
    en: () => "The Excel file expands to an abnormal size (a possible zip bomb) and was refused.",
  },
  CORRUPT_SPREADSHEET: {
    "zh-CN": () => "Excel 文件已损坏或无法读取，请重新导出。",
    en: () => "The Excel file is damaged or unreadable. Please export it again.",
  },
  READ_FAILED: {
    "zh-CN": () => "读取文件时中断（上传不完整或连接断开），请重新上传。",
    en: () => "Reading the file was interrupted (incomplete upload or lost connection). Please upload it again.",
  },
  UNKNOWN_FORMAT: {
    "zh-CN": (p) => `不是已知的文件格式：前 ${p.scannedRows ?? 60} 行中没有可识别的表头。请手动指定各列的含义（列映射）后导入。`,
    en: (p) => `No known layout: none of the first ${p.scannedRows ?? 60} rows is a header of a known format. Map the columns to import it.`,
  },
  UNKNOWN_FORMAT_ID: {
    "zh-CN": (p) => `未知的文件格式“${p.format}”。`,
    en: (p) => `Unknown file format “${p.format}”.`,
  },
  HEADER_NOT_FOUND: {
    "zh-CN": (p, l) => `文件中没有找到「${formatName(p.format, l)}」的表头，请确认选择的格式。`,
    en: (p, l) => `The header of “${formatName(p.format, l)}” was not found. Check the selected format.`,
  },
  WRONG_KIND: {
    "zh-CN": (p, l) => `这是「${formatName(p.format, l)}」（${kindName(p.kind, l)}），不能作为${kindName(p.expectedKind, l)}导入。`,
    en: (p, l) => `This is “${formatName(p.format, l)}” (${kindName(p.kind, l)}); it cannot be imported as ${kindName(p.expectedKind, l)}.`,
  },
  MAPPING_COLUMN_MISSING: {
    "zh-CN": () => "列映射中指定的这一列在文件表头中不存在。",
    en: () => "The column named in the mapping is not in the file's header.",
  },
  MAPPING_INCOMPLETE: {
    "zh-CN": () => "列映射不完整：至少需要日期列，以及金额列或收入、支出两列。",
    en: () => "The column mapping is incomplete: it needs a date column, and an amount column or both inflow and outflow columns.",
  },
  MAPPING_KIND_UNSUPPORTED: {
    "zh-CN": (p, l) => `列映射只能导入银行/钱包流水或平台结算账单，不能导入${kindName(p.kind, l)}。`,
    en: (p, l) => `A column mapping imports bank/wallet statements or platform settlements, not ${kindName(p.kind, l)}.`,
  },
  NO_DATA_ROWS: {
    "zh-CN": () => "表头下面没有任何数据行。",
    en: () => "There are no data rows below the header.",
  },
  NUMBER_LOST_DIGITS: {
    "zh-CN": (p) =>
      `这是用科学计数法保存的数字 “${p.value}”：Excel 只保留 15 位有效数字，长编号的后几位已丢失，无法还原。请在导出或另存时把这一列设为文本，再重新导入。`,
    en: (p) =>
      `“${p.value}” is a number in scientific notation: Excel keeps only 15 significant digits, so a long id has lost its last digits and cannot be restored. Export again with this column kept as text.`,
  },
  SIGN_CONTRADICTS_BALANCE: {
    "zh-CN": () =>
      "这一行的余额变动与金额方向相反：金额的收/支方向读反了（例如信用卡账单把消费记为正数）。为避免记错，整个文件未导入；请选择正确的格式，或用手动指定列说明金额为正表示收入还是支出。",
    en: () =>
      "This row's balance moves the other way from its amount: the direction of the money was read backwards (a card statement, for one, prints spending as a positive number). Nothing of the file was imported; choose the right layout, or map the columns and say whether a positive amount is money in or money out.",
  },
  STATEMENT_MALFORMED: {
    "zh-CN": (p) => {
      const tag = String(p.tag ?? "");
      if (p.problem === "TRUNCATED") return `${p.format} 文件不完整：从这里开始的 <${tag}> 没有结束（文件可能被截断），请重新导出。`;
      if (p.problem === "MISMATCHED_TAG") return `${p.format} 文件结构错误：</${tag}> 与前面的标签不匹配。`;
      if (p.problem === "NO_TRANSACTIONS") return `${p.format} 文件中没有任何交易记录（${tag}）。`;
      return `这不是可读取的 ${p.format} 对账单（缺少 ${tag}）。`;
    },
    en: (p) => {
      const tag = String(p.tag ?? "");
      if (p.problem === "TRUNCATED") return `The ${p.format} file is incomplete: <${tag}> opened here is never closed (the file may be cut off). Export it again.`;
      if (p.problem === "MISMATCHED_TAG") return `The ${p.format} file is malformed: </${tag}> does not close the element opened before it.`;
      if (p.problem === "NO_TRANSACTIONS") return `The ${p.format} file holds no transactions (${tag}).`;
      return `This is not a readable ${p.format} statement (${tag} is missing).`;
    },
  },
  STATEMENT_SEVERAL_ACCOUNTS: {
    // A statement file names its standard (format); a table with an own-account column, its layout (formatId).
    "zh-CN": (p, l) =>
      p.chosen !== undefined
        ? `这个 ${severalFormat(p, l)} 文件中没有账户 ${p.chosen}，文件中的账户为：${accountList(p.accounts, "、")}。未导入任何数据。`
        : `这个 ${severalFormat(p, l)} 文件包含 ${p.count} 个账户的流水（${accountList(p.accounts, "、")}），一次导入只能进入一个资金账户，未导入任何数据。请选择只导入其中一个账户的流水（每个账户导入一次），或从网银按账户分别导出。`,
    en: (p, l) =>
      p.chosen !== undefined
        ? `This ${severalFormat(p, l)} file holds no account ${p.chosen}; its accounts are ${accountList(p.accounts, ", ")}. Nothing was imported.`
        : `This ${severalFormat(p, l)} file holds the transactions of ${p.count} accounts (${accountList(p.accounts, ", ")}); one import goes into one fund account, so nothing was imported. Choose to import only one account's transactions (once per account), or export each account separately from online banking.`,
  },
  TOO_MANY_ROWS: {
    "zh-CN": (p) => `文件「${p.fileName}」超过了每个文件最多 ${count(p.limit)} 行数据的上限，未导入任何数据。请按时间段分开导出后再导入。`,
    en: (p) => `The file “${p.fileName}” has more than ${count(p.limit)} data rows, the limit per file; nothing was imported. Export shorter periods and import them one by one.`,
  },
  TOO_MANY_COLUMNS: {
    "zh-CN": (p) => `文件「${p.fileName}」超过了每行最多 ${count(p.limit)} 列的上限，未导入任何数据。请确认这是平台或银行导出的原始文件。`,
    en: (p) => `The file “${p.fileName}” has a row of more than ${count(p.limit)} columns, the limit; nothing was imported. Check that this is the file as the platform or bank exported it.`,
  },
  LINE_TOO_LONG: {
    "zh-CN": (p) => `文件「${p.fileName}」从这一行开始的一条记录超过 ${count(p.limit)} 个字符的上限（也可能是引号没有闭合），未导入任何数据。请确认这是平台或银行导出的原始文件。`,
    en: (p) => `The file “${p.fileName}” has a record starting here longer than ${count(p.limit)} characters, the limit (or a quote that is never closed); nothing was imported. Check that this is the file as the platform or bank exported it.`,
  },
  TOO_MANY_ERRORS: {
    "zh-CN": (p) => `错误太多，另有 ${p.count} 条未列出。`,
    en: (p) => `Too many errors; ${p.count} more are not listed.`,
  },
  UNTERMINATED_QUOTE: {
    "zh-CN": () => "引号没有闭合，从这里到文件末尾都无法读取。",
    en: () => "A quote is never closed; the file cannot be read from here to the end.",
  },
  INVALID_QUOTES: {
    "zh-CN": () => "引号使用不规范，这一行无法可靠读取。",
    en: () => "Malformed quotes; this row cannot be read reliably.",
  },
  ROW_TOO_LONG: {
    "zh-CN": () => "这一行长得异常（可能是引号错误），已停止读取。",
    en: () => "This row is abnormally long (probably broken quoting); reading stopped here.",
  },
  WRONG_COLUMN_COUNT: {
    "zh-CN": (p) => `列数不对：应为 ${p.expected} 列，实际 ${p.actual} 列。`,
    en: (p) => `Wrong number of columns: expected ${p.expected}, found ${p.actual}.`,
  },
  MISSING_VALUE: { "zh-CN": () => "缺少必填的值。", en: () => "A required value is missing." },
  INVALID_AMOUNT: {
    "zh-CN": (p) => `无法识别的金额 “${p.value}”`,
    en: (p) => `Unrecognised amount “${p.value}”`,
  },
  AMOUNT_TOO_MANY_DECIMALS: {
    "zh-CN": (p) => `金额 “${p.value}” 的小数位超过 ${p.decimals} 位`,
    en: (p) => `Amount “${p.value}” has more than ${p.decimals} decimal places`,
  },
  INVALID_DATE: {
    "zh-CN": (p) => `无法识别的日期 “${p.value}”`,
    en: (p) => `Unrecognised date “${p.value}”`,
  },
  INVALID_DIRECTION: {
    "zh-CN": (p) => `无法识别的收支方向 “${p.value}”`,
    en: (p) => `Unrecognised direction “${p.value}” (expected income/expense or debit/credit)`,
  },
  UNKNOWN_CARD_DIRECTION: {
    "zh-CN": (p) => `无法从交易类型 “${p.value}” 判断这笔信用卡交易是消费还是还款/退款，该行未导入`,
    en: (p) => `Cannot tell from the transaction type “${p.value}” whether this card row is spending or a repayment/refund; the row was not imported`,
  },
  CARD_DIRECTION_CONFLICT: {
    "zh-CN": (p) => `交易类型 “${p.value}” 与金额 ${p.amount} 的正负号不一致，无法确定收支方向，该行未导入`,
    en: (p) => `The transaction type “${p.value}” contradicts the sign of the amount ${p.amount}; the direction is uncertain and the row was not imported`,
  },
  UNKNOWN_CURRENCY: {
    "zh-CN": (p) => `无法识别的币种 “${p.value}”`,
    en: (p) => `Unrecognised currency “${p.value}”`,
  },
  BALANCE_IGNORED: {
    "zh-CN": (p) => `无法识别的余额 “${p.value}”，已忽略该值（该行已导入）`,
    en: (p) => `Unrecognised balance “${p.value}” was ignored (the row was imported)`,
  },
  NET_AMOUNT_MISMATCH: {
    "zh-CN": (p) => `净额 ${p.net} 不等于金额 ${p.amount} 减手续费 ${p.fee}（该行已按金额和手续费导入）`,
    en: (p) => `Net ${p.net} is not amount ${p.amount} minus fee ${p.fee} (imported from amount and fee)`,
  },
  ROW_SKIPPED_NO_MONEY_MOVED: {
    "zh-CN": (p) => `交易状态为“${p.status}”，没有资金变动，已跳过`,
    en: (p) => `Status “${p.status}” moved no money; the row was skipped`,
  },
};

function location(error: ImportError, locale: ImportLocale): string {
  const { row, column } = error;
  if (locale === "zh-CN") {
    if (row !== null && column) return `第 ${row} 行「${column}」列：`;
    if (row !== null) return `第 ${row} 行：`;
    if (column) return `「${column}」列：`;
    return "";
  }
  if (row !== null && column) return `Row ${row}, column “${column}”: `;
  if (row !== null) return `Row ${row}: `;
  if (column) return `Column “${column}”: `;
  return "";
}

export function formatImportError(error: ImportError, locale: ImportLocale): string {
  const message = MESSAGES[error.code]?.[locale] ?? (() => error.code);
  return `${location(error, locale)}${message(error.params, locale)}`;
}

export const IMPORT_ERROR_CODES = Object.keys(MESSAGES) as ImportErrorCode[];
