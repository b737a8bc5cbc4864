// `npm run cli -- alerts --org <slug>`: the company's alerts, computed first when they are due (the
// ledger moved, a rule changed, the day turned; --as-of computes them for that day). With --json one
// object per line: { id, type, severity, status, amountMinor, refs: [{ side, ref, file, sourceRow }],
// message } (amounts in minor units, the message in --lang); without, a tab-separated table.
import { parseArgs } from "node:util";
import type { Db } from "../../lib/db/client";
import { getPgPool } from "../../lib/db/pg-pool";
import { jobTimingsFromEnv } from "../../lib/jobs/job-timings";
import { runJobInline } from "../../lib/jobs/run-job-inline";
import { exportTranslator } from "../../lib/export-sources/export-translator";
import { formatMinor } from "../../lib/money";
import { dueAlertComputations } from "../../lib/alerts/due-alert-computations";
import { alertSentence } from "../../lib/alerts/alert-words";
import { parseAlertRefs } from "../../lib/alerts/alert-refs";
import type { AlertFacts } from "../../lib/alerts/alert-finding";
import { OPEN_ALERT_STATUSES } from "../../lib/alerts/alert-types";
import { isCalendarDay } from "../../lib/match-review/filter-problems";
import type { CliHelpers } from "./cli-helpers";
import { cliMessage } from "./cli-messages";
import { freshReceivables } from "./fresh-receivables";

export const ALERTS_USAGE = "alerts --org <slug> [--status open|all] [--as-of YYYY-MM-DD] [--json]";

type Helpers = CliHelpers;

/** A JSON-safe amount: a number while exact, else its digits. */
function jsonMinor(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

export async function alertsCommand(db: Db, args: string[], { findOrg, fail, locale: lang }: Helpers): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: "string" },
      status: { type: "string", default: "open" },
      "as-of": { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (values.status !== "open" && values.status !== "all") fail("optionChoice", { option: "--status", choices: "open, all" });
  const asOf = values["as-of"];
  if (asOf !== undefined && !isCalendarDay(asOf)) fail("asOfInvalid");
  const actor = await findOrg(db, values.org);
  await freshReceivables(db, actor.orgId);
  const due = asOf !== undefined || (await dueAlertComputations(db, actor.orgId)).length > 0;
  if (due) await runJobInline({ db, pool: getPgPool() }, "alerts-compute", { orgId: actor.orgId, asOf }, jobTimingsFromEnv());

  const alerts = await db.alert.findMany({
    where: { orgId: actor.orgId, ...(values.status === "open" ? { status: { in: [...OPEN_ALERT_STATUSES] } } : {}) },
    orderBy: [{ severity: "asc" }, { day: "asc" }, { createdAt: "asc" }],
  });
  const t = exportTranslator(lang);
  for (const alert of alerts) {
    const message = alertSentence(t, { type: alert.type, facts: alert.facts as AlertFacts, currency: alert.currency }, lang);
    const refs = parseAlertRefs(alert.refs).map(({ side, ref, file, sourceRow }) => ({ side, ref, file, sourceRow }));
    if (values.json) {
      console.log(JSON.stringify({ id: alert.id, type: alert.type, severity: alert.severity, status: alert.status, amountMinor: jsonMinor(alert.amountMinor), refs, message }));
    } else {
      const rows = refs.slice(0, 3).map((ref) => `${ref.file}:${ref.sourceRow}`).join(", ");
      console.log([alert.severity, alert.type, alert.status, formatMinor(alert.amountMinor, alert.currency, lang), message, rows].join("\t"));
    }
  }
  if (!values.json) console.log(cliMessage(lang, "alertsCount", { count: alerts.length, open: values.status === "open" ? 1 : 0 }));
}
