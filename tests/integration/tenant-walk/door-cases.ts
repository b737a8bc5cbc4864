// The walk's table for the other doors: route handlers (every app/**/route.ts) and pages with an id
// in their URL (every app/**/[segment]/page.tsx), keyed by file, found by scanning app/.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { encodeReportSpec } from "@/lib/reports/custom/report-spec";
import { db } from "../fixtures";
import { translate } from "./answers";
import type { Walk } from "./action-cases";
import { companyMarkers } from "./company-markers";
import { renderServerTree } from "./render-server-tree";
import { STANDARD_REPORT_IDS } from "@/lib/reports/standard-reports";

function filesNamed(folder: string, name: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** Route handlers, pages with an id in their path, and pages that read query parameters. */
export function discoverDoors(root: string): { routes: string[]; idPages: string[]; queryPages: string[] } {
  const relative = (file: string) => path.relative(root, file);
  const app = path.join(root, "app");
  const pages = filesNamed(app, "page.tsx");
  return {
    routes: filesNamed(app, "route.ts").map(relative).sort(),
    idPages: pages.map(relative).filter((file) => /\/\[[^\]]+\]\//.test(file)).sort(),
    queryPages: pages.filter((file) => fs.readFileSync(file, "utf8").includes("searchParams")).map(relative).sort(),
  };
}

export type DoorCase = { walk: (walk: Walk, module: Record<string, unknown>) => Promise<void>; withoutForeignIds?: string };

/** Next's notFound() throws an error with this digest; the page answers 404. */
const NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";

type Page = (props: { params: Promise<Record<string, string>> }) => Promise<unknown>;

function pageOf(module: Record<string, unknown>): Page {
  return module.default as Page;
}

async function expectPage404(module: Record<string, unknown>, params: Record<string, string>) {
  await expect(pageOf(module)({ params: Promise.resolve(params) })).rejects.toMatchObject({ digest: NOT_FOUND_DIGEST });
}

type QueryPage = (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> }) => Promise<unknown>;

/**
 * The page with A's ids in its query, as B, shows nothing of A. The control first: the same page
 * as A's owner (no query) does show some of A's ids, so their absence for B means something.
 */
async function expectQueryPageHidesA({ a, b, request }: Walk, module: Record<string, unknown>, query: Record<string, string>, routeParams: Record<string, string> = {}) {
  const page = module.default as QueryPage;
  // The query's own values come back in links and filter forms; they are not a leak.
  const echoed = Object.values(query);
  const markers = (await companyMarkers(a.owner.orgId)).filter((marker) => !echoed.includes(marker));
  request.userId = a.owner.userId;
  try {
    const asA = await renderServerTree(page({ params: Promise.resolve(routeParams), searchParams: Promise.resolve({}) }));
    expect(markers.some((marker) => asA.includes(marker)), "control: the page shows A's own data to A").toBe(true);
  } finally {
    request.userId = b.owner.userId;
  }
  const asB = await renderServerTree(page({ params: Promise.resolve(routeParams), searchParams: Promise.resolve(query) }));
  expect(markers.filter((marker) => asB.includes(marker)), `A's ids on the page for B with ${JSON.stringify(query)}`).toEqual([]);
}

type RouteHandler = (request: Request) => Promise<Response>;

async function postImport(module: Record<string, unknown>, query: string): Promise<Response> {
  const body = new TextEncoder().encode("记账日,金额,摘要\n2025-03-01,100.00,货款\n");
  const request = new Request(`http://localhost/api/imports?fileName=walk.csv&${query}`, { method: "POST", body, headers: { "content-length": String(body.length), host: "localhost", origin: "http://localhost" } });
  // An error the handler throws is what Next answers with a 500; record it as that answer.
  return (module.POST as RouteHandler)(request).catch((error: unknown) => Response.json({ thrown: String(error) }, { status: 500 }));
}

