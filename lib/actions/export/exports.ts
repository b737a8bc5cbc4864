"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { deleteExport, exportForChange } from "@/lib/export-files/delete-export";
import { AppError } from "@/lib/errors";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { isUuid } from "@/lib/shared/uuid";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { requestExport } from "@/lib/export-files/request-export";
import { exportSourceIds } from "@/lib/export-sources/export-sources";

/** The page's filters as the URL has them: names and values only, nothing nested. */
const pageParams = z
  .string()
  .max(8_000)
  .transform((text, issue) => {
    try {
      return z.record(z.string().max(200), z.string().max(2_000)).parse(JSON.parse(text));
    } catch {
      issue.addIssue({ code: "custom", message: "INVALID" });
      return z.NEVER;
    }
  });

/** Whoever may see a page may export it (the source's permission is checked in requestExport). */
export const requestExportAction = orgAction(
  "org.read",
  z.object({ source: exportSourceIds, format: z.enum(["XLSX", "PDF"]), params: pageParams }),
  async (ctx, input) => {
    const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
    const file = await requestExport(db, ctx, { source: input.source, format: input.format, locale, params: input.params });
    await enqueueJob(db, "export-file", { orgId: ctx.orgId, exportId: file.id });
    revalidatePath("/export");
    return { id: file.id };
  },
);

/** Stops an export still being written: its maker's, or any for OWNER and ADMIN. */
export const cancelExportJobAction = orgAction("org.read", z.object({ jobId: z.string() }), async (ctx, input) => {
  const job = isUuid(input.jobId) ? await db.job.findFirst({ where: { orgId: ctx.orgId, id: input.jobId, kind: "export-file" }, select: { subjectId: true } }) : null;
  if (!job) throw new AppError("NOT_FOUND");
  await exportForChange(db, ctx, job.subjectId);
  const outcome = await cancelJob(db, ctx, input.jobId, ["export-file"]);
  revalidatePath("/export");
  return { outcome };
});

export const deleteExportAction = orgAction("org.read", z.object({ id: z.string() }), async (ctx, input) => {
  await deleteExport(db, ctx, input.id);
  revalidatePath("/export");
  return { id: input.id };
});
