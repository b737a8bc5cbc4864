// The audit log's sentences, rendered with the real messages in both languages: names, yuan,
// percent, months, ICU plurals; never raw ids or JSON; an unknown kind still reads.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { AUDIT_KINDS, describeAuditEntry, type AuditSentenceEntry, type Translate } from "@/lib/audit/audit-sentences";
import { NO_LOOKUPS, type AuditLookups } from "@/lib/audit/load-audit-lookups";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

function translator(locale: "zh-CN" | "en"): Translate {
  const t = createTranslator({ locale, messages: locale === "en" ? en : zh });
  const call = ((key: string, values?: Record<string, string | number>) => t(key as never, values as never)) as Translate;
  call.has = (key: string) => t.has(key as never);
  return call;
}
const ZH = translator("zh-CN");
const EN = translator("en");

const G1 = "0195a7c0-0000-7000-8000-000000000001";
const G2 = "0195a7c0-0000-7000-8000-000000000002";
const G3 = "0195a7c0-0000-7000-8000-000000000003";

function entry(action: string, fields: Partial<AuditSentenceEntry> = {}): AuditSentenceEntry {
  return { action, entityType: "Store", entityId: null, before: null, after: null, ...fields };
}
const say = (e: AuditSentenceEntry, lookups: AuditLookups = NO_LOOKUPS) => ({ zh: describeAuditEntry(e, ZH, "zh-CN", lookups), en: describeAuditEntry(e, EN, "en", lookups) });

const store = { name: "天猫旗舰店", platform: "TMALL", currency: "CNY", settlementTermsDays: 7, feeRateBps: 60, archivedAt: null, id: "x", orgId: "y" };

