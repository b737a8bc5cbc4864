// The walk's table: one entry per server action, named as it is exported. An action that carries
// ids gets one probe per id-carrying field, filled with company A's ids while company B's OWNER is
// signed in; an action without ids says why, and its probe checks that it only touched B.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ACTIVE_ORG_COOKIE } from "@/lib/auth/session";
import { defaultRules } from "@/lib/match-engine";
import { rulesToFormValues } from "@/lib/match-rules/rules-form";
import { db } from "../fixtures";
import { invoke, notFound, ok, redirectsTo, refused, submit, type Call } from "./answers";
import type { CompanyA, CompanyB } from "./seed-companies";

export type RequestRecord = { userId: string | null; cookiesSent: Map<string, string>; cookiesSet: Map<string, string> };
export type Walk = { a: CompanyA; b: CompanyB; request: RequestRecord };

export type Probe = {
  /** What of A's the probe carries (or what it does, for an action without ids). */
  carries: string;
  call: Call;
  expect: (answer: unknown) => void;
  /** Counted before the call, handed to `then`. */
  before?: () => Promise<number>;
  /** Further checks after the call, e.g. that the write landed in B. */
  then?: (walk: Walk, before: number) => Promise<void>;
};

export type ActionCase = { probes: (walk: Walk) => Probe[]; withoutForeignIds?: string };

