// A run from the web app goes to a process of its own (scripts/reconcile-run.ts). The engine is
// synchronous: a 1 M-order month keeps a thread busy for about ten seconds and needs 1.5-2 GiB,
// which inside the web server would stall every page of every organization and keep its heap grown.
// The child writes its progress and result to the run's record, which the page polls. When the
// child dies without recording an end (killed, out of memory), the run is marked interrupted here,
// so the organization's single run slot is not held forever.
import { spawn } from "node:child_process";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { RUN_INTERRUPTED } from "./interrupted-runs";

export function runInChildProcess(db: Db, runId: string, projectRoot = process.cwd()): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/reconcile-run.ts"), runId], {
      cwd: projectRoot,
      env: process.env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    let settled = false;
    // "error" (could not start) and "exit" may both come: the first one decides.
    const ended = async (code: number | null) => {
      if (settled) return;
      settled = true;
      if (code !== 0) {
        await db.reconciliationRun
          .updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "FAILED", finishedAt: new Date(), error: RUN_INTERRUPTED } })
          .catch((error) => console.error("Could not mark the run interrupted", error));
      }
      resolve();
    };
    child.on("error", (error) => {
      console.error("Could not start the reconciliation process", error);
      void ended(null);
    });
    child.on("exit", (code) => void ended(code));
  });
}
