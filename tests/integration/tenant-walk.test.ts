// Tenant isolation, door by door: every server action (found by scanning app/ and lib/ for
// "use server" modules), every route handler and every page with an id in its URL or its query is
// called by company B's OWNER with company A's ids. Each must answer "not found" or show nothing
// of A (or, for the few doors that carry no id, touch only B), and nothing of A may change.
// A new door without a case in tenant-walk/action-cases.ts or door-cases.ts fails here.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ACTIVE_ORG_COOKIE } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { ACTION_CASES, type Walk } from "./tenant-walk/action-cases";
import { companySnapshot } from "./tenant-walk/company-snapshot";
import { discoverServerActions } from "./tenant-walk/discover-actions";
import { DOOR_CASES, discoverDoors } from "./tenant-walk/door-cases";
import { seedCompanyA, seedCompanyB } from "./tenant-walk/seed-companies";

// What a request gives the server: who is signed in, the cookies it sends and sets.
const request = vi.hoisted(() => ({
  userId: null as string | null,
  cookiesSent: new Map<string, string>(),
  cookiesSet: new Map<string, string>(),
}));

vi.mock("server-only", () => ({}));
// B's owner is signed in: next-auth's cookie check is the only piece replaced; from the session
// row on, the path is real (UserSession → membership → OrgContext → role).
vi.mock("next-auth", async (importOriginal) => {
  const { startUserSession } = await import("@/lib/auth/user-sessions");
  const { db } = await import("@/lib/db/client");
  const sessionIds = new Map<string, string>();
  async function getServerSession() {
    const userId = request.userId;
    if (!userId) return null;
    if (!sessionIds.has(userId)) sessionIds.set(userId, await startUserSession(db, userId));
    return { user: { id: userId }, sid: sessionIds.get(userId), expires: "" };
  }
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookiesSent.has(name) ? { name, value: request.cookiesSent.get(name)! } : undefined),
    getAll: () => [...request.cookiesSent].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookiesSent.has(name),
    set: (name: string, value: string) => void request.cookiesSet.set(name, value),
    delete: (name: string) => void request.cookiesSet.delete(name),
  }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const messages = (await import("@/messages/zh-CN.json")).default;
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "zh-CN", messages, namespace: namespace as never }),
    getFormatter: async () => createFormatter({ locale: "zh-CN", timeZone: "Asia/Shanghai" }),
    getLocale: async () => "zh-CN",
    getMessages: async () => messages,
  };
});

const ROOT = process.cwd();
const actions = await discoverServerActions(ROOT);
const doors = discoverDoors(ROOT);

let walk: Walk;
let companyABefore: string;

beforeAll(async () => {
  const a = await seedCompanyA();
  const b = await seedCompanyB();
  walk = { a, b, request };
  request.userId = b.owner.userId;
  // B asks for A as its active company throughout; only a membership may make it so.
  request.cookiesSent.set(ACTIVE_ORG_COOKIE, a.owner.orgId);
  companyABefore = await companySnapshot(a.owner.orgId);
}, 240_000);

afterAll(() => closePgPool());

describe("the tenant walk's tables", () => {
  it("has a case for every server action, and for nothing else", () => {
    const names = actions.map((found) => found.name);
    expect(new Set(names).size, "action names are unique across modules").toBe(names.length);
    expect(actions.filter((found) => !ACTION_CASES[found.name]).map((found) => `${found.name} (${found.file})`), "actions without a case").toEqual([]);
    expect(Object.keys(ACTION_CASES).filter((name) => !names.includes(name)), "cases without an action").toEqual([]);
  });

  it("has a case for every route handler and every page with an id in its URL or query, and for nothing else", () => {
    const files = [...doors.routes, ...doors.idPages, ...doors.queryPages];
    expect(files.filter((file) => !DOOR_CASES[file]), "doors without a case").toEqual([]);
    expect(Object.keys(DOOR_CASES).filter((file) => !files.includes(file)), "cases without a door").toEqual([]);
  });
});

describe("every server action, called by company B's owner with company A's ids", () => {
  it.each(actions.map((found) => [found.name, found] as const))("%s", async (name, found) => {
    const entry = ACTION_CASES[name];
    if (!entry) throw new Error(`${name} (${found.file}) has no case in tests/integration/tenant-walk/action-cases.ts`);
    const probes = entry.probes(walk);
    expect(probes.length, "probes").toBeGreaterThan(0);
    for (const probe of probes) {
      request.cookiesSet.clear();
      // Long work is queued as jobs (lib/jobs) and no worker runs here: with a foreign id nothing may even be queued.
      const jobsBefore = await db.job.count();
      const aBefore = await companySnapshot(walk.a.owner.orgId);
      const counted = (await probe.before?.()) ?? 0;
      const answer = await probe.call(found.action);
      try {
        probe.expect(answer);
      } catch (error) {
        throw new Error(`${name} with ${probe.carries} answered ${JSON.stringify(answer)}`, { cause: error });
      }
      expect(await companySnapshot(walk.a.owner.orgId), `${name} with ${probe.carries} changed company A`).toBe(aBefore);
      if (!entry.withoutForeignIds) expect(await db.job.count(), `${name} with ${probe.carries} queued work`).toBe(jobsBefore);
      await probe.then?.(walk, counted);
    }
  });
});

describe("every route handler and page with ids in its URL or query, with company A's ids", () => {
  it.each([...doors.routes, ...doors.idPages, ...doors.queryPages])("%s", async (file) => {
    const entry = DOOR_CASES[file];
    if (!entry) throw new Error(`${file} has no case in tests/integration/tenant-walk/door-cases.ts`);
    const aBefore = await companySnapshot(walk.a.owner.orgId);
    await entry.walk(walk, (await import(path.join(ROOT, file))) as Record<string, unknown>);
    expect(await companySnapshot(walk.a.owner.orgId), `${file} changed company A`).toBe(aBefore);
  });
});

describe("after the whole walk", () => {
  it("left company A exactly as it was, its audit log included", async () => {
    expect(await companySnapshot(walk.a.owner.orgId)).toBe(companyABefore);
  });
});
