// Several pool connections reading one snapshot: a run loads its tables in parallel (PostgreSQL
// produces one table while Node parses another), and still sees them as of one instant, so an
// import committing meanwhile is either wholly in the run's input or wholly out of it.
import type pg from "pg";

export async function withSnapshotClients<T>(pool: pg.Pool, count: number, work: (clients: pg.PoolClient[]) => Promise<T>): Promise<T> {
  const clients: pg.PoolClient[] = [];
  try {
    for (let i = 0; i < count; i++) clients.push(await pool.connect());
    const [first, ...others] = clients;
    await first!.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await first!.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    for (const client of others) {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await client.query(`SET TRANSACTION SNAPSHOT '${rows[0]!.id}'`);
    }
    const result = await work(clients);
    for (const client of clients) await client.query("COMMIT");
    return result;
  } catch (error) {
    for (const client of clients) await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    for (const client of clients) client.release();
  }
}
