// A Tmall/Taobao order export (GBK, 60+ columns, ="…" guarded numbers) of N rows, written in
// streaming fashion. The header and row shape are those of tests/samples/import/tmall-orders.csv.
import fs from "node:fs";
import { once } from "node:events";
import iconv from "iconv-lite";

export async function writeOrderCsv(file: string, rows: number, sampleFile: string): Promise<number> {
  const sample = iconv.decode(fs.readFileSync(sampleFile), "gbk").split(/\r?\n/);
  const header = sample[0]!;
  const template = sample[1]!; // a 交易成功 row; order numbers and amounts are swapped in below
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(iconv.encode(text, "gbk"))) await once(out, "drain");
  };
  await write(`${header}\r\n`);
  const base = 3349876543210000000n;
  let lines = "";
  for (let i = 0; i < rows; i++) {
    const orderNo = (base + BigInt(i)).toString();
    const cents = 990 + ((i * 7919) % 299_000);
    const amount = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
    lines += `${template.replaceAll("3349876543210012345", orderNo).replaceAll("109.00", amount)}\r\n`;
    if (lines.length > 1 << 20) {
      await write(lines);
      lines = "";
    }
  }
  await write(lines);
  out.end();
  await once(out, "finish");
  return fs.statSync(file).size;
}
