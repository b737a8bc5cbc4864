// Every sentence the CLI prints itself (refusals, summaries, usage), in Simplified Chinese (the
// default) and English, chosen by --lang. They name the CLI's flags (--org, --store, --account),
// never the fields behind them. Import errors come from lib/import/error-messages.ts and a library's
// AppError from messages/*.json (errors.*), in the same language.
export type CliLocale = "zh-CN" | "en";
type Params = Record<string, string | number>;
type Message = (p: Params) => string;

const q = (value: unknown) => `“${String(value)}”`;

const MESSAGES = {
  usageTitle: { "zh-CN": () => "用法：npm run cli -- <命令>", en: () => "Usage: npm run cli -- <command>" },
  usageExportFilters: {
    "zh-CN": () => "  export 的 --<筛选> <值> 与页面网址中的筛选条件相同（store=<id>、rule=ORDER_NO、month=2026-11 …）。",
    en: () => "  export's --<filter> <value> are the page's URL filters (store=<id>, rule=ORDER_NO, month=2026-11 …).",
  },
  usageLang: {
    "zh-CN": () => "每个命令都可加 --lang zh-CN|en：输出的所有文字（包括错误）所用的语言，默认 zh-CN。",
    en: () => "Every command takes --lang zh-CN|en: the language of everything it prints, errors included (zh-CN by default).",
  },
  langInvalid: { "zh-CN": () => "--lang 只能是 zh-CN 或 en。", en: () => "--lang is zh-CN or en." },
  unknownCommand: { "zh-CN": (p) => `不认识的命令 ${q(p.command)}。`, en: (p) => `Unknown command ${q(p.command)}.` },
  unknownOption: {
    "zh-CN": (p) => `不认识的选项 ${p.option}（npm run cli -- help 列出各命令的选项）。`,
    en: (p) => `Unknown option ${p.option} (npm run cli -- help lists each command's options).`,
  },
  optionNeedsValue: { "zh-CN": (p) => `选项 ${p.option} 需要一个值。`, en: (p) => `The option ${p.option} needs a value.` },
  optionTakesNoValue: { "zh-CN": (p) => `选项 ${p.option} 不带值。`, en: (p) => `The option ${p.option} takes no value.` },
  unexpectedArgument: { "zh-CN": (p) => `多余的参数 ${q(p.argument)}。`, en: (p) => `Unexpected argument ${q(p.argument)}.` },
  orgRequired: { "zh-CN": () => "请用 --org <公司标识> 指定公司。", en: () => "Name the company with --org <slug>." },
  orgNotFound: { "zh-CN": (p) => `找不到标识为 ${q(p.slug)} 的公司（--org）。`, en: (p) => `No company with the slug ${q(p.slug)} (--org).` },
  orgSlugInvalid: {
    "zh-CN": () => "org create <标识>：标识只能由小写字母、数字和连字符组成。",
    en: () => "org create <slug>: the slug is lower-case letters, digits and dashes.",
  },
  feeRateInvalid: {
    "zh-CN": () => "--fee-rate 是 0 到 1 之间、最多 4 位小数的比例，例如 0.05。",
    en: () => "--fee-rate is a fraction between 0 and 1 with at most 4 decimals, e.g. 0.05.",
  },
  storeInvalid: { "zh-CN": (p) => `店铺信息有误：${p.detail}`, en: (p) => `Invalid store: ${p.detail}` },
  accountInvalid: { "zh-CN": (p) => `账户信息有误：${p.detail}`, en: (p) => `Invalid account: ${p.detail}` },
  storeNotFound: { "zh-CN": (p) => `找不到名为 ${q(p.name)} 的店铺（--store）。`, en: (p) => `No store named ${q(p.name)} (--store).` },
  accountNotFound: { "zh-CN": (p) => `找不到名为 ${q(p.name)} 的资金账户（--account）。`, en: (p) => `No fund account named ${q(p.name)} (--account).` },
  fileRequired: { "zh-CN": () => "请用 --file <路径> 指定要导入的文件。", en: () => "Name the file to import with --file <path>." },
  fileMissing: { "zh-CN": (p) => `无法读取 ${p.file}：文件不存在。`, en: (p) => `Cannot read ${p.file}: no such file.` },
  fileTooLarge: {
    "zh-CN": (p) => `${p.file}: 文件超过大小上限 ${p.maxMb} MB。`,
    en: (p) => `${p.file}: The file is larger than the ${p.maxMb} MB limit.`,
  },
  kindInvalid: { "zh-CN": () => "--kind 只能是 orders、settlement 或 bank。", en: () => "--kind is orders, settlement or bank." },
  importSummary: {
    "zh-CN": (p) =>
      `${p.file}：${p.format}（${p.kind}），共 ${p.rows} 行，新增 ${p.inserted} 行，${p.duplicates} 行此前已导入，${p.invalid} 行有误 — ${p.status}`,
    en: (p) => `${p.file}: ${p.format} (${p.kind}), ${p.rows} rows, ${p.inserted} new, ${p.duplicates} already imported, ${p.invalid} invalid — ${p.status}`,
  },
  importUnreadable: { "zh-CN": () => "无法读取这个文件。", en: () => "The file cannot be read." },
  importInvalidRows: {
    "zh-CN": (p) => `${p.invalid} 行有误，未保存任何数据（加 --skip-invalid 可只保存正确的行）。`,
    en: (p) => `${p.invalid} invalid row${p.invalid === 1 ? "" : "s"}; nothing stored (use --skip-invalid to store the valid rows).`,
  },
  dateInvalid: { "zh-CN": (p) => `日期 ${q(p.date)} 无效，请写成 YYYY-MM-DD。`, en: (p) => `Invalid date ${q(p.date)}: use YYYY-MM-DD.` },
  reconcileSummary: {
    "zh-CN": (p) =>
      `对账 ${p.runId}：自动确认 ${p.confirmed} 条，待确认 ${p.proposed} 条；未匹配：订单 ${p.orders} 条、结算 ${p.settlement} 条、银行流水 ${p.bank} 条（${p.ms} 毫秒）`,
    en: (p) =>
      `run ${p.runId}: ${p.confirmed} confirmed automatically, ${p.proposed} proposed; unmatched: ${p.orders} orders, ${p.settlement} settlement lines, ${p.bank} bank lines (${p.ms} ms)`,
  },
  optionChoice: { "zh-CN": (p) => `${p.option} 只能是 ${p.choices}。`, en: (p) => `${p.option} is one of ${p.choices}.` },
  asOfInvalid: { "zh-CN": () => "--as-of 是一个日期，例如 2025-04-01。", en: () => "--as-of is a day like 2025-04-01." },
  alertsCount: {
    "zh-CN": (p) => `共 ${p.count} 条${p.open ? "未处理的" : ""}预警`,
    en: (p) => `${p.count} ${p.open ? "open " : ""}alert${p.count === 1 ? "" : "s"}`,
  },
  reportNameRequired: { "zh-CN": (p) => `请指定报表：${p.usage}`, en: (p) => `Name a report: ${p.usage}` },
  reportUnknown: {
    "zh-CN": (p) => `没有名为 ${q(p.name)} 的报表：请用 ${p.ids} 之一，或一个已共享的自定义报表的名称。`,
    en: (p) => `Unknown report ${q(p.name)}: use one of ${p.ids}, or a shared saved report's name.`,
  },
  exportWhatInvalid: { "zh-CN": (p) => `export <what>：只能是 ${p.choices} 之一。`, en: (p) => `export <what>: one of ${p.choices}.` },
  exportOptionShape: {
    "zh-CN": (p) => `export 的选项要写成 --<选项> <值>，而不是 ${q(p.argument)}。`,
    en: (p) => `export: expected --<option> <value>, not ${q(p.argument)}.`,
  },
  exportFormatRequired: { "zh-CN": () => "请用 --format xlsx|pdf 指定导出格式。", en: () => "--format xlsx|pdf is required." },
  exportOutRequired: { "zh-CN": () => "请用 --out <文件> 指定输出文件。", en: () => "--out <file> is required." },
  targetRequired: {
    "zh-CN": (p) => `${p.message}请用 ${p.flag} <名称> 指定。`,
    en: (p) => `${p.message} Name it with ${p.flag} <name>.`,
  },
} satisfies Record<string, Record<CliLocale, Message>>;

export type CliMessageKey = keyof typeof MESSAGES;

/** The words for an import's kind and outcome in its summary line (the codes stay in --json). */
const WORDS: Record<string, Record<CliLocale, string>> = {
  bank: { "zh-CN": "银行/钱包流水", en: "bank or wallet statement" },
  orders: { "zh-CN": "平台订单", en: "platform orders" },
  settlement: { "zh-CN": "平台结算账单", en: "platform settlement" },
  COMMITTED: { "zh-CN": "已导入", en: "imported" },
  REJECTED: { "zh-CN": "未导入", en: "not imported" },
  FAILED: { "zh-CN": "无法读取", en: "not read" },
};

export function cliWord(locale: CliLocale, code: string): string {
  return WORDS[code]?.[locale] ?? code;
}

export function cliMessage(locale: CliLocale, key: CliMessageKey, params: Params = {}): string {
  return (MESSAGES[key][locale] as Message)(params);
}
