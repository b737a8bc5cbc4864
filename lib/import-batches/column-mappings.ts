// Saved column mappings: a layout no adapter knows is mapped once by a person, then recognised by
// its header signature every time the same kind of file arrives again.
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Actor } from "@/lib/auth/load-org-context";
import { columnMappingSchema, findFormat, headerSignature, type ColumnMapping } from "@/lib/import";
import { AppError } from "@/lib/errors";
import { readJsonColumn } from "@/lib/shared/json-column";
import { toJsonValue } from "@/lib/shared/json-safe";
import { KIND_TO_DB } from "./import-kinds";

const MAPPING_FORMAT_PREFIX = "mapping:";

/** The one reader of ColumnMapping.mapping: written below only after the same schema accepted it. */
export function savedMapping(row: { id: string; mapping: unknown }): ColumnMapping {
  return readJsonColumn(columnMappingSchema, row.mapping, "ColumnMapping.mapping", row.id);
}

export async function saveColumnMapping(
  db: DbOrTx,
  actor: Actor,
  input: { name: string; header: string[]; mapping: ColumnMapping },
): Promise<{ signature: string }> {
  const parsed = columnMappingSchema.safeParse(input.mapping);
  if (!parsed.success) throw new AppError("INVALID", { messageKey: "mappingIncomplete" });
  const signature = headerSignature(input.header);
  const data = { name: input.name, kind: KIND_TO_DB[parsed.data.kind], mapping: toJsonValue(input.mapping) };
  await atomically(db, async (tx) => {
    const saved = await tx.columnMapping.upsert({
      where: { orgId_headerSignature: { orgId: actor.orgId, headerSignature: signature } },
      create: { orgId: actor.orgId, headerSignature: signature, ...data },
      update: data,
    });
    await writeAuditLog(tx, actorOf(actor), {
      action: "mapping.save",
      entityType: "ColumnMapping",
      entityId: saved.id,
      after: { name: input.name, mapping: input.mapping },
    });
  });
  return { signature };
}

/** The saved mapping whose header appears among a file's first rows, if any. */
export async function findMappingForRows(db: Tx, orgId: string, rows: string[][]): Promise<ColumnMapping | null> {
  const signatures = rows.filter((cells) => cells.some((cell) => cell.trim() !== "")).map((cells) => headerSignature(cells));
  if (signatures.length === 0) return null;
  const found = await db.columnMapping.findFirst({ where: { orgId, headerSignature: { in: signatures } } });
  return found ? savedMapping(found) : null;
}

/** A batch read through a mapping records the format "mapping:<signature>"; this finds it again. */
export async function mappingForFormat(db: Tx, orgId: string, formatId: string | undefined): Promise<ColumnMapping | undefined> {
  if (!formatId?.startsWith(MAPPING_FORMAT_PREFIX)) return undefined;
  const found = await db.columnMapping.findFirst({
    where: { orgId, headerSignature: formatId.slice(MAPPING_FORMAT_PREFIX.length) },
  });
  return found ? savedMapping(found) : undefined;
}

/** What the page calls a batch's format: the adapter's label, or the saved mapping's name. */
export async function describeFormat(db: Tx, orgId: string, formatId: string | null, locale: "zh-CN" | "en"): Promise<string | null> {
  if (!formatId) return null;
  if (!formatId.startsWith(MAPPING_FORMAT_PREFIX)) return findFormat(formatId)?.label[locale] ?? formatId;
  const found = await db.columnMapping.findFirst({
    where: { orgId, headerSignature: formatId.slice(MAPPING_FORMAT_PREFIX.length) },
    select: { name: true },
  });
  const label = locale === "en" ? "Custom column mapping" : "自定义列映射";
  return found ? `${label}「${found.name}」` : label;
}
