"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { executeRun, startRun } from "@/lib/reconcile-runs/run-reconciliation";

/** Claims the run slot at once (so "already running" answers immediately); matching runs after. */
export const startReconciliationAction = orgAction("reconcile.run", z.object({}), async (ctx) => {
  const run = await startRun(db, ctx, {});
  after(() => executeRun(db, ctx, run).catch((error) => console.error("Reconciliation run failed", error)));
  revalidatePath("/reconcile");
  return { runId: run.id };
});