describe("audit sentences", () => {
  it("says which rows left reconciliation and why, and a month closed with open items confirmed", () => {
    const marked = say(entry("row.exclude", { entityType: "ExcludedRow", after: { rows: [{ side: "BANK", id: "7", ref: "房东" }, { side: "BANK", id: "8", ref: null }], reason: "RENT", note: "三月房租" } }));
    expect(marked.zh).toBe("把 房东 等 2 行 标记为不参与对账，原因：房租（三月房租）");
    expect(marked.en).toBe("Marked 2 rows (房东, …) as not for reconciliation: Rent (三月房租)");
    const restored = say(entry("row.restore", { entityType: "ExcludedRow", before: { rows: [{ side: "ORDER", id: "9", ref: "T-1", reason: "CLOSED_ORDER" }] } }));
    expect(restored.zh).toBe("把 T-1 恢复为参与对账");
    const locked = say(entry("period.lock", { entityType: "Period", entityId: "2025-03", after: { openRows: 3, openProposals: 1, excludedRows: 2, confirmedOpenItems: true } }));
    expect(locked.zh).toBe("锁定了 2025-03 期间（确认带 4 项未达账项锁定）");
    expect(locked.en).toBe("Locked 2025-03 with 4 open items confirmed");
    expect(say(entry("period.lock", { entityType: "Period", entityId: "2025-03", after: { openRows: 0, openProposals: 0, confirmedOpenItems: false } })).zh).toBe("锁定了 2025-03 期间");
  });

  it("says a store's fee rate change in percent, naming the store", () => {
    const s = say(entry("store.update", { before: store, after: { ...store, feeRateBps: 50, updatedAt: "2025-11-01" } }));
    expect(s.zh).toBe("把店铺「天猫旗舰店」的费率从 0.6% 改为 0.5%");
    expect(s.en).toBe("Changed the store “天猫旗舰店”: fee rate from 0.6% to 0.5%");
  });

  it("lists several changes and says plurals in English", () => {
    const s = say(entry("store.update", { before: store, after: { ...store, settlementTermsDays: 1, platform: "JD" } }));
    expect(s.zh).toBe("把店铺「天猫旗舰店」的平台从 天猫 改为 京东；账期从 7 天 改为 1 天");
    expect(s.en).toBe("Changed the store “天猫旗舰店”: platform from Tmall to JD; terms from 7 days to 1 day");
  });

  it("names the automatic-confirmation days of a store, empty as the platform default", () => {
    const own = say(entry("store.update", { before: { ...store, autoConfirmDays: null }, after: { ...store, autoConfirmDays: 15 } }));
    expect(own.zh).toBe("把店铺「天猫旗舰店」的自动确认收货天数从 平台默认 改为 15 天");
    expect(own.en).toBe("Changed the store “天猫旗舰店”: automatic confirmation from the platform default to 15 days");
    const back = say(entry("store.update", { before: { ...store, autoConfirmDays: 1 }, after: { ...store, autoConfirmDays: null } }));
    expect(back.en).toBe("Changed the store “天猫旗舰店”: automatic confirmation from 1 day to the platform default");
  });

  it("says the aging buckets and follow-up levels a company changed", () => {
    const buckets = say(entry("receivableSettings.update", { entityType: "ReceivableSettings", before: { notDueBucketDays: [7, 30], overdueBucketDays: [7, 30, 60, 90] }, after: { notDueBucketDays: [7, 30], overdueBucketDays: [15, 45] } }));
    expect(buckets.zh).toBe("修改了账龄分段：逾期分段从 7, 30, 60, 90 天 改为 15, 45 天");
    expect(buckets.en).toBe("Changed the aging buckets: overdue buckets from 7, 30, 60, 90 days to 15, 45 days");
    const reset = say(entry("receivableSettings.update", { entityType: "ReceivableSettings", before: { notDueBucketDays: [3], overdueBucketDays: [15, 45] }, after: { notDueBucketDays: [7, 30], overdueBucketDays: [7, 30, 60, 90], reset: true } }));
    expect(reset.zh).toBe("把账龄分段恢复为默认（未到期 7, 30 天；逾期 7, 30, 60, 90 天）");
    expect(reset.en).toBe("Reset the aging buckets to the defaults (not yet due: 7, 30 days; overdue: 7, 30, 60, 90 days)");
    const level = { id: G1, orgId: G2, days: 8, name: "催办", action: "联系平台客服，记下工单号" };
    expect(say(entry("followUpLevel.create", { entityType: "FollowUpLevel", entityId: G1, after: level }))).toEqual({
      zh: "新建了跟进级别「催办」（逾期 8 天起：联系平台客服，记下工单号）",
      en: "Created the follow-up level “催办” (from 8 days overdue: 联系平台客服，记下工单号)",
    });
    expect(say(entry("followUpLevel.update", { entityType: "FollowUpLevel", entityId: G1, before: level, after: { ...level, days: 1 } })).en).toBe(
      "Changed the follow-up level “催办”: start (days overdue) from 8 days to 1 day",
    );
    expect(say(entry("followUpLevel.delete", { entityType: "FollowUpLevel", entityId: G1, before: { ...level, days: 1 } })).en).toBe("Deleted the follow-up level “催办” (from 1 day overdue)");
  });

  it("describes a new store with its platform, rate and terms", () => {
    const s = say(entry("store.create", { after: { ...store, settlementTermsDays: 1 } }));
    expect(s.zh).toBe("新建了店铺「天猫旗舰店」（天猫，费率 0.6%，账期 1 天）");
    expect(s.en).toBe("Created the store “天猫旗舰店” (Tmall, fee rate 0.6%, terms 1 day)");
  });

  it("sums the confirmed groups in yuan, never CN¥", () => {
    const lookups: AuditLookups = {
      ...NO_LOOKUPS,
      groups: new Map([
        [G1, { amountMinor: 100_000n, currency: "CNY" }],
        [G2, { amountMinor: 23_456n, currency: "CNY" }],
        [G3, { amountMinor: 0n, currency: "CNY" }],
      ]),
    };
    const s = say(entry("match.confirm", { entityType: "MatchGroup", after: { groups: [G1, G2, G3], skipped: [] } }), lookups);
    expect(s.zh).toBe("确认了 3 条匹配建议，合计 ¥1,234.56");
    expect(s.en).toBe("Confirmed 3 proposals, ¥1,234.56 in all");
    const one = say(entry("match.confirm", { entityType: "MatchGroup", entityId: G1, after: { groups: [G1], skipped: [{ id: G2, reason: "gone" }] } }), lookups);
    expect(one.en).toBe("Confirmed 1 proposal, ¥1,000.00 in all; 1 could not be confirmed");
    expect(one.zh).toBe("确认了 1 条匹配建议，合计 ¥1,000.00；1 条未能确认");
  });

  it("keeps other currencies apart", () => {
    const lookups: AuditLookups = { ...NO_LOOKUPS, groups: new Map([[G1, { amountMinor: 500n, currency: "CNY" }], [G2, { amountMinor: 699n, currency: "USD" }]]) };
    expect(say(entry("match.approve", { entityType: "MatchGroup", after: { groups: [G1, G2] } }), lookups).en).toBe("Approved 2 manual matches, ¥5.00 + $6.99 in all");
  });

  it("names the file and row count of an import, grouped by thousands", () => {
    const s = say(entry("import.commit", { entityType: "ImportBatch", after: { fileName: "文件名.xlsx", rows: 1234, inserted: 1234, duplicates: 0 } }));
    expect(s.zh).toBe("导入了 文件名.xlsx（1,234 行）");
    expect(s.en).toBe("Imported 文件名.xlsx (1,234 rows)");
    const again = say(entry("import.commit", { entityType: "ImportBatch", after: { fileName: "a.csv", rows: 3, inserted: 1, duplicates: 2 } }));
    expect(again.en).toBe("Imported a.csv (1 row; 2 already present, not added again)");
    expect(again.zh).toBe("导入了 a.csv（1 行，另有 2 行已存在，未重复导入）");
  });

  it("names the month of a period action", () => {
    expect(say(entry("period.lock", { entityType: "Period", entityId: "2025-11", before: { status: "SUBMITTED" }, after: { status: "LOCKED" } }))).toEqual({ zh: "锁定了 2025-11 期间", en: "Locked 2025-11" });
    expect(say(entry("period.reopen", { entityType: "Period", entityId: "2025-11", after: { status: "OPEN", reason: "补录退款" } })).zh).toBe("重新打开了 2025-11 期间，原因：补录退款");
  });

  it("writes a manual match with its amount, write-off and approval state", () => {
    const after = {
      status: "PENDING_APPROVAL",
      link: "PAYOUT_BANK",
      items: [
        { side: "SETTLEMENT", rowId: "1", slot: "up", amountMinor: "-10000" },
        { side: "BANK", rowId: "2", slot: "down", amountMinor: "9990" },
      ],
      adjustments: [{ type: "FEE", amountMinor: "10", note: "手续费" }],
    };
    const s = say(entry("match.create", { entityType: "MatchGroup", entityId: G1, after }));
    expect(s.zh).toBe("人工匹配了 2 行（提现 ↔ 银行到账），金额 ¥100.00，核销差额 ¥0.10，待审批");
    expect(s.en).toBe("Matched 2 rows by hand (Withdrawal ↔ bank receipt), ¥100.00, writing off ¥0.10; awaiting approval");
  });

  it("does not call a list changed when only its order moved, except where order is the meaning", () => {
    const before = { version: "default-1", autoConfirm: { enabled: true, types: ["COMMISSION", "FEE"] }, passes: ["A", "B"], toleranceMinor: "100" };
    const same = { version: "org-v1", autoConfirm: { types: ["FEE", "COMMISSION"], enabled: true }, passes: ["A", "B"], toleranceMinor: "250" };
    expect(say(entry("reconcileRules.update", { before, after: same })).zh).toBe("修改了匹配规则（默认规则 → 第 1 版）：金额容差从 ¥1.00 改为 ¥2.50");
    expect(say(entry("reconcileRules.update", { before, after: { ...same, passes: ["B", "A"] } })).en).toBe(
      "Changed the matching rules (the defaults → version 1): order of passes changed; amount tolerance from ¥1.00 to ¥2.50",
    );
  });

  it("uses role and account-type words, not codes", () => {
    const s = say(entry("member.role", { entityType: "Membership", before: { email: "a@b.cn", role: "ACCOUNTANT" }, after: { email: "a@b.cn", role: "REVIEWER" } }));
    expect(s.en).toBe("Changed the role of a@b.cn from Accountant to Reviewer");
    const account = say(entry("account.create", { entityType: "FundAccount", after: { name: "招商银行基本户", type: "BANK", institution: "招商银行", accountNumber: "****5678" } }));
    expect(account.zh).toBe("新建了资金账户「招商银行基本户」（银行账户，招商银行，账号 ****5678）");
  });

  it("gives every kind written today a sentence with no raw JSON or ids", () => {
    const samples: Record<string, Partial<AuditSentenceEntry>> = {
      "org.create": { after: { name: "示例公司", slug: "demo" } },
      "org.approvalThresholds": { before: { writeOffApprovalMinor: "0", writeOffApprovalBps: 0, manualMatchApprovalMinor: "10000000" }, after: { writeOffApprovalMinor: "10000", writeOffApprovalBps: 100, manualMatchApprovalMinor: "10000000" } },
      "store.create": { after: store },
      "store.update": { before: store, after: { ...store, name: "天猫店" } },
      "store.archive": { before: store, after: store },
      "store.restore": { before: store, after: store },
      "account.create": { after: { name: "支付宝", type: "ALIPAY" } },
      "account.update": { before: { name: "支付宝", institution: "" }, after: { name: "支付宝", institution: "蚂蚁" } },
      "account.archive": { before: { name: "支付宝" }, after: { name: "支付宝" } },
      "account.restore": { before: { name: "支付宝" }, after: { name: "支付宝" } },
      "member.role": { before: { email: "a@b.cn", role: "VIEWER" }, after: { email: "a@b.cn", role: "ADMIN" } },
      "member.remove": { before: { email: "a@b.cn", role: "VIEWER" } },
      "invitation.create": { after: { email: "a@b.cn", role: "VIEWER", expiresAt: "2025-11-10T00:00:00.000Z" } },
      "invitation.revoke": { before: { email: "a@b.cn", role: "VIEWER" } },
      "invitation.accept": { after: { email: "a@b.cn", role: "VIEWER", newAccount: true } },
      "import.commit": { after: { fileName: "a.csv", rows: 1, inserted: 1, duplicates: 0 } },
      "import.undo": { before: { fileName: "a.csv", rows: 2 }, after: { removedRows: 2 } },
      "import.cancel": { before: { fileName: "a.csv", status: "PREVIEW" } },
      "job.cancel": { entityType: "ImportBatch", entityId: G1, after: { jobId: G2, kind: "import-commit", outcome: "requested" } },
      "mapping.save": { after: { name: "自定义格式", mapping: { kind: "orders" } } },
      "receivableSettings.update": { entityType: "ReceivableSettings", before: { notDueBucketDays: [7, 30], overdueBucketDays: [7, 30, 60, 90] }, after: { notDueBucketDays: [7], overdueBucketDays: [7, 30, 60, 90] } },
      "followUpLevel.create": { entityType: "FollowUpLevel", entityId: G1, after: { id: G1, orgId: G2, days: 1, name: "提醒", action: "核对平台账单" } },
      "followUpLevel.update": { entityType: "FollowUpLevel", entityId: G1, before: { id: G1, orgId: G2, days: 1, name: "提醒", action: "核对平台账单" }, after: { id: G1, orgId: G2, days: 1, name: "提醒", action: "核对账单与提现" } },
      "followUpLevel.delete": { entityType: "FollowUpLevel", entityId: G1, before: { id: G1, orgId: G2, days: 1, name: "提醒", action: "核对平台账单" } },
      "receivable.followUp": { entityType: "OrderReceivable", entityId: "250301-1", after: { orders: 1, orderNos: ["250301-1"], ownerId: G2, ownerName: "王会计", state: "IN_PROGRESS" } },
      "export.create": { entityType: "ExportFile", entityId: G1, after: { source: "matched", format: "XLSX", params: { store: G2 }, title: "已匹配" } },
      "export.delete": { entityType: "ExportFile", entityId: G1, before: { source: "matched", format: "PDF", title: "已匹配", fileName: "已匹配_2026-12-04_1432.pdf" } },
      "match.create": { entityType: "MatchGroup", entityId: G1, after: { status: "CONFIRMED", link: "ORDER_BANK", items: [], adjustments: [] } },
      "match.confirm": { entityType: "MatchGroup", after: { groups: [G1], skipped: [] } },
      "match.reject": { entityType: "MatchGroup", after: { groups: [G1, G2], pairs: 2 } },
      "match.approve": { entityType: "MatchGroup", after: { groups: [G1] } },
      "row.exclude": { entityType: "ExcludedRow", after: { rows: [{ side: "BANK", id: "1", ref: "房东" }], reason: "RENT" } },
      "row.restore": { entityType: "ExcludedRow", before: { rows: [{ side: "BANK", id: "1", ref: "房东", reason: "RENT" }] } },
      "match.decline": { entityType: "MatchGroup", after: { groups: [G1], reason: "金额不对" } },
      "match.reverse": { entityType: "MatchGroup", after: { groups: [G1], reason: "重复" } },
      "match.undo": { entityType: "MatchGroup", after: { undid: "CONFIRM", groups: [G1, G2] } },
      "period.submit": { entityType: "Period", entityId: "2025-11" },
      "period.lock": { entityType: "Period", entityId: "2025-11" },
      "period.return": { entityType: "Period", entityId: "2025-11" },
      "period.reopen": { entityType: "Period", entityId: "2025-11", after: { reason: "补录" } },
      "note.create": { entityType: "Note", entityId: G1, after: { target: "BANK", targetId: "123", body: "客户说下周付" } },
      "reconcileRules.update": { entityType: "ReconcileRuleSet", before: { version: "org-v1", dateWindowDays: 3, toleranceMinor: "100" }, after: { version: "org-v2", dateWindowDays: 5, toleranceMinor: "200" } },
      "reconcileRules.reset": { entityType: "ReconcileRuleSet", before: { version: "org-v2" }, after: { version: "default-1" } },
      "savedReport.create": { entityType: "SavedReport", entityId: G1, after: { name: "店铺月度销售", shared: true, ownerId: G2, spec: { version: 1 } } },
      "savedReport.update": { entityType: "SavedReport", entityId: G1, before: { name: "店铺月度销售", shared: false, spec: { version: 1 } }, after: { name: "店铺月度销售", shared: true, spec: { version: 1 } } },
      "savedReport.duplicate": { entityType: "SavedReport", entityId: G3, after: { name: "店铺月度销售 副本", shared: false, fromId: G1, fromName: "店铺月度销售" } },
      "savedReport.delete": { entityType: "SavedReport", entityId: G1, before: { name: "店铺月度销售", shared: true } },
      "alerts.compute": { entityType: "Alert", after: { asOf: "2025-04-01", raised: 3, reopened: 1, cleared: 0, raisedIds: [G1, G2, G3], reopenedIds: [G1], clearedIds: [] } },
      "alerts.assign": { entityType: "Alert", entityId: G1, before: { type: "OVERDUE_RECEIVABLE", status: "NEW" }, after: { type: "OVERDUE_RECEIVABLE", status: "IN_PROGRESS", assigneeId: G2, assigneeName: "王会计", self: false, note: null } },
      "alerts.resolve": { entityType: "Alert", entityId: G1, after: { type: "BALANCE_BREAK", status: "RESOLVED", note: "银行补发了对账单" } },
      "alerts.ignore": { entityType: "Alert", entityId: G1, after: { type: "UNUSUAL_CHANGE", status: "IGNORED", reason: "双十一大促" } },
      "alerts.reopen": { entityType: "Alert", entityId: G1, after: { type: "DUPLICATE_ROW", status: "IN_PROGRESS", note: "又出现了" } },
      "alertRule.update": {
        entityType: "AlertRule",
        entityId: "OVERDUE_RECEIVABLE",
        before: { type: "OVERDUE_RECEIVABLE", enabled: true, thresholds: { days: 30, minAmountMinor: 0 } },
        after: { type: "OVERDUE_RECEIVABLE", enabled: false, thresholds: { days: 45, minAmountMinor: 100000 } },
      },
    };
    expect(Object.keys(samples).sort()).toEqual([...AUDIT_KINDS].sort());
    for (const [action, fields] of Object.entries(samples)) {
      for (const sentence of Object.values(say(entry(action, fields)))) {
        expect(sentence, action).not.toMatch(/[{}]|0195a7c0|undefined|null|NaN|\[object/);
        expect(sentence.length, action).toBeGreaterThan(4);
      }
    }
    expect(say(entry("reconcileRules.update", samples["reconcileRules.update"])).zh).toBe("修改了匹配规则（第 1 版 → 第 2 版）：日期窗口从 3 天 改为 5 天；金额容差从 ¥1.00 改为 ¥2.00");
    expect(say(entry("org.approvalThresholds", samples["org.approvalThresholds"])).en).toBe(
      "Changed the approval thresholds: write-off approval amount from ¥0.00 to ¥100.00; write-off approval share from 0% to 1%",
    );
    expect(say(entry("receivable.followUp", samples["receivable.followUp"]))).toEqual({
      zh: "更新了250301-1的回款跟进：负责人 王会计，状态 跟进中",
      en: "Updated the follow-up of 250301-1: owner 王会计, state In progress",
    });
    expect(say(entry("export.create", samples["export.create"]))).toEqual({ zh: "导出了「已匹配」（Excel）", en: "Exported “已匹配” (Excel)" });
    expect(say(entry("job.cancel", samples["job.cancel"]), { ...NO_LOOKUPS, batches: new Map([[G1, "订单.xlsx"]]) }).zh).toBe("请求停止导入任务（订单.xlsx）");
  });

  it("says what was done to an alert and its rule, in yuan, percent and days", () => {
    expect(say(entry("alerts.compute", { entityType: "Alert", after: { asOf: "2025-04-01", raised: 1, reopened: 0, cleared: 2, raisedIds: [G1] } }))).toEqual({
      zh: "计算风险预警（截至 2025-04-01）：新增 1 条，重新打开 0 条，自动解决 2 条",
      en: "Computed the risk alerts (as of 2025-04-01): 1 raised, 0 reopened, 2 cleared",
    });
    expect(say(entry("alerts.assign", { entityType: "Alert", entityId: G1, after: { type: "OVERDUE_RECEIVABLE", assigneeName: "王会计", self: false, note: "本周跟进" } }))).toEqual({
      zh: "把「逾期应收」预警指派给 王会计（本周跟进）",
      en: "Assigned the “Overdue receivable” alert to 王会计 (本周跟进)",
    });
    expect(say(entry("alerts.assign", { entityType: "Alert", entityId: G1, after: { type: "FEE_RATE_HIGH", assigneeName: "李四", self: true, note: null } })).zh).toBe("开始处理「费率偏高」预警");
    expect(say(entry("alerts.resolve", { entityType: "Alert", entityId: G1, after: { type: "BALANCE_BREAK", note: "银行补发了对账单" } })).en).toBe("Resolved the “Balance break” alert: 银行补发了对账单");
    expect(say(entry("alerts.ignore", { entityType: "Alert", entityId: G1, after: { type: "UNUSUAL_CHANGE", reason: "双十一大促" } })).zh).toBe("忽略了「异常波动」预警，原因：双十一大促");
    expect(say(entry("alerts.reopen", { entityType: "Alert", entityId: G1, after: { type: "DUPLICATE_ROW", note: "又出现了" } })).zh).toBe("重新打开了「重复导入」预警：又出现了");
    const rule = say(
      entry("alertRule.update", {
        entityType: "AlertRule",
        entityId: "FEE_RATE_HIGH",
        before: { type: "FEE_RATE_HIGH", enabled: true, thresholds: { toleranceBps: 50, learnedFactorPct: 150, minFeeMinor: 10000 } },
        after: { type: "FEE_RATE_HIGH", enabled: false, thresholds: { toleranceBps: 75, learnedFactorPct: 150, minFeeMinor: 25050 } },
      }),
    );
    expect(rule.zh).toMatch(/^修改了预警规则「费率偏高」：启用从 是 改为 否；.*从 0.5% 改为 0.75%；.*从 ¥100.00 改为 ¥250.50$/);
    expect(rule.en).toMatch(/^Changed the alert rule “High fee rate”: on from yes to no; .* from 0.5% to 0.75%; .* from ¥100.00 to ¥250.50$/);
    const days = say(entry("alertRule.update", { entityType: "AlertRule", entityId: "WITHDRAWAL_IN_TRANSIT", before: { type: "WITHDRAWAL_IN_TRANSIT", enabled: true, thresholds: { days: 3 } }, after: { type: "WITHDRAWAL_IN_TRANSIT", enabled: true, thresholds: { days: 1 } } }));
    expect(days.en).toMatch(/from 3 days to 1 day$/);
    expect(say(entry("alertRule.update", { entityType: "AlertRule", entityId: "DUPLICATE_ROW", before: { type: "DUPLICATE_ROW", enabled: true, thresholds: {} }, after: { type: "DUPLICATE_ROW", enabled: true, thresholds: {} } })).zh).toBe("保存了预警规则「重复导入」，没有改动");
  });

  it("says which custom report was saved, shared, renamed, changed, copied or deleted", () => {
    const spec = { version: 1, source: "orders", dimensions: ["store"], measures: ["paid"] };
    expect(say(entry("savedReport.create", { entityType: "SavedReport", entityId: G1, after: { name: "店铺销售", shared: false, spec } }))).toEqual({
      zh: "保存了自定义报表「店铺销售」（仅自己可见）",
      en: "Saved the custom report “店铺销售” (private)",
    });
    const changed = say(entry("savedReport.update", { entityType: "SavedReport", entityId: G1, before: { name: "店铺销售", shared: false, spec }, after: { name: "店铺月度销售", shared: true, spec: { ...spec, dimensions: ["store", "month"] } } }));
    expect(changed.zh).toBe("修改了自定义报表「店铺销售」：名称改为「店铺月度销售」；改为与公司共享；修改了报表内容");
    expect(changed.en).toBe("Changed the custom report “店铺销售”: renamed to “店铺月度销售”; now shared with the company; its content changed");
    expect(say(entry("savedReport.update", { entityType: "SavedReport", before: { name: "店铺销售", shared: true, spec }, after: { name: "店铺销售", shared: true, spec } })).zh).toBe("保存了自定义报表「店铺销售」，没有改动");
    expect(say(entry("savedReport.duplicate", { entityType: "SavedReport", after: { name: "店铺销售 副本", fromName: "店铺销售" } })).zh).toBe("把自定义报表「店铺销售」复制为「店铺销售 副本」");
    expect(say(entry("savedReport.delete", { entityType: "SavedReport", before: { name: "店铺销售" } })).en).toBe("Deleted the custom report “店铺销售”");
  });

  it("falls back to a readable line for a kind it does not know, and for an entry it cannot read", () => {
    expect(say(entry("rent.create", { after: { name: "房租" } }))).toEqual({ zh: "rent.create：房租", en: "rent.create: 房租" });
    expect(say(entry("store.archive", { before: "broken", after: 42 }))).toEqual({ zh: "归档店铺", en: "Store archived" });
  });
});
