// 回款设置 through its real doors (session, membership, permission, form parsing) on PostgreSQL:
// the defaults a new company reads, bounds and levels saved and read back by the same reader the
// 回款管理 page ages with, the refusals in the user's words, and one audit row per change.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./request-harness")).harnessNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", async () => (await import("./request-harness")).harnessNextIntl);
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => (await import("./request-harness")).currentSession(),
}));

import type { OrgContext } from "@/lib/auth/load-org-context";
import {
  adoptDefaultLevelsAction,
  createFollowUpLevelAction,
  deleteFollowUpLevelAction,
  resetAgingBucketsAction,
  saveAgingBucketsAction,
  updateFollowUpLevelAction,
} from "@/lib/actions/receivables/settings";
import { updateStoreAction } from "@/lib/actions/settings/stores";
import { closePgPool } from "@/lib/db/pg-pool";
import { levelOf, loadReceivableSettings } from "@/lib/receivables/receivable-settings";
import { createStore } from "@/lib/stores/store-service";
import { addUser, db, makeOrg, STORE_INPUT } from "./fixtures";
import { formData, request, signIn } from "./request-harness";

const IDLE = { status: "idle" } as const;
const NOT_FOUND = "找不到该记录，它可能不存在或不属于当前公司。";
const FORBIDDEN = "您的角色没有执行此操作的权限。";

afterAll(() => closePgPool());

const signInAs = async (user: OrgContext) => {
  request.token = await signIn({ id: user.userId, email: user.userEmail, name: user.userName });
};
const audits = (orgId: string, action: string) => db.auditLog.findMany({ where: { orgId, action }, orderBy: { id: "asc" } });

describe("aging buckets", () => {
  it("reads the defaults for a new company, then its own bounds once saved, and back", async () => {
    const owner = await makeOrg();
    const fresh = await loadReceivableSettings(db, owner.orgId);
    expect(fresh).toMatchObject({ notDueBucketDays: [7, 30], overdueBucketDays: [7, 30, 60, 90], ownLevels: false });
    expect(fresh.buckets.map((bucket) => bucket.key)).toEqual(["due:inf", "due:30", "due:7", "over:7", "over:30", "over:60", "over:90", "over:inf"]);

    await signInAs(owner);
    // Chinese commas and spaces are read as a person types them.
    expect(await saveAgingBucketsAction(IDLE, formData({ notDueBucketDays: "3，14", overdueBucketDays: "15, 45 90" }))).toEqual({
      status: "ok",
      data: { notDueBucketDays: [3, 14], overdueBucketDays: [15, 45, 90] },
    });
    const saved = await loadReceivableSettings(db, owner.orgId);
    expect(saved.buckets.map((bucket) => bucket.key)).toEqual(["due:inf", "due:14", "due:3", "over:15", "over:45", "over:90", "over:inf"]);
    const [update] = await audits(owner.orgId, "receivableSettings.update");
    expect(update).toMatchObject({
      actorUserId: owner.userId,
      before: { notDueBucketDays: [7, 30], overdueBucketDays: [7, 30, 60, 90] },
      after: { notDueBucketDays: [3, 14], overdueBucketDays: [15, 45, 90] },
    });

    expect(await resetAgingBucketsAction(IDLE, formData({}))).toMatchObject({ status: "ok", data: { notDueBucketDays: [7, 30], overdueBucketDays: [7, 30, 60, 90] } });
    expect(await loadReceivableSettings(db, owner.orgId)).toMatchObject({ notDueBucketDays: [7, 30], overdueBucketDays: [7, 30, 60, 90] });
    const reset = (await audits(owner.orgId, "receivableSettings.update"))[1];
    expect(reset).toMatchObject({ before: { overdueBucketDays: [15, 45, 90] }, after: { reset: true, overdueBucketDays: [7, 30, 60, 90] } });
  });

  it("refuses bounds that do not increase or are not whole days, naming the field, and changes nothing", async () => {
    const owner = await makeOrg();
    await signInAs(owner);
    const answer = await saveAgingBucketsAction(IDLE, formData({ notDueBucketDays: "30, 7", overdueBucketDays: "7, 7.5" }));
    expect(answer).toMatchObject({
      status: "error",
      fieldErrors: {
        notDueBucketDays: "未到期分段：天数须从小到大且不重复，例如 7, 30。",
        overdueBucketDays: "逾期分段：请填写 1 到 3650 之间的整数天数，用逗号分隔，最多 8 个，例如 7, 30, 60, 90。",
      },
    });
    expect(await saveAgingBucketsAction(IDLE, formData({ notDueBucketDays: "7, 30", overdueBucketDays: "30, 30" }))).toMatchObject({
      fieldErrors: { overdueBucketDays: "逾期分段：天数须从小到大且不重复，例如 7, 30, 60, 90。" },
    });
    expect(await saveAgingBucketsAction(IDLE, formData({ notDueBucketDays: "", overdueBucketDays: "0, 7" }))).toMatchObject({
      fieldErrors: { notDueBucketDays: expect.stringContaining("未到期分段"), overdueBucketDays: expect.stringContaining("逾期分段") },
    });
    expect(await db.receivableSettings.count({ where: { orgId: owner.orgId } })).toBe(0);
    expect(await audits(owner.orgId, "receivableSettings.update")).toEqual([]);
  });
});

