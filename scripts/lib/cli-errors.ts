// How the CLI refuses: one sentence in --lang, and with --json the same refusal as one object
// { ok: false, error: { code, message, row, column } } on stdout. A refusal is the CLI's own (a
// CliError, by message key), a library's AppError (its errors.* message, the field it names turned
// into the flag that sets it), or a flag node:util's parseArgs rejected.
import { isAppError } from "../../lib/errors";
import { exportTranslator } from "../../lib/export-sources/export-translator";
import { cliMessage, type CliLocale, type CliMessageKey } from "./cli-messages";

export class CliError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "CliError";
  }
}

export type CliRefusal = { code: string; message: string; row: number | null; column: string | null };

/** The fields a library names in an AppError, and the flag of this CLI that chooses each. */
const FIELD_FLAGS: Record<string, string> = { storeId: "--store", fundAccountId: "--account", orgId: "--org", name: "--name" };

function parseArgsRefusal(error: { code: string; message: string }, locale: CliLocale): CliRefusal | null {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? "";
  const option = quoted.split(" ")[0] ?? quoted;
  const refuse = (key: CliMessageKey, params: Record<string, string>) => ({ code: key, message: cliMessage(locale, key, params), row: null, column: null });
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return refuse("unknownOption", { option });
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return refuse(/argument missing/.test(error.message) ? "optionNeedsValue" : "optionTakesNoValue", { option });
  }
  if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return refuse("unexpectedArgument", { argument: quoted });
  return null;
}

/** The refusal an error stands for, in the locale; anything else (a bug) is thrown on. */
export function cliRefusal(error: unknown, locale: CliLocale): CliRefusal {
  if (error instanceof CliError) return { code: error.key, message: cliMessage(locale, error.key, error.params), row: null, column: null };
  if (isAppError(error)) {
    const t = exportTranslator(locale);
    const key = `errors.${error.messageKey}`;
    const text = t.has(key) ? t(key, error.params) : error.messageKey;
    const flag = error.field ? FIELD_FLAGS[error.field] : undefined;
    let message = text;
    if (flag && (error.messageKey === "accountRequired" || error.messageKey === "storeRequired")) {
      message = cliMessage(locale, "targetRequired", { message: text, flag });
    } else if (flag) {
      message = locale === "en" ? `${text} (${flag})` : `${text}（${flag}）`;
    }
    return { code: error.messageKey, message, row: null, column: null };
  }
  const coded = error as { code?: unknown; message?: unknown } | null;
  if (coded && typeof coded.code === "string" && typeof coded.message === "string") {
    const refusal = parseArgsRefusal({ code: coded.code, message: coded.message }, locale);
    if (refusal) return refusal;
  }
  throw error;
}
