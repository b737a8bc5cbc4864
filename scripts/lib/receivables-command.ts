// `npm run cli -- receivables`: each order's collection status on a day, one JSON object per line
// (or the aging and per-store summary as one object with --summary). Brings the receivables up to
// the ledger first, through the same job the worker runs, so the answer is never stale.
import { parseArgs } from "node:util";
import type { Db } from "../../lib/db/client";
import { cursorRows } from "../../lib/export-sources/cursor-rows";
import { filteredReceivablesSql, readReceivableRow, RECEIVABLE_COLUMNS, RECEIVABLE_OWNER_JOIN, type ReceivableFilter } from "../../lib/receivables/list-receivables";
import { isCalendarDay } from "../../lib/match-review/filter-problems";
import { loadReceivableQuery } from "../../lib/receivables/receivable-query";
import { RECEIVABLE_STATUSES, type ReceivableStatus } from "../../lib/receivables/receivable-status";
import { receivablesSummary } from "../../lib/receivables/receivables-summary";
import type { CliHelpers } from "./cli-helpers";
import { freshReceivables } from "./fresh-receivables";

export const RECEIVABLES_USAGE = `receivables --org <slug> [--as-of YYYY-MM-DD] [--store <name>] [--status ${RECEIVABLE_STATUSES.join("|")}] [--json] [--summary]`;

type Helpers = CliHelpers;

const amount = (minor: bigint) => (minor <= BigInt(Number.MAX_SAFE_INTEGER) && minor >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(minor) : minor.toString());

export async function receivablesCommand(db: Db, args: string[], { findOrg, fail }: Helpers): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { org: { type: "string" }, "as-of": { type: "string" }, store: { type: "string" }, status: { type: "string" }, json: { type: "boolean" }, summary: { type: "boolean" } },
  });
  const actor = await findOrg(db, values.org);
  if (values["as-of"] && !isCalendarDay(values["as-of"])) fail("asOfInvalid");
  const status = values.status?.toUpperCase();
  if (status && !(RECEIVABLE_STATUSES as readonly string[]).includes(status)) fail("optionChoice", { option: "--status", choices: RECEIVABLE_STATUSES.join(", ") });
  let storeId: string | undefined;
  if (values.store) {
    const store = await db.store.findFirst({ where: { orgId: actor.orgId, name: values.store } });
    storeId = store?.id ?? fail("storeNotFound", { name: values.store });
  }
  await freshReceivables(db, actor.orgId);

  const query = await loadReceivableQuery(db, actor.orgId, values["as-of"]);
  const filter: Omit<ReceivableFilter, "page"> = { store: storeId, status: status as ReceivableStatus | undefined };
  if (values.summary) {
    const summary = await receivablesSummary(db, query, filter);
    const aging = query.buckets.map((bucket) => {
      const cells = summary.aging.filter((cell) => cell.bucket === bucket.key);
      return { bucket: bucket.key, orders: cells.reduce((sum, cell) => sum + cell.orders, 0), amountMinor: amount(cells.reduce((sum, cell) => sum + cell.amountMinor, 0n)) };
    });
    console.log(
      JSON.stringify({
        asOf: query.asOf,
        aging,
        stores: summary.stores.map((store) => ({
          store: store.storeName,
          platform: store.platform,
          orders: store.orders,
          expectedMinor: amount(store.expectedMinor),
          receivedMinor: amount(store.receivedMinor),
          outstandingMinor: amount(store.outstandingMinor),
          overdueMinor: amount(store.overdueMinor),
          overdueOrders: store.overdueOrders,
          dsoDays: store.dsoDays,
        })),
        statuses: Object.fromEntries(summary.statuses.map((entry) => [entry.status, { orders: entry.orders, outstandingMinor: amount(entry.outstandingMinor) }])),
      }),
    );
    return;
  }
  const { sql, params, order } = filteredReceivablesSql(query, filter);
  // One snapshot for the whole listing, streamed through a cursor: a million orders hold one batch in memory.
  await db.$transaction(
    async (tx) => {
      for await (const batch of cursorRows<Parameters<typeof readReceivableRow>[0]>(tx, `SELECT ${RECEIVABLE_COLUMNS} FROM (${sql}) x ${RECEIVABLE_OWNER_JOIN} ORDER BY ${order}`, params)) {
        const lines = batch.map((raw) => {
          const row = readReceivableRow(raw);
          const line = {
            store: row.storeName,
            platform: row.platform,
            orderNo: row.orderNo,
            status: row.status,
            paidMinor: amount(row.paidMinor),
            refundMinor: amount(row.refundMinor),
            feesMinor: amount(row.feesMinor),
            settledMinor: amount(row.settledMinor),
            receivedMinor: amount(row.receivedMinor),
            outstandingMinor: amount(row.outstandingMinor),
            expectedOn: row.expectedOn,
            daysOverdue: row.days !== null && row.days > 0 ? row.days : 0,
            bucket: row.bucket,
          };
          return values.json ? JSON.stringify(line) : [line.store, line.orderNo, line.status, line.outstandingMinor, line.expectedOn ?? "", line.daysOverdue, line.bucket ?? ""].join("\t");
        });
        if (!process.stdout.write(`${lines.join("\n")}\n`)) await new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()));
      }
    },
    { timeout: 3_600_000, isolationLevel: "RepeatableRead" },
  );
}
