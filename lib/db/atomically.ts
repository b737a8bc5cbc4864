// The one rule for transactions (ARCHITECTURE.md "Transactions"): a lib function that changes data
// is atomic by itself — its checks, its writes and its audit row commit together or not at all —
// and joins the caller's transaction when it is handed one, so a job, a seed or a test can compose
// several changes into one. Doors (server actions, job kinds, the CLI) never open transactions.
import type { Db, Tx } from "./client";

/** The client a changing function takes: the process's client, or a transaction already open. */
export type DbOrTx = Db | Tx;

export type AtomicOptions = { timeout?: number; maxWait?: number };

/** Prisma's transaction client has no `$transaction`: that is how an open transaction is told apart. */
function isRootClient(db: DbOrTx): db is Db {
  return typeof (db as Partial<Db>).$transaction === "function";
}

export function atomically<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>, options: AtomicOptions = {}): Promise<T> {
  return isRootClient(db) ? db.$transaction(work, options) : work(db);
}
