// The reconcile benchmark's "+1 %" case: a day after the synthetic month (reconcile-month.ts), with
// `count` new orders of the same shops and what they bring the same day — the Tmall orders' Alipay
// lines, the PDD orders' bill lines, one withdrawal from each and its bank receipt (JD and Douyin
// pay later) — written into the database as an import would have stored them. Not timed.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { copyText, openCopyWriter } from "../../lib/match-runs/copy-text-writer";

const DAY = "2025-04-01";
const fee = (amount: number, bps: number) => Math.floor((amount * bps + 5000) / 10000);

export async function seedIncrement(pool: pg.Pool, orgId: string, count: number, firstIndex: number): Promise<{ orders: number; lines: number; bank: number }> {
  const client = await pool.connect();
  try {
    const named = async (table: string) => {
      const { rows } = await client.query<{ id: string; name: string }>(`SELECT id, name FROM "${table}" WHERE "orgId" = $1`, [orgId]);
      return new Map(rows.map((row) => [row.name, row.id]));
    };
    const stores = await named("Store");
    const accounts = await named("FundAccount");
    const batchId = randomUUID();
    const orders: string[] = [];
    const lines: string[] = [];
    const bank: string[] = [];
    // What arrived after the month's last withdrawal: the day's withdrawal sweeps it too.
    const since = async (sql: string, params: unknown[]) => Number((await client.query<{ sum: string | null }>(sql, params)).rows[0]!.sum ?? 0);
    let tmallNet = await since(
      `SELECT sum("amountMinor") FROM "BankTransaction" WHERE "orgId" = $1 AND "fundAccountId" = $2
          AND "occurredAt" > (SELECT max("occurredAt") FROM "BankTransaction" WHERE "orgId" = $1 AND "fundAccountId" = $2 AND memo LIKE '提现%')`,
      [orgId, accounts.get("alipay")],
    );
    let pddNet = await since(
      `SELECT sum("amountMinor") FROM "SettlementLine" WHERE "orgId" = $1 AND "storeId" = $2
          AND "occurredAt" > (SELECT max("occurredAt") FROM "SettlementLine" WHERE "orgId" = $1 AND "storeId" = $2 AND "lineType" = 'WITHDRAWAL')`,
      [orgId, stores.get("pdd")],
    );
    const time = (second: number) => `${DAY} ${String(Math.floor(second / 3600)).padStart(2, "0")}:${String(Math.floor(second / 60) % 60).padStart(2, "0")}:${String(second % 60).padStart(2, "0")}`;
    for (let k = 0; k < count; k++) {
      const i = firstIndex + k;
      const slot = i % 10;
      const store = slot < 4 ? "tmall" : slot < 7 ? "pdd" : slot < 9 ? "jd" : "douyin";
      const orderNo = store === "pdd" ? `250401-${String(700000000000000 + i)}` : String(2228646600000000000n + BigInt(i));
      const paid = 990 + (i % 301) * 100;
      const second = (k * 7) % 57_600;
      const received = store === "jd" ? String(paid - fee(paid, 800)) : "\\N";
      orders.push(`${orgId}\t${stores.get(store)}\t${batchId}\t${k}\t${orderNo}\t交易成功\t${paid}\t0\t${received}\tCNY\t${DAY} 00:00:00\t${time(second)}\tinc-${i}\n`);
      if (store === "tmall") {
        const commission = fee(paid, 300);
        tmallNet += paid - commission;
        for (const [amount, memo] of [
          [paid, "在线支付 / 交易收入"],
          [-commission, `收费 / 天猫佣金扣款[${orderNo}]`],
        ] as const) {
          bank.push(`${orgId}\t${accounts.get("alipay")}\t${batchId}\t${bank.length}\t${DAY}\t${time(second)}\t${amount}\tCNY\t\\N\t\\N\t${copyText(memo)}\tT200P${orderNo}\tinc-w-${i}-${amount}\n`);
        }
      } else if (store === "pdd") {
        const commission = fee(paid, 60);
        pddNet += paid - commission;
        lines.push(`${orgId}\t${stores.get("pdd")}\t${batchId}\t${lines.length}\tSALE\t${orderNo}\t\\N\t${paid}\tCNY\t${DAY}\t${time(second)}\tinc-s-${i}\n`);
        lines.push(`${orgId}\t${stores.get("pdd")}\t${batchId}\t${lines.length}\tCOMMISSION\t${orderNo}\t\\N\t${-commission}\tCNY\t${DAY}\t${time(second)}\tinc-c-${i}\n`);
      }
    }
    // The day's withdrawals at 16:00 and their receipts in the bank the same day.
    const tmallWithdrawal = `2025${20250401}INC${firstIndex}`;
    const pddWithdrawal = `TX${20250401}INC${firstIndex}`;
    bank.push(`${orgId}\t${accounts.get("alipay")}\t${batchId}\t${bank.length}\t${DAY}\t${time(57_600)}\t${-tmallNet}\tCNY\t\\N\t${tmallWithdrawal}\t提现 / 提现到银行卡\t\\N\tinc-wd-${firstIndex}\n`);
    lines.push(`${orgId}\t${stores.get("pdd")}\t${batchId}\t${lines.length}\tWITHDRAWAL\t\\N\t${pddWithdrawal}\t${-pddNet}\tCNY\t${DAY}\t${time(57_600)}\tinc-pw-${firstIndex}\n`);
    bank.push(`${orgId}\t${accounts.get("bank")}\t${batchId}\t${bank.length}\t${DAY}\t\\N\t${tmallNet}\tCNY\t支付宝（中国）网络技术有限公司\t\\N\t汇入汇款 / 支付宝提现 ${tmallWithdrawal}\t\\N\tinc-bt-${firstIndex}\n`);
    bank.push(`${orgId}\t${accounts.get("bank")}\t${batchId}\t${bank.length}\t${DAY}\t\\N\t${pddNet}\tCNY\t上海寻梦信息技术有限公司\t\\N\t汇入汇款 / 拼多多提现 ${pddWithdrawal}\t\\N\tinc-bp-${firstIndex}\n`);

    const write = async (sql: string, rows: string[]) => {
      const writer = openCopyWriter(client, sql);
      for (const row of rows) {
        const wait = writer.line(row);
        if (wait) await wait;
      }
      await writer.end();
    };
    await client.query("BEGIN");
    await write(
      `COPY "Order" ("orgId", "storeId", "batchId", "sourceRow", "orderNo", status, "paidAmountMinor", "refundMinor", "merchantReceivedMinor", currency, "paidAt", "confirmedAt", "naturalKey") FROM STDIN`,
      orders,
    );
    await write(`COPY "SettlementLine" ("orgId", "storeId", "batchId", "sourceRow", "lineType", "orderNo", "payoutId", "amountMinor", currency, "occurredOn", "occurredAt", "naturalKey") FROM STDIN`, lines);
    await write(
      `COPY "BankTransaction" ("orgId", "fundAccountId", "batchId", "sourceRow", "occurredOn", "occurredAt", "amountMinor", currency, counterparty, "secondaryReference", memo, "merchantOrderNo", "naturalKey") FROM STDIN`,
      bank,
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "Order", "SettlementLine", "BankTransaction"`);
    return { orders: orders.length, lines: lines.length, bank: bank.length };
  } finally {
    client.release();
  }
}
