// Every message in the reader's language, outside a Next request (a job worker, the CLI): the
// column headers, rule names and statuses of an export read exactly as the page shows them.
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { ExportLocale } from "@/lib/export";

const MESSAGES = { "zh-CN": zhCN, en } as const;

export function exportTranslator(locale: ExportLocale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as typeof zhCN });
  // Keys are built at run time (`workspace.rules.${rule}`); has() lets a caller fall back.
  return Object.assign((key: string, values?: Record<string, string | number>) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values), {
    has: (key: string) => (t as unknown as { has: (k: string) => boolean }).has(key),
  });
}

export type Translator = ReturnType<typeof exportTranslator>;
