// Saved custom reports (自定义报表): a name, an owner, private or shared with the company, and the
// spec. Everyone sees their own and the company's shared ones (and may run and duplicate them);
// only the owner changes or deletes a report, and an OWNER or ADMIN may also change or delete a
// shared one (a colleague who left keeps no report hostage). Someone else's private report does not
// exist for anyone else: it answers "not found", like another company's. A spec's store and account
// filters must be the company's. Each change commits with its audit row.
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { Prisma, SavedReport } from "@/lib/db/generated/client";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Role } from "@/lib/auth/roles";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";
import { parseReportSpec, type ReportSpec } from "./report-spec";
import { assertOwnIds } from "./run-custom-report";

export const MAX_REPORT_NAME = 100;

/** Who saves: a member, with the role that decides whether they may change others' shared reports. */
export type ReportActor = { orgId: string; userId: string; userEmail: string | null; role: Role };

export type SavedReportView = {
  id: string;
  name: string;
  ownerId: string;
  ownerName: string | null;
  shared: boolean;
  /** The stored JSON: parse it (runCustomReport does) before reading it. */
  spec: unknown;
  specVersion: number;
  createdAt: Date;
  updatedAt: Date;
  /** The reader may change and delete it. */
  editable: boolean;
};

export type SavedReportInput = { name: string; shared: boolean; spec: unknown };

/** Whether `actor` may change or delete `report` (which they can see). */
export function canEditReport(actor: Pick<ReportActor, "userId" | "role">, report: Pick<SavedReport, "ownerId" | "shared">): boolean {
  return report.ownerId === actor.userId || (report.shared && (actor.role === "OWNER" || actor.role === "ADMIN"));
}

function notFound(): AppError {
  return new AppError("NOT_FOUND", { messageKey: "savedReportNotFound" });
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_REPORT_NAME) throw new AppError("INVALID", { messageKey: "savedReportName", params: { max: MAX_REPORT_NAME }, field: "name" });
  return trimmed;
}

/** What the audit keeps of a report: enough to say which report, and what it showed. */
function auditView(report: Pick<SavedReport, "name" | "shared" | "spec" | "ownerId">) {
  return { name: report.name, shared: report.shared, ownerId: report.ownerId, spec: report.spec };
}

async function findVisible(tx: Tx, orgId: string, userId: string, id: string): Promise<SavedReport> {
  if (!isUuid(id)) throw notFound();
  const report = await tx.savedReport.findFirst({ where: { orgId, id, OR: [{ ownerId: userId }, { shared: true }] } });
  if (!report) throw notFound();
  return report;
}

async function findEditable(tx: Tx, actor: ReportActor, id: string): Promise<SavedReport> {
  const report = await findVisible(tx, actor.orgId, actor.userId, id);
  if (!canEditReport(actor, report)) throw new AppError("FORBIDDEN", { messageKey: "savedReportNotYours" });
  return report;
}

async function ownerNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const users = await tx.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

function view(report: SavedReport, names: Map<string, string>, actor: Pick<ReportActor, "userId" | "role">): SavedReportView {
  return {
    id: report.id,
    name: report.name,
    ownerId: report.ownerId,
    ownerName: names.get(report.ownerId) ?? null,
    shared: report.shared,
    spec: report.spec,
    specVersion: report.specVersion,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    editable: canEditReport(actor, report),
  };
}

