// The 风险预警 pages as each role receives them (server render, client components' props as sent):
// the list with an alert's drawer, its actions only for those who handle alerts; the rules page
// with the company's thresholds in yuan, percent and days, editable only by OWNER and ADMIN; and
// the open-alert badge on 数据分析 in the shell.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ userId: null as string | null }));

vi.mock("server-only", () => ({}));
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
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
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

import AppLayout from "@/app/(app)/layout";
import AlertsPage from "@/app/(app)/analysis/alerts/page";
import AlertRulesPage from "@/app/(app)/settings/alerts/page";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { closePgPool } from "@/lib/db/pg-pool";
import { createStore } from "@/lib/stores/store-service";
import { addUser, db, makeOrg, STORE_INPUT } from "./fixtures";
import { renderServerTree } from "./tenant-walk/render-server-tree";

afterAll(() => closePgPool());

const as = (user: OrgContext) => {
  request.userId = user.userId;
};
const list = (params: Record<string, string> = {}) => renderServerTree(AlertsPage({ searchParams: Promise.resolve(params) }));
const rules = () => renderServerTree(AlertRulesPage());

async function insertAlert(orgId: string, storeId: string, status: "NEW" | "IN_PROGRESS" | "RESOLVED") {
  return db.alert.create({
    data: {
      orgId,
      type: "OVERDUE_RECEIVABLE",
      causeKey: `TEST:${randomUUID()}`,
      severity: "HIGH",
      status,
      amountMinor: 123_456n,
      currency: "CNY",
      storeId,
      day: new Date("2025-03-15T00:00:00Z"),
      refs: [{ side: "ORDER", rowId: "42", ref: "T-20250315-1", file: "天猫订单.csv", sourceRow: 18 }],
      facts: { rows: 3 },
    },
  });
}

describe("风险预警 pages", () => {
  it("lists the open alerts and opens one in the drawer, with actions only for those who handle alerts", async () => {
    const owner = await makeOrg();
    const viewer = await addUser(owner, "VIEWER");
    const reviewer = await addUser(owner, "REVIEWER");
    const store = await createStore(db, owner, STORE_INPUT);
    const open = await insertAlert(owner.orgId, store.id, "NEW");
    const resolved = await insertAlert(owner.orgId, store.id, "RESOLVED");

    as(viewer);
    const page = await list();
    expect(page).toContain(open.id);
    expect(page).not.toContain(resolved.id); // open ones by default
    expect(await list({ status: "all" })).toContain(resolved.id);
    expect(page).toContain("新 1 · 处理中 0 · 已解决 1 · 已忽略 0");

    const drawer = await list({ alert: open.id });
    expect(drawer).toContain("alert-detail");
    expect(drawer).toContain("逾期应收");
    expect(drawer).toContain("天猫订单.csv");
    expect(drawer).toContain("T-20250315-1");
    expect(drawer).toContain(`/receivables/orders?order=${store.id}%3AT-20250315-1`);
    expect(drawer).toContain("共 3 行，这里列出前 1 行。");
    expect(drawer).toContain("你的角色只能查看预警，不能处理。");
    expect(drawer).not.toContain("currentUserId");

    as(reviewer);
    const handled = await list({ alert: open.id });
    expect(handled).not.toContain("你的角色只能查看预警，不能处理。");
    expect(handled).toContain(`"currentUserId":"${reviewer.userId}"`);

    // Not an alert of this company: the drawer says so.
    expect(await list({ alert: randomUUID() })).toContain("这条预警不存在，或属于其他公司。");
  });

  it("shows the rules in yuan, percent and days, editable only by OWNER and ADMIN", async () => {
    const owner = await makeOrg();
    const accountant = await addUser(owner, "ACCOUNTANT");
    await db.alertRule.create({ data: { orgId: owner.orgId, type: "FEE_RATE_HIGH", enabled: false, thresholds: { toleranceBps: 75, minFeeMinor: 250_050 } } });
    as(owner);
    const editable = await rules();
    expect(editable).not.toContain("只有所有者和管理员可以修改预警规则。");
    expect(editable).toContain('"name":"toleranceBps","label":"高出合同费率超过（%）","unit":"percent","value":"0.75","defaultValue":"0.5"');
    expect(editable).toContain('"name":"minFeeMinor","label":"单笔订单费用至少（元）","unit":"money","value":"2500.50","defaultValue":"100.00"');
    expect(editable).toContain('"name":"days","label":"逾期超过（天）","unit":"days","value":"30"');
    expect(editable).toContain('"canEdit":true');
    expect(editable).not.toContain('"canEdit":false');
    as(accountant);
    const readOnly = await rules();
    expect(readOnly).toContain("只有所有者和管理员可以修改预警规则。");
    expect(readOnly).not.toContain('"canEdit":true');
  });

  it("puts the count of open alerts on 数据分析 in the nav", async () => {
    const owner = await makeOrg();
    const store = await createStore(db, owner, STORE_INPUT);
    for (const status of ["NEW", "NEW", "IN_PROGRESS", "RESOLVED"] as const) await insertAlert(owner.orgId, store.id, status);
    as(owner);
    const shell = await renderServerTree(AppLayout({ children: null }));
    expect(shell).toContain('"href":"/analysis","label":"数据分析","icon":"↗","badge":{"count":3,"label":"3 条未处理预警"}');
    expect(shell).toContain('"href":"/settings/alerts"');
  });
});
