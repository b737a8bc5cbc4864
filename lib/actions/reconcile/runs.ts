"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { runInChildProcess } from "@/lib/reconcile-runs/run-in-child-process";
import { startRun } from "@/lib/reconcile-runs/run-reconciliation";

/** Claims the run slot at once (so "already running" answers immediately); matching runs after, in its own process. */
export const startReconciliationAction = orgAction("reconcile.run", z.object({}), async (ctx) => {
  const run = await startRun(db, ctx, {});
  after(() => runInChildProcess(db, run.id));
  revalidatePath("/reconcile");
  return { runId: run.id };
});
