// Reading an upload goes to a process of its own (scripts/import-step.ts), never the web server's:
// a hostile or merely huge file keeps a core busy for as long as it takes to reach a limit, and
// inside the server that would stall every page of every organization. The child writes progress
// and the outcome to the batch, which the page polls. When it dies without recording an outcome
// (killed, out of memory, could not start), the batch is marked interrupted here — FAILED without
// errors, which the page explains — so nothing stays PARSING or COMMITTING; a commit's transaction
// died with the process, so nothing was stored.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { ImportStep } from "./import-step";

export async function markImportInterrupted(db: Db, step: Pick<ImportStep, "orgId" | "batchId">): Promise<void> {
  await db.importBatch.updateMany({
    where: { id: step.batchId, orgId: step.orgId, status: { in: ["PARSING", "COMMITTING"] } },
    data: { status: "FAILED", errors: [], progress: 0 },
  });
}

export type ChildOptions = {
  projectRoot?: string;
  /** Called with the process once started (tests use it to kill one). */
  onStart?: (child: ChildProcess) => void;
};

export function runImportStepInChild(db: Db, step: ImportStep, options: ChildOptions = {}): Promise<void> {
  const projectRoot = options.projectRoot ?? process.cwd();
  return new Promise((resolve) => {
    // The request is one argument, not a shell word: nothing in it is interpreted.
    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/import-step.ts"), JSON.stringify(step)], {
      cwd: projectRoot,
      env: process.env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    let settled = false;
    // "error" (could not start) and "exit" may both come: the first one decides.
    const ended = async (code: number | null) => {
      if (settled) return;
      settled = true;
      if (code !== 0) await markImportInterrupted(db, step).catch((error) => console.error("Could not mark the import interrupted", error));
      resolve();
    };
    child.on("error", (error) => {
      console.error("Could not start the import process", error);
      void ended(null);
    });
    child.on("exit", (code) => void ended(code));
    options.onStart?.(child);
  });
}
