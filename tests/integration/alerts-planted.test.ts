// Issue 18's acceptance: a generated month with an anomaly of every type planted raises exactly those
// alerts and no others, each naming the planted rows (file and row) and the store or account; the
// same month without plants raises none; `npm run cli -- alerts` prints them as the issue specifies.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { computeAlerts } from "@/lib/alerts/compute-alerts";
import { parseAlertRefs } from "@/lib/alerts/alert-refs";
import { ANOMALY_TYPES, type PlantedAnomaly } from "@/lib/generate";
import { db, makeOrg } from "./fixtures";
import { ALERTS_AS_OF, monthWithAnomalies } from "./alerts-month";

const ORDERS = 3000;
let planted: PlantedAnomaly[];
let owner: OrgContext;
let clean: OrgContext;
const dirs: string[] = [];

beforeAll(async () => {
  owner = await makeOrg("预警埋点公司");
  clean = await makeOrg("预警干净公司");
  const withPlants = await monthWithAnomalies(owner, { orders: ORDERS, seed: 7, plant: ANOMALY_TYPES });
  planted = withPlants.planted;
  dirs.push(withPlants.dir);
  dirs.push((await monthWithAnomalies(clean, { orders: ORDERS, seed: 7, plant: [] })).dir);
  await computeAlerts(db, owner.orgId, { asOf: ALERTS_AS_OF });
  await computeAlerts(db, clean.orgId, { asOf: ALERTS_AS_OF });
}, 900_000);

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function namesOf(orgId: string) {
  const [stores, accounts] = await Promise.all([db.store.findMany({ where: { orgId } }), db.fundAccount.findMany({ where: { orgId } })]);
  return { store: new Map(stores.map((s) => [s.id, s.name])), account: new Map(accounts.map((a) => [a.id, a.name])) };
}

describe("planted anomalies", () => {
  it("the month without plants raises no alert", async () => {
    const alerts = await db.alert.findMany({ where: { orgId: clean.orgId } });
    expect(alerts.map((a) => `${a.type} ${JSON.stringify(a.facts)}`)).toEqual([]);
  });

  it("every type is planted once and raises exactly one alert of its type, naming the planted rows", async () => {
    expect(planted.map((p) => p.type).sort()).toEqual([...ANOMALY_TYPES].sort());
    const alerts = await db.alert.findMany({ where: { orgId: owner.orgId } });
    expect(alerts.map((a) => a.type).sort()).toEqual([...ANOMALY_TYPES].sort());
    const names = await namesOf(owner.orgId);
    for (const anomaly of planted) {
      const alert = alerts.find((a) => a.type === anomaly.type)!;
      const refs = parseAlertRefs(alert.refs).map((ref) => `${ref.file}:${ref.sourceRow}`);
      for (const row of anomaly.rows) expect(refs, `${anomaly.type}: ${anomaly.note}`).toContain(`${row.file}:${row.sourceRow}`);
      if (anomaly.storeName) expect(names.store.get(alert.storeId ?? ""), anomaly.note).toBe(anomaly.storeName);
      if (anomaly.fundAccountName) expect(names.account.get(alert.fundAccountId ?? ""), anomaly.note).toBe(anomaly.fundAccountName);
      expect(alert.amountMinor, anomaly.note).toBeGreaterThan(0n);
      expect(alert.status).toBe("NEW");
    }
  });

  it("computing again raises nothing new", async () => {
    const before = await db.alert.count({ where: { orgId: owner.orgId } });
    const again = await computeAlerts(db, owner.orgId, { asOf: ALERTS_AS_OF });
    expect(again).toMatchObject({ raised: 0, reopened: 0, cleared: 0, found: before });
  });
});

describe("npm run cli -- alerts", () => {
  const cli = (...args: string[]) => {
    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", "alerts", ...args], { encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 });
    return { ...result, lines: result.stdout.trim().split("\n").filter(Boolean) };
  };

  it("prints one JSON object per open alert with its rows and message", async () => {
    const printed = cli("--org", owner.orgSlug, "--as-of", ALERTS_AS_OF, "--json");
    expect(printed.status, printed.stderr).toBe(0);
    const objects = printed.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const stored = await db.alert.findMany({ where: { orgId: owner.orgId } });
    expect(objects.map((o) => o.id).sort()).toEqual(stored.map((a) => a.id).sort());
    for (const object of objects) {
      expect(Object.keys(object).sort()).toEqual(["amountMinor", "id", "message", "refs", "severity", "status", "type"]);
      const alert = stored.find((a) => a.id === object.id)!;
      expect(object).toMatchObject({ type: alert.type, severity: alert.severity, status: alert.status, amountMinor: Number(alert.amountMinor) });
      expect(object.refs).toEqual(parseAlertRefs(alert.refs).map(({ side, ref, file, sourceRow }) => ({ side, ref, file, sourceRow })));
      expect(typeof object.message === "string" && object.message.length > 0).toBe(true);
      expect(object.message).not.toMatch(/alerts\.message|\{\w+\}/);
    }
  });

  it("follows --lang and --status, and refuses what it cannot read", async () => {
    const messages = (lines: string[]) => new Map(lines.map((line) => JSON.parse(line) as { id: string; message: string }).map((o) => [o.id, o.message]));
    const english = cli("--org", owner.orgSlug, "--json", "--lang", "en", "--status", "all");
    expect(english.status, english.stderr).toBe(0);
    const chinese = messages(cli("--org", owner.orgSlug, "--json", "--status", "all").lines);
    for (const [id, message] of messages(english.lines)) {
      expect(message).not.toMatch(/alerts\.message/);
      expect(message).not.toBe(chinese.get(id));
    }
    const wrong = cli("--org", owner.orgSlug, "--status", "later");
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain("--status");
  });
});
