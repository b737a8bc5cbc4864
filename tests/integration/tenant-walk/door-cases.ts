// The walk's table for the other doors: route handlers (every app/**/route.ts) and pages with an id
// in their URL (every app/**/[segment]/page.tsx), keyed by file, found by scanning app/.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { db } from "../fixtures";
import { translate } from "./answers";
import type { Walk } from "./action-cases";

function filesNamed(folder: string, name: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

export function discoverDoors(root: string): { routes: string[]; idPages: string[] } {
  const relative = (file: string) => path.relative(root, file);
  const app = path.join(root, "app");
  return {
    routes: filesNamed(app, "route.ts").map(relative).sort(),
    idPages: filesNamed(app, "page.tsx").map(relative).filter((file) => /\/\[[^\]]+\]\//.test(file)).sort(),
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

type RouteHandler = (request: Request) => Promise<Response>;

async function postImport(module: Record<string, unknown>, query: string): Promise<Response> {
  const body = new TextEncoder().encode("记账日,金额,摘要\n2025-03-01,100.00,货款\n");
  const request = new Request(`http://localhost/api/imports?fileName=walk.csv&${query}`, { method: "POST", body, headers: { "content-length": String(body.length) } });
  // An error the handler throws is what Next answers with a 500; record it as that answer.
  return (module.POST as RouteHandler)(request).catch((error: unknown) => Response.json({ thrown: String(error) }, { status: 500 }));
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
  "app/api/auth/[...nextauth]/route.ts": {
    withoutForeignIds: "next-auth's sign-in, session and sign-out endpoints take credentials and cookies, no company's ids",
    walk: async () => {},
  },
  "app/(app)/settings/stores/[id]/page.tsx": { walk: ({ a }, module) => expectPage404(module, { id: a.storeId }) },
  "app/(app)/settings/accounts/[id]/page.tsx": { walk: ({ a }, module) => expectPage404(module, { id: a.fundAccountId }) },
  "app/(app)/import/[id]/page.tsx": {
    walk: async ({ a }, module) => {
      for (const id of [a.previewBatchId, a.committedBatchId, a.unmappedBatchId]) await expectPage404(module, { id });
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