/** The reports `actor` sees: their own, then the company's shared ones, each by name. */
export async function listSavedReports(tx: Tx, actor: Pick<ReportActor, "orgId" | "userId" | "role">): Promise<SavedReportView[]> {
  const reports = await tx.savedReport.findMany({
    where: { orgId: actor.orgId, OR: [{ ownerId: actor.userId }, { shared: true }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const names = await ownerNames(tx, reports.map((report) => report.ownerId));
  const own = reports.filter((report) => report.ownerId === actor.userId);
  const others = reports.filter((report) => report.ownerId !== actor.userId);
  return [...own, ...others].map((report) => view(report, names, actor));
}

/**
 * One report `userId` may see (their own or a shared one), or NOT_FOUND: for the page, the export
 * ("custom-report" with `{ id }`) and the CLI. Run it with runCustomReport(tx, orgId, report.spec).
 */
export async function loadSavedReport(tx: Tx, orgId: string, userId: string, id: string, role: Role = "VIEWER"): Promise<SavedReportView> {
  const report = await findVisible(tx, orgId, userId, id);
  return view(report, await ownerNames(tx, [report.ownerId]), { userId, role });
}

/** A company's shared report by its id, for who acts for no one (the CLI's export), else NOT_FOUND. */
export async function loadSharedReport(tx: Tx, orgId: string, id: string): Promise<SavedReport> {
  const report = isUuid(id) ? await tx.savedReport.findFirst({ where: { orgId, id, shared: true } }) : null;
  if (!report) throw notFound();
  return report;
}

/** A company's report by its name, for the CLI (which acts for no one): only shared ones. */
export async function findSharedReportByName(tx: Tx, orgId: string, name: string): Promise<SavedReport | null> {
  return tx.savedReport.findFirst({ where: { orgId, shared: true, name: name.trim() }, orderBy: { createdAt: "asc" } });
}

/** The same name twice for one owner is refused, before the write and again if a race gets there first. */
async function withUniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

function nameTaken(): AppError {
  return new AppError("CONFLICT", { messageKey: "savedReportNameTaken", field: "name" });
}

async function assertNameFree(tx: Tx, orgId: string, ownerId: string, name: string, exceptId?: string): Promise<void> {
  const other = await tx.savedReport.findFirst({ where: { orgId, ownerId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) throw nameTaken();
}

function storedSpec(spec: ReportSpec): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(spec)) as Prisma.InputJsonValue;
}

export async function createSavedReport(db: DbOrTx, actor: ReportActor, input: SavedReportInput): Promise<SavedReport> {
  const name = cleanName(input.name);
  const spec = parseReportSpec(input.spec);
  return withUniqueName(() =>
    atomically(db, async (tx) => {
      await assertOwnIds(tx, actor.orgId, spec);
      await assertNameFree(tx, actor.orgId, actor.userId, name);
      const report = await tx.savedReport.create({
        data: { orgId: actor.orgId, ownerId: actor.userId, name, shared: input.shared, spec: storedSpec(spec), specVersion: spec.version },
      });
      await writeAuditLog(tx, actorOf(actor), { action: "savedReport.create", entityType: "SavedReport", entityId: report.id, after: auditView(report) });
      return report;
    }),
  );
}

/** Changes the name, the sharing and the spec together (the builder saves all three). */
export async function updateSavedReport(db: DbOrTx, actor: ReportActor, id: string, input: SavedReportInput): Promise<SavedReport> {
  const name = cleanName(input.name);
  const spec = parseReportSpec(input.spec);
  return withUniqueName(() =>
    atomically(db, async (tx) => {
      const before = await findEditable(tx, actor, id);
      await assertOwnIds(tx, actor.orgId, spec);
      await assertNameFree(tx, actor.orgId, before.ownerId, name, before.id);
      const after = await tx.savedReport.update({
        where: { orgId_id: { orgId: before.orgId, id: before.id } },
        data: { name, shared: input.shared, spec: storedSpec(spec), specVersion: spec.version },
      });
      await writeAuditLog(tx, actorOf(actor), { action: "savedReport.update", entityType: "SavedReport", entityId: id, before: auditView(before), after: auditView(after) });
      return after;
    }),
  );
}

/** Shares a report with the company, or makes it private again; its name and spec stay. */
export async function setSavedReportShared(db: DbOrTx, actor: ReportActor, id: string, shared: boolean): Promise<SavedReport> {
  return atomically(db, async (tx) => {
    const before = await findEditable(tx, actor, id);
    const after = await tx.savedReport.update({ where: { orgId_id: { orgId: before.orgId, id: before.id } }, data: { shared } });
    await writeAuditLog(tx, actorOf(actor), { action: "savedReport.update", entityType: "SavedReport", entityId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}

/**
 * A private copy of a report the actor sees, owned by them, named `copyName(its name)` — or that
 * with (2), (3) … when they already have a report by that name.
 */
export async function duplicateSavedReport(db: DbOrTx, actor: ReportActor, id: string, copyName: (name: string) => string): Promise<SavedReport> {
  return withUniqueName(() =>
    atomically(db, async (tx) => {
      const source = await findVisible(tx, actor.orgId, actor.userId, id);
      const base = cleanName(copyName(source.name).slice(0, MAX_REPORT_NAME));
      const taken = new Set(
        (await tx.savedReport.findMany({ where: { orgId: actor.orgId, ownerId: actor.userId, name: { startsWith: base } }, select: { name: true } })).map((report) => report.name),
      );
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base.slice(0, MAX_REPORT_NAME - 6)} (${n})`;
      const copy = await tx.savedReport.create({
        data: { orgId: actor.orgId, ownerId: actor.userId, name, shared: false, spec: source.spec as Prisma.InputJsonValue, specVersion: source.specVersion },
      });
      await writeAuditLog(tx, actorOf(actor), {
        action: "savedReport.duplicate",
        entityType: "SavedReport",
        entityId: copy.id,
        after: { ...auditView(copy), fromId: source.id, fromName: source.name },
      });
      return copy;
    }),
  );
}

export async function deleteSavedReport(db: DbOrTx, actor: ReportActor, id: string): Promise<void> {
  await atomically(db, async (tx) => {
    const before = await findEditable(tx, actor, id);
    await tx.savedReport.delete({ where: { orgId_id: { orgId: before.orgId, id: before.id } } });
    await writeAuditLog(tx, actorOf(actor), { action: "savedReport.delete", entityType: "SavedReport", entityId: id, before: auditView(before) });
  });
}