const storeFields = { name: "劫持", platform: "TMALL", currency: "CNY", settlementTermsDays: "7", feeRatePercent: "5" };
const accountFields = { name: "劫持", type: "BANK", institution: "招商银行", accountNumber: "6214830000000000", currency: "CNY" };
const payload = (value: unknown) => JSON.stringify(value);
const freshEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.local`;


export const ACTION_CASES: Record<string, ActionCase> = {
  // ---- shell ----------------------------------------------------------------------------------
  setLocaleAction: {
    withoutForeignIds: "a locale, applied to the signed-in user only",
    probes: ({ b }) => [
      {
        carries: "locale en",
        call: invoke("en"),
        expect: (answer) => expect(answer).toBeUndefined(),
        then: async () => expect((await db.user.findUniqueOrThrow({ where: { id: b.owner.userId } })).locale).toBe("en"),
      },
    ],
  },
  switchOrganizationAction: {
    probes: ({ a }) => [
      {
        carries: "A's organization id",
        call: invoke(a.owner.orgId),
        expect: (answer) => expect(answer).toBeUndefined(),
        then: async ({ request }) => expect(request.cookiesSet.has(ACTIVE_ORG_COOKIE)).toBe(false),
      },
    ],
  },

  // ---- before sign-in / the person --------------------------------------------------------------
  signUpAction: {
    withoutForeignIds: "creates a new company; takes no id",
    probes: () => [
      {
        carries: "a new company",
        call: submit({ companyName: "丙公司", name: "新老板", email: freshEmail("signup"), password: "password1234" }),
        expect: ok({ orgId: expect.any(String) }),
        before: () => db.organization.count(),
        then: async (_walk, before) => expect(await db.organization.count()).toBe(before + 1),
      },
    ],
  },
  changePasswordAction: {
    withoutForeignIds: "acts on the session's own user; takes no id",
    probes: () => [{ carries: "a wrong current password", call: submit({ currentPassword: "not-it-123", newPassword: "another-pass-123", confirmPassword: "another-pass-123" }), expect: refused("wrongPassword") }],
  },
  acceptInvitationAction: {
    probes: ({ a }) => [
      { carries: "A's invitation id as the token", call: submit({ mode: "existing", token: a.invitationId, password: "password123" }), expect: notFound("invitationInvalid") },
    ],
  },

  // ---- settings: stores -------------------------------------------------------------------------
  createStoreAction: {
    withoutForeignIds: "creates a store in the session's company",
    probes: ({ b }) => [
      {
        carries: "a new store",
        call: submit({ ...storeFields, name: "乙的新店" }),
        expect: redirectsTo("/settings/stores"),
        before: () => db.store.count({ where: { orgId: b.owner.orgId } }),
        then: async (_walk, before) => expect(await db.store.count({ where: { orgId: b.owner.orgId } })).toBe(before + 1),
      },
    ],
  },
  updateStoreAction: { probes: ({ a }) => [{ carries: "A's store id", call: submit({ ...storeFields, id: a.storeId }), expect: notFound() }] },
  setStoreArchivedAction: { probes: ({ a }) => [{ carries: "A's store id", call: submit({ id: a.storeId, archived: "true" }), expect: notFound() }] },

  // ---- settings: fund accounts ------------------------------------------------------------------
  createFundAccountAction: {
    withoutForeignIds: "creates a fund account in the session's company",
    probes: ({ b }) => [
      {
        carries: "a new account",
        call: submit({ ...accountFields, name: "乙的新账户" }),
        expect: redirectsTo("/settings/accounts"),
        before: () => db.fundAccount.count({ where: { orgId: b.owner.orgId } }),
        then: async (_walk, before) => expect(await db.fundAccount.count({ where: { orgId: b.owner.orgId } })).toBe(before + 1),
      },
    ],
  },
  updateFundAccountAction: { probes: ({ a }) => [{ carries: "A's fund account id", call: submit({ ...accountFields, id: a.fundAccountId }), expect: notFound() }] },
  setFundAccountArchivedAction: { probes: ({ a }) => [{ carries: "A's fund account id", call: submit({ id: a.fundAccountId, archived: "true" }), expect: notFound() }] },

  // ---- settings: members ------------------------------------------------------------------------
  inviteMemberAction: {
    withoutForeignIds: "an e-mail address, invited to the session's company",
    probes: ({ a, b }) => [
      {
        carries: "a new invitation",
        call: submit({ email: freshEmail("invited"), role: "VIEWER" }),
        expect: ok({ path: expect.stringMatching(/^\/invite\//) }),
        before: () => db.invitation.count({ where: { orgId: b.owner.orgId } }),
        then: async (_walk, before) => expect(await db.invitation.count({ where: { orgId: b.owner.orgId } })).toBe(before + 1),
      },
      {
        // The pre-hijack door: an account that exists (A's owner) is never linked to B without its
        // holder accepting, and the answer is the same as for a new e-mail.
        carries: "the e-mail of A's owner",
        call: submit({ email: a.owner.userEmail, role: "ADMIN" }),
        expect: ok({ path: expect.stringMatching(/^\/invite\//) }),
        then: async () => expect(await db.membership.count({ where: { orgId: b.owner.orgId, userId: a.owner.userId } })).toBe(0),
      },
    ],
  },
  changeRoleAction: {
    probes: ({ a }) => [
      { carries: "A's accountant's user id", call: submit({ userId: a.accountant.userId, role: "VIEWER" }), expect: notFound() },
      { carries: "A's owner's user id", call: submit({ userId: a.owner.userId, role: "OWNER" }), expect: notFound() },
    ],
  },
  removeMemberAction: { probes: ({ a }) => [{ carries: "A's accountant's user id", call: submit({ userId: a.accountant.userId }), expect: notFound() }] },
  revokeInvitationAction: { probes: ({ a }) => [{ carries: "A's invitation id", call: submit({ id: a.invitationId }), expect: notFound() }] },

  // ---- settings: matching rules -----------------------------------------------------------------
  saveRulesAction: {
    withoutForeignIds: "the session's company's rule set; a version number, not an id",
    probes: () => [{ carries: "the default rules", call: submit({ ...rulesToFormValues(defaultRules()), version: "0" }), expect: ok({ outcome: expect.stringMatching(/^(saved|stale)$/) }) }],
  },
  restoreDefaultRulesAction: {
    withoutForeignIds: "the session's company's rule set; a version number, not an id",
    probes: () => [{ carries: "version 0", call: submit({ version: "0" }), expect: ok({ outcome: expect.stringMatching(/^(saved|stale)$/) }) }],
  },

  // ---- import ----------------------------------------------------------------------------------
  commitImportAction: {
    probes: ({ a, b }) => [
      { carries: "A's preview batch id", call: submit({ id: a.previewBatchId, fundAccountId: a.fundAccountId, skipInvalid: "on" }), expect: notFound() },
      { carries: "B's settlement batch with A's store id", call: submit({ id: b.settlementPreviewBatchId, storeId: a.storeId, skipInvalid: "on" }), expect: notFound("storeNotFound") },
      { carries: "B's bank batch with A's fund account id", call: submit({ id: b.bankPreviewBatchId, fundAccountId: a.fundAccountId, skipInvalid: "on" }), expect: notFound("fundAccountNotFound") },
    ],
  },
  commitAllImportsAction: {
    probes: ({ a, b }) => [
      { carries: "A's preview batch id", call: submit({ ids: a.previewBatchId }), expect: notFound() },
      { carries: "B's bank preview with A's preview batch id", call: submit({ ids: `${b.bankPreviewBatchId},${a.previewBatchId}` }), expect: notFound() },
    ],
  },
  reparseImportAction: { probes: ({ a }) => [{ carries: "A's preview batch id", call: submit({ id: a.previewBatchId, format: "auto" }), expect: notFound() }] },
  chooseStatementAccountAction: {
    probes: ({ a }) => [{ carries: "A's preview batch id", call: submit({ id: a.previewBatchId, account: "NL26VAYB8060476890" }), expect: notFound() }],
  },
  cancelImportAction: { probes: ({ a }) => [{ carries: "A's preview batch id", call: submit({ id: a.previewBatchId }), expect: notFound() }] },
  undoImportAction: { probes: ({ a }) => [{ carries: "A's committed batch id", call: submit({ id: a.committedBatchId }), expect: notFound() }] },
  mapColumnsAction: {
    probes: ({ a }) => [
      { carries: "A's unmapped batch id", call: submit({ id: a.unmappedBatchId, name: "劫持的格式", headerRow: "0", kind: "bank", date: "记账日", amount: "金额", memo: "摘要" }), expect: notFound() },
    ],
  },

  // ---- 回款管理 ----------------------------------------------------------------------------------
  changeFollowUpsAction: {
    probes: ({ a, b }) => [
      {
        carries: "A's order (store id and order number)",
        call: submit({ payload: payload({ orders: [a.receivable], state: "IN_PROGRESS" }) }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.receivableFollowUp.count({ where: { orgId: a.owner.orgId } })).toBe(0),
      },
      {
        carries: "A's accountant as the owner of B's own order",
        call: submit({ payload: payload({ orders: [b.receivable], ownerId: a.accountant.userId }) }),
        expect: refused("followUpOwnerNotMember"),
        then: async ({ b }) => expect(await db.receivableFollowUp.count({ where: { orgId: b.owner.orgId } })).toBe(0),
      },
    ],
  },
  writeOffOrderAction: {
    probes: ({ a }) => [
      {
        carries: "A's order (store id and order number)",
        call: submit({ storeId: a.receivable.storeId, orderNo: a.receivable.orderNo, note: "劫持" }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.matchGroup.count({ where: { orgId: a.owner.orgId, note: "劫持" } })).toBe(0),
      },
    ],
  },
  addFollowUpNoteAction: {
    probes: ({ a }) => [
      {
        carries: "A's order (store id and order number)",
        call: submit({ storeId: a.receivable.storeId, orderNo: a.receivable.orderNo, body: "劫持" }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.note.count({ where: { orgId: a.owner.orgId, body: "劫持" } })).toBe(0),
      },
    ],
  },

  // ---- 风险预警 ----------------------------------------------------------------------------------
  assignAlertAction: {
    probes: ({ a, b }) => [
      {
        carries: "A's alert id",
        call: submit({ id: a.alerts.open, note: "劫持" }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: a.owner.orgId, id: a.alerts.open } } })).toMatchObject({ status: "NEW", assigneeId: null }),
      },
      {
        carries: "A's accountant as the assignee of B's own alert",
        call: submit({ id: b.alertId, assigneeId: a.accountant.userId }),
        expect: notFound("alertAssigneeNotMember"),
        then: async ({ b }) => expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: b.owner.orgId, id: b.alertId } } })).toMatchObject({ status: "NEW", assigneeId: null }),
      },
    ],
  },
  resolveAlertAction: {
    probes: ({ a }) => [
      {
        carries: "A's alert id",
        call: submit({ id: a.alerts.open, note: "劫持" }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: a.owner.orgId, id: a.alerts.open } } })).toMatchObject({ status: "NEW", note: null }),
      },
    ],
  },
  ignoreAlertAction: {
    probes: ({ a }) => [
      {
        carries: "A's alert id",
        call: submit({ id: a.alerts.open, reason: "劫持" }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: a.owner.orgId, id: a.alerts.open } } })).toMatchObject({ status: "NEW", note: null }),
      },
    ],
  },
  reopenAlertAction: {
    probes: ({ a }) => [
      {
        carries: "A's resolved alert id",
        call: submit({ id: a.alerts.resolved, note: "劫持" }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: a.owner.orgId, id: a.alerts.resolved } } })).toMatchObject({ status: "RESOLVED", note: "已到账" }),
      },
    ],
  },
  updateAlertRuleAction: {
    withoutForeignIds: "a rule type and thresholds, applied to the session's company only",
    probes: ({ b }) => [
      {
        carries: "a rule of the session's company",
        call: submit({ type: "WITHDRAWAL_IN_TRANSIT", enabled: "on", days: "6" }),
        expect: ok({ type: "WITHDRAWAL_IN_TRANSIT", enabled: true }),
        then: async ({ a }) => {
          expect(await db.alertRule.findUniqueOrThrow({ where: { orgId_type: { orgId: b.owner.orgId, type: "WITHDRAWAL_IN_TRANSIT" } } })).toMatchObject({ thresholds: { days: 6 } });
          expect(await db.alertRule.count({ where: { orgId: a.owner.orgId } })).toBe(0);
        },
      },
    ],
  },

  // ---- 回款设置 ----------------------------------------------------------------------------------
  saveAgingBucketsAction: {
    withoutForeignIds: "the session's company's aging buckets; day bounds, not ids",
    probes: ({ b }) => [
      {
        carries: "new bounds",
        call: submit({ notDueBucketDays: "3", overdueBucketDays: "15, 45" }),
        expect: ok({ notDueBucketDays: [3], overdueBucketDays: [15, 45] }),
        then: async () => expect(await db.receivableSettings.findUniqueOrThrow({ where: { orgId: b.owner.orgId } })).toMatchObject({ overdueBucketDays: [15, 45] }),
      },
    ],
  },
  resetAgingBucketsAction: {
    withoutForeignIds: "the session's company's aging buckets back to the defaults",
    probes: ({ b }) => [
      {
        carries: "nothing but the reset",
        call: submit({}),
        expect: ok({ notDueBucketDays: [7, 30] }),
        then: async () => expect(await db.receivableSettings.findUniqueOrThrow({ where: { orgId: b.owner.orgId } })).toMatchObject({ notDueBucketDays: [] }),
      },
    ],
  },
  createFollowUpLevelAction: {
    withoutForeignIds: "creates a level in the session's company",
    probes: ({ b }) => [
      {
        carries: "a new level",
        call: submit({ days: "5", name: "乙的级别", action: "乙的处理" }),
        expect: ok({ id: expect.any(String) }),
        then: async () => expect(await db.followUpLevel.count({ where: { orgId: b.owner.orgId, days: 5 } })).toBe(1),
      },
    ],
  },
  updateFollowUpLevelAction: { probes: ({ a }) => [{ carries: "A's level id", call: submit({ id: a.followUpLevelId, days: "2", name: "劫持", action: "劫持" }), expect: notFound() }] },
  deleteFollowUpLevelAction: { probes: ({ a }) => [{ carries: "A's level id", call: submit({ id: a.followUpLevelId }), expect: notFound() }] },
  adoptDefaultLevelsAction: {
    withoutForeignIds: "copies the default levels into the session's company",
    probes: ({ b }) => [
      {
        carries: "the default levels",
        call: submit({}),
        // Starts from a company without levels of its own (createFollowUpLevelAction may have run first).
        before: async () => (await db.followUpLevel.deleteMany({ where: { orgId: b.owner.orgId } })).count,
        expect: ok({ created: 4 }),
        then: async () => expect(await db.followUpLevel.count({ where: { orgId: b.owner.orgId } })).toBe(4),
      },
    ],
  },

  createSavedReportAction: {
    probes: ({ a, b }) => [
      {
        carries: "A's store id as a filter value",
        call: submit({ name: "乙的报表", shared: "on", spec: payload({ version: 1, source: "orders", measures: ["count"], filters: { values: { store: [a.storeId] } } }) }),
        expect: notFound("storeNotFound"),
        then: async () => expect(await db.savedReport.count({ where: { orgId: { in: [a.owner.orgId, b.owner.orgId] }, name: "乙的报表" } })).toBe(0),
      },
      {
        carries: "A's fund account id as a filter value",
        call: submit({ name: "乙的报表", spec: payload({ version: 1, source: "bankRows", measures: ["count"], filters: { values: { account: [a.fundAccountId] } } }) }),
        expect: notFound("fundAccountNotFound"),
      },
    ],
  },
  updateSavedReportAction: {
    probes: ({ a }) => [{ carries: "A's saved report id", call: submit({ id: a.savedReportId, name: "劫持", shared: "on", spec: payload({ version: 1, source: "orders", measures: ["count"] }) }), expect: notFound("savedReportNotFound") }],
  },
  shareSavedReportAction: { probes: ({ a }) => [{ carries: "A's saved report id", call: submit({ id: a.savedReportId }), expect: notFound("savedReportNotFound") }] },
  duplicateSavedReportAction: { probes: ({ a }) => [{ carries: "A's saved report id", call: submit({ id: a.savedReportId }), expect: notFound("savedReportNotFound") }] },
  deleteSavedReportAction: { probes: ({ a }) => [{ carries: "A's saved report id", call: submit({ id: a.savedReportId }), expect: notFound("savedReportNotFound") }] },

  requestExportAction: {
    withoutForeignIds: "a page id and that page's filters; A's store id as a filter must export none of A's rows",
    probes: ({ a }) => [
      {
        carries: "A's store id as the matched list's filter",
        call: submit({ source: "matched", format: "XLSX", params: payload({ store: a.storeId }) }),
        expect: ok(),
        then: async ({ a, b }) => {
          // B's line, B's job; the store filter is refused when the job reads it (not B's store).
          expect(await db.exportFile.count({ where: { orgId: a.owner.orgId, createdById: b.owner.userId } })).toBe(0);
          expect(await db.exportFile.count({ where: { orgId: b.owner.orgId, params: { equals: { store: a.storeId } } } })).toBe(1);
        },
      },
    ],
  },
  cancelExportJobAction: {
    probes: ({ a }) => [
      {
        carries: "A's job writing an export",
        call: submit({ jobId: a.exportJobId }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.job.findFirstOrThrow({ where: { id: a.exportJobId } })).toMatchObject({ cancelRequested: false, status: "RUNNING" }),
      },
    ],
  },
  deleteExportAction: {
    probes: ({ a }) => [
      {
        carries: "A's export id",
        call: submit({ id: a.exportId }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.exportFile.count({ where: { orgId: a.owner.orgId, id: a.exportId } })).toBe(1),
      },
    ],
  },
  cancelImportJobAction: {
    probes: ({ a }) => [
      {
        carries: "A's job reading a file",
        call: submit({ jobId: a.jobs.reading }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.job.findFirstOrThrow({ where: { id: a.jobs.reading } })).toMatchObject({ cancelRequested: false }),
      },
    ],
  },
  cancelRunAction: {
    probes: ({ a }) => [
      {
        carries: "A's run job",
        call: submit({ jobId: a.jobs.run }),
        expect: notFound(),
        then: async ({ a }) => expect(await db.job.findFirstOrThrow({ where: { id: a.jobs.run } })).toMatchObject({ cancelRequested: false }),
      },
    ],
  },

  // ---- reconciliation runs ----------------------------------------------------------------------
  startReconciliationAction: {
    // A run may be scoped to a store or a fund account (lib/match-runs/run-scope.ts): A's ids are
    // not found, and no run is started or queued for B either.
    probes: ({ a }) => [
      { carries: "A's store", call: submit({ storeId: a.storeId }), expect: notFound("storeNotFound"), then: async ({ b }) => expect(await db.reconciliationRun.count({ where: { orgId: b.owner.orgId } })).toBe(0) },
      { carries: "A's fund account", call: submit({ accountId: a.fundAccountId }), expect: notFound("fundAccountNotFound"), then: async ({ b }) => expect(await db.reconciliationRun.count({ where: { orgId: b.owner.orgId } })).toBe(0) },
    ],
  },

  // ---- workspace -------------------------------------------------------------------------------
  confirmProposalsAction: { probes: ({ a }) => [{ carries: "A's proposed group id", call: submit({ payload: payload([a.groups.proposed]) }), expect: notFound() }] },
  rejectProposalsAction: { probes: ({ a }) => [{ carries: "A's proposed group id", call: submit({ payload: payload([a.groups.proposed]) }), expect: notFound() }] },
  manualMatchAction: {
    probes: ({ a, b }) => [
      {
        carries: "A's order and bank row ids",
        call: submit({ payload: payload({ upstream: [{ side: "order", id: a.rows.order }], downstream: [{ side: "bank", id: a.rows.bank }], adjustments: [] }) }),
        expect: notFound(),
      },
      {
        carries: "B's order with A's bank row id",
        call: submit({ payload: payload({ upstream: [{ side: "order", id: b.rows.order }], downstream: [{ side: "bank", id: a.rows.bank }], adjustments: [] }) }),
        expect: notFound(),
      },
      {
        carries: "A's settlement line id with B's bank row",
        call: submit({ payload: payload({ upstream: [{ side: "settlement", id: a.rows.settlement }], downstream: [{ side: "bank", id: b.rows.bank }], adjustments: [] }) }),
        expect: notFound(),
      },
    ],
  },
  approveMatchesAction: { probes: ({ a }) => [{ carries: "A's pending group id", call: submit({ payload: payload([a.groups.pending]) }), expect: notFound() }] },
  declineMatchesAction: { probes: ({ a }) => [{ carries: "A's pending group id", call: submit({ payload: payload([a.groups.pending]), reason: "不对" }), expect: notFound() }] },
  reverseMatchesAction: {
    probes: ({ a }) => [
      { carries: "A's confirmed group id", call: submit({ payload: payload([a.groups.confirmed]), reason: "劫持" }), expect: notFound() },
      { carries: "A's pending group id", call: submit({ payload: payload([a.groups.pending]), reason: "劫持" }), expect: notFound() },
    ],
  },
  previewUndoAction: {
    withoutForeignIds: "describes the session user's own last action in the session's company",
    // B's owner has done nothing in B: A's actions are not B's to see.
    probes: () => [{ carries: "nothing to describe", call: submit({}), expect: ok(null) }],
  },
  undoAction: {
    withoutForeignIds: "takes back the session user's own last action in the session's company",
    probes: () => [{ carries: "nothing to undo", call: submit({}), expect: ok({ undone: false }) }],
  },
  addNoteAction: {
    probes: ({ a }) => [
      { carries: "A's order id", call: submit({ target: "ORDER", targetId: a.rows.order, body: "窥探" }), expect: notFound() },
      { carries: "A's settlement line id", call: submit({ target: "SETTLEMENT", targetId: a.rows.settlement, body: "窥探" }), expect: notFound() },
      { carries: "A's bank row id", call: submit({ target: "BANK", targetId: a.rows.bank, body: "窥探" }), expect: notFound() },
      { carries: "A's group id", call: submit({ target: "GROUP", targetId: a.groups.confirmed, body: "窥探" }), expect: notFound() },
    ],
  },
  // ---- not for reconciliation and the close checklist ------------------------------------------
  excludeRowsAction: {
    probes: ({ a }) =>
      (["order", "settlement", "bank"] as const).map((side) => ({
        carries: `A's ${side} row id`,
        call: submit({ payload: payload([{ side, id: a.rows[side] }]), reason: "OTHER", note: "劫持" }),
        expect: notFound(),
      })),
  },
  acceptExclusionSuggestionsAction: {
    probes: ({ a }) => [
      { carries: "A's order id", call: submit({ payload: payload([{ side: "order", id: a.rows.order, reason: "CLOSED_ORDER" }]) }), expect: notFound() },
      { carries: "A's bank row id", call: submit({ payload: payload([{ side: "bank", id: a.rows.bank, reason: "TAX" }]) }), expect: notFound() },
    ],
  },
  restoreRowsAction: {
    probes: ({ a }) => (["order", "settlement", "bank"] as const).map((side) => ({ carries: `A's ${side} row id`, call: submit({ payload: payload([{ side, id: a.rows[side] }]) }), expect: notFound() })),
  },
  // Months are not ids; B's checklist of the month A locked counts B's rows only (B has none there).
  monthChecklistAction: {
    withoutForeignIds: "a month of the session's company (A has open rows in the month it locked; B has none)",
    probes: ({ a }) => [{ carries: "the month A locked", call: submit({ month: a.lockedMonth }), expect: ok({ openRows: 0, groups: [], openProposals: 0, pendingApprovals: 0, excludedRows: 0 }) }],
  },
  // ---- table layouts ----------------------------------------------------------------------------
  saveTablePreferenceAction: {
    withoutForeignIds: "a table name and a layout, stored for the session's person in the session's company",
    probes: ({ b }) => [
      {
        carries: "a layout for the proposals table",
        call: submit({ payload: payload({ tableKey: "groups.proposals", widths: { amount: 140 }, hidden: ["reason"], pageSize: 100 }) }),
        expect: ok(null),
        then: async () =>
          expect(await db.tablePreference.findMany({ where: { tableKey: "groups.proposals" }, select: { orgId: true, userId: true, pageSize: true } })).toEqual([
            { orgId: b.owner.orgId, userId: b.owner.userId, pageSize: 100 },
          ]),
      },
    ],
  },
  // Months are not ids: each company has its own calendar. A's closed months must not show through.
  submitMonthAction: {
    withoutForeignIds: "a month of the session's company (A's is locked; B's own opens for submission)",
    probes: ({ a, b }) => [
      {
        carries: "the month A locked",
        call: submit({ month: a.lockedMonth }),
        expect: ok({ month: a.lockedMonth }),
        then: async () => expect(await db.period.findUniqueOrThrow({ where: { orgId_month: { orgId: b.owner.orgId, month: a.lockedMonth } } })).toMatchObject({ status: "SUBMITTED" }),
      },
    ],
  },
  lockMonthAction: {
    withoutForeignIds: "a month of the session's company (A's is submitted, B's is not)",
    probes: ({ a }) => [{ carries: "the month A submitted", call: submit({ month: a.submittedMonth }), expect: refused("monthNotSubmitted", { month: a.submittedMonth }) }],
  },
  returnMonthAction: {
    withoutForeignIds: "a month of the session's company (A's is submitted, B's is not)",
    probes: ({ a }) => [{ carries: "the month A submitted", call: submit({ month: a.submittedMonth }), expect: refused("monthNotSubmitted", { month: a.submittedMonth }) }],
  },
  reopenMonthAction: {
    withoutForeignIds: "a month of the session's company (A's is locked, B's is not)",
    probes: ({ a }) => [{ carries: "the month A locked", call: submit({ month: a.lockedMonth, reason: "劫持" }), expect: refused("monthNotLocked", { month: a.lockedMonth }) }],
  },
  // Read-only: a row that is not among the company's open rows has no candidates. A's row must get
  // exactly the answer a row that exists nowhere gets.
  suggestAction: {
    probes: ({ a }) => [
      {
        carries: "A's order id",
        call: submit({ side: "order", id: a.rows.order, list: "orders", pane: "left", otherList: "bank" }),
        expect: ok({ candidates: [] }),
      },
      {
        carries: "A's bank row id",
        call: submit({ side: "bank", id: a.rows.bank, list: "bank", pane: "right", otherList: "orders" }),
        expect: ok({ candidates: [] }),
      },
    ],
  },
  updateThresholdsAction: {
    withoutForeignIds: "the session's company's thresholds",
    probes: ({ b }) => [
      {
        carries: "new thresholds",
        call: submit({ writeOff: "12.34", writeOffPercent: "0.5", manualMatch: "5000" }),
        expect: ok({ saved: true }),
        then: async () => expect(await db.organization.findUniqueOrThrow({ where: { id: b.owner.orgId } })).toMatchObject({ writeOffApprovalMinor: 1234n }),
      },
    ],
  },
};