describe("follow-up levels", () => {
  it("starts from the four defaults in the asker's words, then edits, adds and deletes, each audited", async () => {
    const owner = await makeOrg();
    expect((await loadReceivableSettings(db, owner.orgId)).levels.map((level) => [level.days, level.defaultKey])).toEqual([
      [1, "remind"],
      [8, "chase"],
      [31, "escalate"],
      [61, "writeOff"],
    ]);
    await signInAs(owner);
    expect(await adoptDefaultLevelsAction(IDLE, formData({}))).toEqual({ status: "ok", data: { created: 4 } });
    let settings = await loadReceivableSettings(db, owner.orgId);
    expect(settings.ownLevels).toBe(true);
    expect(settings.levels.map((level) => [level.days, level.name, level.defaultKey])).toEqual([
      [1, "提醒", null],
      [8, "催办", null],
      [31, "升级", null],
      [61, "坏账评估", null],
    ]);
    expect(settings.levels[1]!.action).toBe("联系平台客服，记下工单号");
    expect(await audits(owner.orgId, "followUpLevel.create")).toHaveLength(4);
    // Asked twice (two tabs): refused, nothing doubled.
    expect(await adoptDefaultLevelsAction(IDLE, formData({}))).toMatchObject({ status: "error", message: "本公司已经有自己的跟进级别了，请刷新页面后直接修改。" });

    const chase = settings.levels[1]!;
    expect(await updateFollowUpLevelAction(IDLE, formData({ id: chase.id!, days: "15", name: "  催款 ", action: "电话联系平台客服" }))).toEqual({ status: "ok", data: { id: chase.id } });
    const created = await createFollowUpLevelAction(IDLE, formData({ days: "91", name: "法务", action: "转法务处理" }));
    expect(created).toMatchObject({ status: "ok", data: { id: expect.any(String) } });
    settings = await loadReceivableSettings(db, owner.orgId);
    expect(settings.levels.map((level) => `${level.days} ${level.name}`)).toEqual(["1 提醒", "15 催款", "31 升级", "61 坏账评估", "91 法务"]);
    expect(levelOf(settings.levels, 20)?.name).toBe("催款");
    expect(levelOf(settings.levels, 120)?.name).toBe("法务");
    const [update] = await audits(owner.orgId, "followUpLevel.update");
    expect(update).toMatchObject({ entityId: chase.id, before: { days: 8, name: "催办" }, after: { days: 15, name: "催款", action: "电话联系平台客服" } });

    for (const level of settings.levels) expect(await deleteFollowUpLevelAction(IDLE, formData({ id: level.id! }))).toMatchObject({ status: "ok" });
    expect(await audits(owner.orgId, "followUpLevel.delete")).toHaveLength(5);
    // None left: the company is on the defaults again.
    expect((await loadReceivableSettings(db, owner.orgId)).levels.map((level) => level.defaultKey)).toEqual(["remind", "chase", "escalate", "writeOff"]);
  });

  it("refuses two levels on the same day and a level without words, in the user's language", async () => {
    const owner = await makeOrg();
    await signInAs(owner);
    await adoptDefaultLevelsAction(IDLE, formData({}));
    const [remind, chase] = (await loadReceivableSettings(db, owner.orgId)).levels;
    const taken = "已有从逾期 8 天起的跟进级别，请换一个天数或修改那个级别。";
    expect(await createFollowUpLevelAction(IDLE, formData({ days: "8", name: "重复", action: "无" }))).toMatchObject({ status: "error", fieldErrors: { days: taken } });
    expect(await updateFollowUpLevelAction(IDLE, formData({ id: remind!.id!, days: "8", name: "提醒", action: "核对" }))).toMatchObject({ fieldErrors: { days: taken } });
    // Its own day is not a clash.
    expect(await updateFollowUpLevelAction(IDLE, formData({ id: chase!.id!, days: "8", name: "催办", action: "打电话" }))).toMatchObject({ status: "ok" });
    expect(await createFollowUpLevelAction(IDLE, formData({ days: "0", name: " ", action: "" }))).toMatchObject({
      status: "error",
      fieldErrors: { days: "逾期天数须为 1 到 3650 之间的整数。", name: "请填写级别名称，最多 30 个字。", action: "请填写处理方式，最多 200 个字。" },
    });
    expect(await db.followUpLevel.count({ where: { orgId: owner.orgId } })).toBe(4);
  });

  it("answers another company's level id as not found and leaves it alone", async () => {
    const a = await makeOrg("甲公司");
    await signInAs(a);
    await adoptDefaultLevelsAction(IDLE, formData({}));
    const [level] = (await loadReceivableSettings(db, a.orgId)).levels;
    const b = await makeOrg("乙公司");
    await signInAs(b);
    expect(await updateFollowUpLevelAction(IDLE, formData({ id: level!.id!, days: "2", name: "劫持", action: "劫持" }))).toMatchObject({ status: "error", message: NOT_FOUND });
    expect(await deleteFollowUpLevelAction(IDLE, formData({ id: level!.id! }))).toMatchObject({ status: "error", message: NOT_FOUND });
    expect(await deleteFollowUpLevelAction(IDLE, formData({ id: "not-a-uuid" }))).toMatchObject({ status: "error", message: NOT_FOUND });
    expect(await db.followUpLevel.findFirstOrThrow({ where: { orgId: a.orgId, id: level!.id! } })).toMatchObject({ days: 1, name: "提醒" });
    expect(await db.auditLog.count({ where: { orgId: b.orgId } })).toBe(1); // b's company.create only
  });
});

