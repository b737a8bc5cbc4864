import pg from "pg";
const pool = new pg.Pool({ connectionString: process.argv[2] });
const r = await pool.query(`SELECT b.id, b."amountMinor", b.memo, b.counterparty, a.type, b."occurredOn"::text, (SELECT json_agg(json_build_object('slot', i.slot, 'amt', i."amountMinor", 'st', g.status, 'rule', g.rule)) FROM "MatchItem" i JOIN "MatchGroup" g ON g.id=i."groupId" WHERE i.side='BANK' AND i."rowId"=b.id) items,
  EXISTS (SELECT 1 FROM "ReconcileOpenRow" o WHERE o."orgId"=b."orgId" AND o.side='BANK' AND o."rowId"=b.id) cached
 FROM "BankTransaction" b JOIN "FundAccount" a ON a.id=b."fundAccountId" WHERE b.id IN (153,522,861) ORDER BY b.id DESC LIMIT 6`);
console.log(JSON.stringify(r.rows, null, 1));
await pool.end();
