// A generated month (lib/generate) as a user would bring it in: the generator's stores and fund
// accounts created for the company, then each of its files imported through the importer into the
// store or account it belongs to. Shared by the tests that need a realistic ledger.
import fs from "node:fs";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { describeFundAccounts, describeStores, type GeneratedFile, type GeneratedMonth } from "@/lib/generate";
import { importFile } from "@/lib/import-batches/import-file";
import { createStore } from "@/lib/stores/store-service";
import { db } from "./fixtures";

export async function importGeneratedFiles(ctx: OrgContext, month: GeneratedMonth): Promise<void> {
  for (const store of describeStores()) {
    await createStore(db, ctx, { name: store.name, platform: store.platform, currency: store.currency, settlementTermsDays: store.settlementTermsDays, feeRatePercent: store.feeRateBps });
  }
  for (const { key: _key, ...account } of describeFundAccounts()) await createFundAccount(db, ctx, account);
  await importGeneratedFileList(ctx, month.files);
}

/** Files of a generated month, each imported into the store or account it belongs to (already created). */
export async function importGeneratedFileList(ctx: OrgContext, files: readonly GeneratedFile[]): Promise<void> {
  for (const file of files) {
    const target = file.storeOrAccount;
    const ids =
      target.type === "store"
        ? { storeId: (await db.store.findFirstOrThrow({ where: { orgId: ctx.orgId, name: target.name } })).id }
        : { fundAccountId: (await db.fundAccount.findFirstOrThrow({ where: { orgId: ctx.orgId, name: target.name } })).id };
    const result = await importFile(db, getPgPool(), ctx, { fileName: file.name, source: fs.createReadStream(file.path), ...ids });
    if (result.status !== "COMMITTED") throw new Error(`${file.name} was ${result.status}`);
  }
}
