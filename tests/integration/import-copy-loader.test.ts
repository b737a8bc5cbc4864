// The COPY loader on real PostgreSQL, with chunks of two rows so that a handful of rows crosses
// every path: chunks COPYed straight into the table, a chunk that meets stored keys and falls back
// to staging + ON CONFLICT, the chunks after it, and a rollback that keeps nothing.
import { afterAll, describe, expect, it } from "vitest";
import { openCopyLoader } from "@/lib/import-batches/copy-into-table";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import type { OrderRow } from "@/lib/import/types";
import { createStore } from "@/lib/stores/store-service";
import { db, makeOrg, STORE_INPUT } from "./fixtures";

afterAll(() => closePgPool());

const order = (n: number, key = `tmall:${n}`): OrderRow => ({
  sourceRow: n + 1,
  orderNo: String(n),
  paidAmountMinor: BigInt(n * 100),
  refundMinor: 0n,
  currency: "CNY",
  createdAt: "2025-03-01T10:00:00",
  naturalKey: key,
});

async function load(scope: { orgId: string; targetId: string }, rows: OrderRow[], commit = true) {
  const batch = await db.importBatch.create({ data: { orgId: scope.orgId, fileName: "x.csv", fileSha256: "", fileSizeBytes: 0, status: "COMMITTING" } });
  const client = await getPgPool().connect();
  try {
    await client.query("BEGIN");
    const loader = await openCopyLoader(client, "orders", { ...scope, batchId: batch.id }, { chunkRows: 2 });
    // Parts of one row, as a parser may hand them over.
    for (const row of rows) await loader.write([row]);
    const counts = await loader.finish();
    await client.query(commit ? "COMMIT" : "ROLLBACK");
    client.release();
    return counts;
  } catch (error) {
    // As importFile does: dropping the connection rolls its transaction back.
    client.release(error as Error);
    throw error;
  }
}

async function storeScope() {
  const org = await makeOrg();
  const store = await createStore(db, org, STORE_INPUT);
  return { orgId: org.orgId, targetId: store.id };
}

const storedKeys = async (scope: { orgId: string; targetId: string }) =>
  (await db.order.findMany({ where: { orgId: scope.orgId, storeId: scope.targetId }, select: { naturalKey: true }, orderBy: { naturalKey: "asc" } })).map((row) => row.naturalKey);

describe("COPY loader", () => {
  it("stores every row of a new store in chunks, with its source row and amounts", async () => {
    const scope = await storeScope();
    expect(await load(scope, [1, 2, 3, 4, 5].map((n) => order(n)))).toEqual({ inserted: 5, staged: 5 });
    const stored = await db.order.findMany({ where: { orgId: scope.orgId }, orderBy: { sourceRow: "asc" } });
    expect(stored.map((row) => [row.sourceRow, row.orderNo, row.paidAmountMinor])).toEqual([
      [2, "1", 100n],
      [3, "2", 200n],
      [4, "3", 300n],
      [5, "4", 400n],
      [6, "5", 500n],
    ]);
  });

  it("adds only the new rows when a later chunk meets stored keys, also in the chunks after it", async () => {
    const scope = await storeScope();
    await load(scope, [3, 4, 9].map((n) => order(n)));
    // Chunks [1, 2] (new, straight in), [3, 4] (stored: falls back), [5, 9], [6] (careful from then on).
    expect(await load(scope, [1, 2, 3, 4, 5, 9, 6].map((n) => order(n)))).toEqual({ inserted: 4, staged: 7 });
    expect(await storedKeys(scope)).toEqual(["tmall:1", "tmall:2", "tmall:3", "tmall:4", "tmall:5", "tmall:6", "tmall:9"]);
  });

  it("counts a key repeated within one file once, like the stored ones", async () => {
    const scope = await storeScope();
    // The second "tmall:1" lands in the chunk after the first one was COPYed.
    expect(await load(scope, [order(1), order(2), order(1), order(3)])).toEqual({ inserted: 3, staged: 4 });
    expect(await storedKeys(scope)).toEqual(["tmall:1", "tmall:2", "tmall:3"]);
  });

  it("keeps nothing when the transaction is rolled back, whichever path the chunks took", async () => {
    const scope = await storeScope();
    await load(scope, [2].map((n) => order(n)));
    await load(scope, [1, 2, 3, 4, 5].map((n) => order(n)), false);
    expect(await storedKeys(scope)).toEqual(["tmall:2"]);
  });

  it("reports a row PostgreSQL refuses, and the transaction stores nothing", async () => {
    const scope = await storeScope();
    const broken = { ...order(3), currency: "TOO LONG" };
    await expect(load(scope, [order(1), order(2), broken, order(4)])).rejects.toThrow(/character\(3\)|too long/i);
    expect(await storedKeys(scope)).toEqual([]);
  });
});
