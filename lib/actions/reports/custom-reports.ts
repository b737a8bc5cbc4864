"use server";
// The doors of saved custom reports (自定义报表): save, change, share or keep private, duplicate,
// delete. Who may change which report is decided in lib/reports/custom/saved-reports.ts; the spec
// arrives as JSON in the `spec` field and is checked there against the catalog.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { jsonPayload } from "@/lib/actions/json-payload";
import { db } from "@/lib/db/client";
import {
  createSavedReport,
  deleteSavedReport,
  duplicateSavedReport,
  setSavedReportShared,
  updateSavedReport,
} from "@/lib/reports/custom/saved-reports";

const flag = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true" || value === "1");

const reportFields = z.object({
  name: z.string().trim().min(1, { message: "reports.custom.validation.name" }).max(100, { message: "reports.custom.validation.name" }),
  shared: flag,
  spec: jsonPayload(z.unknown()),
});

function revalidateReports(id?: string) {
  revalidatePath("/reports/custom");
  if (id) revalidatePath(`/reports/custom/${id}`);
}

export const createSavedReportAction = orgAction("reports.save", reportFields, async (ctx, input) => {
  const report = await createSavedReport(db, ctx, input);
  revalidateReports();
  return { id: report.id };
});

export const updateSavedReportAction = orgAction("reports.save", reportFields.extend({ id: z.string() }), async (ctx, { id, ...input }) => {
  const report = await updateSavedReport(db, ctx, id, input);
  revalidateReports(id);
  return { id: report.id };
});

/** Shares a report with the company, or makes it private again; its name and spec stay. */
export const shareSavedReportAction = orgAction("reports.save", z.object({ id: z.string(), shared: flag }), async (ctx, { id, shared }) => {
  const report = await setSavedReportShared(db, ctx, id, shared);
  revalidateReports(id);
  return { id: report.id, shared: report.shared };
});

/** A private copy for the asker, named in their language ("… 副本" / "… (copy)"). */
export const duplicateSavedReportAction = orgAction("reports.save", z.object({ id: z.string() }), async (ctx, { id }) => {
  const t = await getTranslations("reports.custom");
  const copy = await duplicateSavedReport(db, ctx, id, (name) => t("copyName", { name }));
  revalidateReports();
  return { id: copy.id };
});

export const deleteSavedReportAction = orgAction("reports.save", z.object({ id: z.string() }), async (ctx, { id }) => {
  await deleteSavedReport(db, ctx, id);
  revalidateReports(id);
  return { deleted: id };
});
