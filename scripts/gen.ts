// npm run gen -- --orders N --seed S --out <dir> [--month YYYY-MM] [--bank cmb|generic]
// Writes a synthetic month of shop exports, wallet ledgers and a bank statement, plus ground truth
// (see lib/generate/README.md). Same arguments → byte-identical files.
import { parseArgs } from "node:util";
import { BANK_LAYOUTS, DEFAULT_MONTH, generateMonth, GenerateOptionsError, MAX_ORDERS, type BankLayout } from "@/lib/generate";

const USAGE = `usage: npm run gen -- --orders N --seed S --out DIR [--month YYYY-MM] [--bank cmb|generic]

  --orders N       orders placed in the month over all shops (1 … ${MAX_ORDERS})
  --seed S         any whole number ≥ 0; the same seed gives byte-identical files
  --out DIR        directory to write into (created when missing)
  --month YYYY-MM  the month to generate (default ${DEFAULT_MONTH})
  --bank LAYOUT    bank statement layout: cmb (招商银行 CSV, default) or generic (企业网银 CSV with 交易流水号)`;

class UsageError extends Error {}

function wholeNumber(name: string, text: string | undefined): number {
  if (text === undefined) throw new UsageError(`--${name} is required`);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--${name} must be a whole number, got "${text}"`);
  return Number(text);
}

function bankLayout(text: string | undefined): BankLayout | undefined {
  if (text === undefined) return undefined;
  const layout = text === "cmb" ? "cmb-statement" : text === "generic" ? "generic-bank" : text;
  if (!(BANK_LAYOUTS as readonly string[]).includes(layout)) throw new UsageError(`--bank must be cmb or generic, got "${text}"`);
  return layout as BankLayout;
}

async function main(): Promise<number> {
  let options;
  try {
    const { values } = parseArgs({
      options: {
        orders: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        month: { type: "string" },
        bank: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (!values.out) throw new UsageError("--out is required");
    options = {
      orders: wholeNumber("orders", values.orders),
      seed: wholeNumber("seed", values.seed),
      outDir: values.out,
      month: values.month,
      bankLayout: bankLayout(values.bank),
    };
  } catch (error) {
    console.error(`gen: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }

  try {
    const started = performance.now();
    const month = await generateMonth(options);
    for (const file of month.files) {
      console.log(`${file.name.padEnd(30)} ${String(file.rows).padStart(9)} rows  ${file.format.padEnd(22)} → ${file.storeOrAccount.name}`);
    }
    const { summary } = month;
    console.log(
      `${month.groundTruthPath.split("/").pop()!.padEnd(30)} ${String(summary.orders.exported + summary.orders.carriedIn).padStart(9)} orders ` +
        `(${summary.orders.carriedIn} from the month before), ${summary.withdrawals} withdrawals/payouts, ${summary.bankLines} bank lines`,
    );
    console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    if (error instanceof GenerateOptionsError) {
      console.error(`gen: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main();