/** A's export, asked for by B's owner: "not found", and not a byte of the file. */
async function expectExportRoute404(module: Record<string, unknown>, exportId: string) {
  const handler = module.GET as (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
  const response = await handler(new Request(`http://localhost/api/exports/${exportId}`), { params: Promise.resolve({ id: exportId }) });
  const body = await response.text();
  expect({ status: response.status }).toEqual({ status: 404 });
  expect(body).not.toContain("PK"); // no zip (xlsx) bytes
}

export const DOOR_CASES: Record<string, DoorCase> = {
  "app/api/imports/route.ts": {
    walk: async ({ a, b }, module) => {
      for (const query of [`storeId=${a.storeId}`, `fundAccountId=${a.fundAccountId}`]) {
        const batchesBefore = await db.importBatch.count({ where: { orgId: b.owner.orgId } });
        const response = await postImport(module, query);
        const body = (await response.json()) as Record<string, unknown>;
        expect({ query, status: response.status, body }).toMatchObject({ query, status: 404 });
        expect(Object.values(body).filter((value) => typeof value === "string" && value.length > 0), `a message in ${JSON.stringify(body)}`).not.toEqual([]);
        expect(await db.importBatch.count({ where: { orgId: b.owner.orgId } }), "nothing staged for B").toBe(batchesBefore);
      }
    },
  },
  "app/api/exports/[id]/route.ts": { walk: ({ a }, module) => expectExportRoute404(module, a.exportId) },
  "app/api/exports/[id]/file/route.ts": { walk: ({ a }, module) => expectExportRoute404(module, a.exportId) },
  "app/(app)/receivables/report/page.tsx": {
    withoutForeignIds: "a month and an as-of day; B's report of A's month must show none of A's stores",
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { month: "2025-03" }),
  },
  "app/(app)/analysis/page.tsx": {
    withoutForeignIds: "the dashboard's filters only; A's store and account as filters must show B none of A's data",
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { store: walk.a.storeId, account: walk.a.fundAccountId }),
  },
  "app/(app)/reports/[report]/page.tsx": {
    withoutForeignIds: "the segment is a report's name, not a record; A's store and account as filters must show B none of A's data",
    walk: async (walk, module) => {
      for (const report of STANDARD_REPORT_IDS) await expectQueryPageHidesA(walk, module, { store: walk.a.storeId, account: walk.a.fundAccountId }, { report });
    },
  },
  "app/(app)/reports/[report]/rows/page.tsx": {
    withoutForeignIds: "the segment is a report's name; A's store and account in the filters and in the drill key must open none of A's rows",
    walk: async ({ a }, module) => {
      // No control as A: a drill-down lists order numbers and amounts, not ids; the check is that B
      // is told "not found" and that nothing of A (ids, row ids) reaches B's page.
      const page = module.default as QueryPage;
      const markers = await companyMarkers(a.owner.orgId);
      const foreign = { from: "2024-01-01", to: "2024-12-31", store: a.storeId, account: a.fundAccountId, "k.store": a.storeId, "k.account": a.fundAccountId };
      for (const report of STANDARD_REPORT_IDS) {
        const asB = await renderServerTree(page({ params: Promise.resolve({ report }), searchParams: Promise.resolve(foreign) }));
        expect(markers.filter((marker) => asB.includes(marker) && !Object.values(foreign).includes(marker)), `A's data in B's ${report} rows`).toEqual([]);
        expect(asB, report).toContain(translate("errors.storeNotFound"));
      }
    },
  },
  "app/(app)/export/page.tsx": {
    withoutForeignIds: "only ?page=N; B's export centre must list none of A's exports",
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { page: "1" }),
  },
  "app/api/auth/[...nextauth]/route.ts": {
    withoutForeignIds: "next-auth's sign-in, session and sign-out endpoints take credentials and cookies, no company's ids",
    walk: async () => {},
  },
  "app/(app)/settings/stores/[id]/page.tsx": { walk: ({ a }, module) => expectPage404(module, { id: a.storeId }) },
  "app/(app)/reports/custom/[id]/page.tsx": { walk: ({ a }, module) => expectPage404(module, { id: a.savedReportId }) },
  "app/(app)/reports/custom/page.tsx": {
    // A's store and account as the builder's filters: "not found", and none of A's stores, accounts or saved reports.
    walk: (walk, module) =>
      expectQueryPageHidesA(walk, module, {
        spec: encodeReportSpec({ version: 1, source: "bankRows", dimensions: ["account"], measures: ["count"], filters: { values: { account: [walk.a.fundAccountId] } } }),
      }).then(() =>
        expectQueryPageHidesA(walk, module, { spec: encodeReportSpec({ version: 1, source: "orders", dimensions: ["store"], measures: ["count"], filters: { values: { store: [walk.a.storeId] } } }) }),
      ),
  },
  "app/(app)/settings/accounts/[id]/page.tsx": { walk: ({ a }, module) => expectPage404(module, { id: a.fundAccountId }) },
  "app/(app)/import/[id]/page.tsx": {
    walk: async ({ a }, module) => {
      for (const id of [a.previewBatchId, a.committedBatchId, a.unmappedBatchId]) await expectPage404(module, { id });
    },
  },
  "app/(app)/import/page.tsx": {
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { upload: `${walk.a.previewBatchId},${walk.a.committedBatchId}` }),
  },
  "app/(app)/settings/stores/page.tsx": {
    withoutForeignIds: "only ?archived=1; B's list must hold none of A's stores",
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { archived: "1" }),
  },
  "app/(app)/settings/accounts/page.tsx": {
    withoutForeignIds: "only ?archived=1; B's list must hold none of A's accounts",
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { archived: "1" }),
  },
  "app/(app)/page.tsx": {
    withoutForeignIds: "only ?month=YYYY-MM; B's home page for A's locked month must show none of A's data or its lock",
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { month: walk.a.lockedMonth }),
  },
  "app/(app)/settings/receivables/page.tsx": {
    // ?level=<id> opens one of the company's own levels: A's must open nothing and show none of A's levels.
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { level: walk.a.followUpLevelId }),
  },
  "app/(app)/settings/audit/page.tsx": { walk: (walk, module) => expectQueryPageHidesA(walk, module, { actor: walk.a.owner.userEmail }) },
  "app/(app)/reconcile/proposals/page.tsx": { walk: (walk, module) => expectQueryPageHidesA(walk, module, { store: walk.a.storeId, account: walk.a.fundAccountId }) },
  "app/(app)/reconcile/approvals/page.tsx": { walk: (walk, module) => expectQueryPageHidesA(walk, module, { store: walk.a.storeId, account: walk.a.fundAccountId }) },
  "app/(app)/reconcile/matched/page.tsx": { walk: (walk, module) => expectQueryPageHidesA(walk, module, { store: walk.a.storeId, account: walk.a.fundAccountId }) },
  "app/(app)/reconcile/unmatched/page.tsx": {
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { left: "orders", right: "bank", lowner: walk.a.storeId, rowner: walk.a.fundAccountId }),
  },
  "app/(app)/receivables/page.tsx": {
    withoutForeignIds: "only dates (from, to, asOf, range=all); B's overview must show none of A's stores or orders",
    walk: (walk, module) => expectQueryPageHidesA(walk, module, { range: "all" }),
  },
  "app/(app)/receivables/orders/page.tsx": {
    // A's order in the drawer's parameter, A's store and A's member as filters: B sees "not found" and nothing of A.
    walk: (walk, module) =>
      expectQueryPageHidesA(walk, module, { order: `${walk.a.receivable.storeId}:${walk.a.receivable.orderNo}`, store: walk.a.storeId, owner: walk.a.owner.userId }),
  },
  "app/(app)/analysis/alerts/page.tsx": {
    // A's alert in the drawer's parameter, A's store, account and member as filters: B sees "not found" and nothing of A.
    walk: (walk, module) =>
      expectQueryPageHidesA(walk, module, { alert: walk.a.alerts.open, store: walk.a.storeId, account: walk.a.fundAccountId, assignee: walk.a.owner.userId, status: "all" }),
  },
  "app/(app)/reconcile/periods/[month]/page.tsx": {
    withoutForeignIds: "a month, not an id; B's report of the month A locked must show nothing of A",
    walk: async ({ a }, module) => {
      const page = module.default as (props: { params: Promise<{ month: string }>; searchParams: Promise<Record<string, string>> }) => Promise<React.ReactNode>;
      // No control as A here: the month A locked may keep no open row in its snapshot, so the check
      // is that nothing of A (ids, names, numbers) reaches B's report of that month.
      const markers = await companyMarkers(a.owner.orgId);
      const asB = await renderServerTree(page({ params: Promise.resolve({ month: a.lockedMonth }), searchParams: Promise.resolve({}) }));
      expect(markers.filter((marker) => asB.includes(marker)), "A's data in B's report").toEqual([]);
    },
  },
  "app/invite/[token]/page.tsx": {
    withoutForeignIds: "the token is the secret itself (only its hash is stored); A's invitation id must show the invalid-link card",
    walk: async ({ a }, module) => {
      const page = JSON.stringify(await (module.default as (props: { params: Promise<{ token: string }> }) => Promise<unknown>)({ params: Promise.resolve({ token: a.invitationId }) }));
      expect(page).toContain(translate("auth.inviteInvalid"));
      expect(page).not.toContain(a.owner.orgName);
    },
  },
};
