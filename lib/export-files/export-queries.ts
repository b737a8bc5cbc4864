// The export centre's lines and one line's state, for the people allowed to see its data: a line
// whose page the reader's role cannot open (the audit log for a VIEWER) is not theirs to see.
import type { Tx } from "@/lib/db/client";
import { can, type Role } from "@/lib/auth/roles";
import { EXPORT_SOURCES, type ExportSourceId } from "@/lib/export-sources/export-sources";
import { isUuid } from "@/lib/shared/uuid";

export const EXPORT_LIST_PAGE_SIZE = 50;

export function readableSources(role: Role): ExportSourceId[] {
  return (Object.keys(EXPORT_SOURCES) as ExportSourceId[]).filter((id) => can(role, EXPORT_SOURCES[id].permission));
}

const LINE = {
  id: true, source: true, format: true, title: true, filters: true, params: true, status: true, rowCount: true, sizeBytes: true,
  fileName: true, messageKey: true, messageParams: true, createdById: true, createdByName: true, createdAt: true, finishedAt: true, expiresAt: true,
} as const;

export async function listExports(tx: Tx, orgId: string, role: Role, page = 1) {
  const where = { orgId, source: { in: readableSources(role) } };
  const [lines, total, running] = await Promise.all([
    tx.exportFile.findMany({ where, select: LINE, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: EXPORT_LIST_PAGE_SIZE, skip: (page - 1) * EXPORT_LIST_PAGE_SIZE }),
    tx.exportFile.count({ where }),
    tx.job.findMany({ where: { orgId, kind: "export-file", status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true, subjectId: true, progress: true } }),
  ]);
  const jobs = new Map(running.map((job) => [job.subjectId, job]));
  return {
    lines: lines.map((line) => ({ ...line, progress: jobs.get(line.id)?.progress ?? 0, jobId: jobs.get(line.id)?.id ?? null, expired: line.expiresAt.getTime() <= Date.now() })),
    total,
    pages: Math.max(1, Math.ceil(total / EXPORT_LIST_PAGE_SIZE)),
  };
}

export type ExportLine = Awaited<ReturnType<typeof listExports>>["lines"][number];

/** What the export centre shows: the line's status, or EXPIRED once a finished file's bytes are due to go. */
export function exportState(line: Pick<ExportLine, "status" | "expired">): ExportLine["status"] | "EXPIRED" {
  return line.status === "DONE" && line.expired ? "EXPIRED" : line.status;
}

/** One line (another company's id, or one the role may not read: null, which answers "not found"). */
export async function findExport(tx: Tx, orgId: string, role: Role, id: string): Promise<ExportLine | null> {
  if (!isUuid(id)) return null;
  const line = await tx.exportFile.findFirst({ where: { orgId, id, source: { in: readableSources(role) } }, select: LINE });
  if (!line) return null;
  const job = await tx.job.findFirst({ where: { orgId, subjectId: id, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true, progress: true } });
  return { ...line, progress: job?.progress ?? 0, jobId: job?.id ?? null, expired: line.expiresAt.getTime() <= Date.now() };
}