describe("who may change them", () => {
  it("refuses a VIEWER and an ACCOUNTANT; an ADMIN may", async () => {
    const owner = await makeOrg();
    await signInAs(owner);
    await adoptDefaultLevelsAction(IDLE, formData({}));
    const [level] = (await loadReceivableSettings(db, owner.orgId)).levels;
    for (const role of ["VIEWER", "ACCOUNTANT", "REVIEWER"] as const) {
      await signInAs(await addUser(owner, role));
      const answers = [
        await saveAgingBucketsAction(IDLE, formData({ notDueBucketDays: "7", overdueBucketDays: "30" })),
        await resetAgingBucketsAction(IDLE, formData({})),
        await createFollowUpLevelAction(IDLE, formData({ days: "100", name: "x", action: "x" })),
        await updateFollowUpLevelAction(IDLE, formData({ id: level!.id!, days: "2", name: "x", action: "x" })),
        await deleteFollowUpLevelAction(IDLE, formData({ id: level!.id! })),
        await adoptDefaultLevelsAction(IDLE, formData({})),
      ];
      for (const answer of answers) expect(answer, role).toMatchObject({ status: "error", message: FORBIDDEN });
    }
    expect(await db.followUpLevel.findFirstOrThrow({ where: { orgId: owner.orgId, id: level!.id! } })).toMatchObject({ days: 1 });
    expect(await db.receivableSettings.count({ where: { orgId: owner.orgId } })).toBe(0);
    await signInAs(await addUser(owner, "ADMIN"));
    expect(await saveAgingBucketsAction(IDLE, formData({ notDueBucketDays: "7", overdueBucketDays: "30" }))).toMatchObject({ status: "ok" });
  });
});

describe("a store's automatic-confirmation days", () => {
  it("saves whole days 0–90, empty as the platform default, and refuses the rest naming the field", async () => {
    const owner = await makeOrg();
    const store = await createStore(db, owner, STORE_INPUT);
    expect(store.autoConfirmDays).toBeNull();
    await signInAs(owner);
    const fields = { id: store.id, name: store.name, platform: "TMALL", currency: "CNY", settlementTermsDays: "7", feeRatePercent: "5" };
    // Saved, the form goes back to the list: redirect() answers by throwing.
    const redirected = { digest: expect.stringMatching(/^NEXT_REDIRECT/) };
    await expect(updateStoreAction(IDLE, formData({ ...fields, autoConfirmDays: "15" }))).rejects.toMatchObject(redirected);
    expect((await db.store.findFirstOrThrow({ where: { id: store.id } })).autoConfirmDays).toBe(15);
    for (const bad of ["91", "-1", "1.5", "十"]) {
      expect(await updateStoreAction(IDLE, formData({ ...fields, autoConfirmDays: bad })), bad).toMatchObject({
        status: "error",
        fieldErrors: { autoConfirmDays: "自动确认收货天数须为 0 到 90 之间的整数；留空则使用平台默认天数。" },
      });
    }
    await expect(updateStoreAction(IDLE, formData({ ...fields, autoConfirmDays: "" }))).rejects.toMatchObject(redirected);
    expect((await db.store.findFirstOrThrow({ where: { id: store.id } })).autoConfirmDays).toBeNull();
    const changes = await audits(owner.orgId, "store.update");
    expect(changes.map((entry) => [(entry.before as { autoConfirmDays: number | null }).autoConfirmDays, (entry.after as { autoConfirmDays: number | null }).autoConfirmDays])).toEqual([
      [null, 15],
      [15, null],
    ]);
  });
});
