// DUPLICATE_ROW: one bank row of the month's statement exported a second time, from 企业网银 in the
// generic-bank layout, in a small file of its own for the same account. The importer cannot tell the
// two apart by natural key (another layout, and the copy carries a bank serial the first file does
// not print), so the row is in the ledger twice. The copied row is the month's rent payment, a row of
// the company's other business: no platform money depends on it, so the matching (and every other
// rule) sees the month as before.
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import type { GeneratedFile } from "../generate-month";
import { COMPANY_NAME } from "../stores/store-profiles";
import type { AnomalyPlanter } from "./anomaly-planter";
import { genericBankFileText, isPlatformRow, plantedSerial, readBankStatement } from "./bank-statement-rows";

export const duplicateRowPlanter: AnomalyPlanter = {
  type: "DUPLICATE_ROW",
  async plant(month) {
    const statement = readBankStatement(month);
    const row = statement.rows.find((candidate) => candidate.memo.includes("房租")) ?? statement.rows.find((candidate) => candidate.amountMinor < 0 && !isPlatformRow(candidate));
    if (!row) throw new Error("DUPLICATE_ROW: the statement has no row of the company's other business to copy");
    const name = `bank-generic-extra-${month.month}.csv`;
    const filePath = path.join(path.dirname(statement.file.path), name);
    const { text, sourceRow } = genericBankFileText(month.month, row, plantedSerial(row.date, 1), COMPANY_NAME);
    fs.writeFileSync(filePath, iconv.encode(text, "gbk"));
    const added: GeneratedFile = { name, path: filePath, rows: 1, kind: "bank", format: "generic-bank", encoding: "gbk", storeOrAccount: statement.file.storeOrAccount };
    return {
      planted: {
        type: "DUPLICATE_ROW",
        note: `bank row ${row.sourceRow} of ${statement.file.name} (${row.date}, ${row.memo}) copied into ${name}`,
        rows: [
          { file: statement.file.name, sourceRow: row.sourceRow },
          { file: name, sourceRow },
        ],
        fundAccountName: statement.file.storeOrAccount.name,
      },
      addedFiles: [added],
    };
  },
};
