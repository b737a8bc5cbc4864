// One import core, two doors: the CLI's (importFile, the file streamed in) and the web page's
// (stage → preview → a person confirms → the commit job) follow the same rules for invalid rows and
// for the store or account, and neither can leave rows stored under a batch that does not say
// COMMITTED, nor a COMMITTED batch without its rows and audit row.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { createFundAccount, setFundAccountArchived } from "@/lib/fund-accounts/fund-account-service";
import { claimCommit, commitBatch } from "@/lib/import-batches/commit-batch";
import { importFile } from "@/lib/import-batches/import-file";
import { previewBatch } from "@/lib/import-batches/preview-batch";
import { stageUpload } from "@/lib/import-batches/stage-upload";
import { runJobInline } from "@/lib/jobs/run-job-inline";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { db, makeOrg } from "./fixtures";

afterAll(() => closePgPool());

const HEADER = "交易日期,摘要,收入,支出,余额,对方户名\n";
/** Two valid rows and, on line 3, one whose outflow is not an amount. */
const ONE_INVALID = HEADER + "2025-01-02,货款,100.00,,1100.00,甲公司\n2025-01-03,手续费,,abc,1090.00,银行\n2025-01-04,货款,200.00,,1290.00,乙公司\n";
const VALID = HEADER + "2025-02-02,货款,100.00,,1100.00,甲公司\n2025-02-03,货款,300.00,,1400.00,丙公司\n";

async function orgWithBank() {
  const org = await makeOrg();
  const bank = await createFundAccount(db, org, { name: "招行", type: "BANK", institution: null, accountNumber: null, currency: "CNY" });
  return { org, bank };
}

const cliImport = (org: OrgContext, csv: string, options: { fundAccountId?: string; skipInvalid?: boolean } = {}) =>
  importFile(db, getPgPool(), org, { fileName: "bank.csv", source: [Buffer.from(csv)], ...options });

/** The web page's steps up to the person's confirmation: staged and previewed, not committed. */
async function webPreview(org: OrgContext, csv: string) {
  const staged = await stageUpload(db, org, { fileName: "bank.csv", source: [Buffer.from(csv)] });
  return (await previewBatch(db, org, staged.id)).batch;
}

/** The commit job exactly as the web action queues it, run here instead of by a worker. */
const commitJob = (org: OrgContext, batchId: string, targetId: string, skipInvalid?: boolean) =>
  runJobInline({ db, pool: getPgPool() }, "import-commit", { orgId: org.orgId, batchId, userId: org.userId, userEmail: org.userEmail, targetId, skipInvalid }, { heartbeatMs: 60_000 });

const storedRows = (org: OrgContext) => db.bankTransaction.count({ where: { orgId: org.orgId } });
const commitAudits = (org: OrgContext) => db.auditLog.count({ where: { orgId: org.orgId, action: "import.commit" } });

describe("one policy for invalid rows, from both doors", () => {
  it("CLI: refuses the whole file without skipInvalid, stores the valid rows with it", async () => {
    const { org, bank } = await orgWithBank();
    const refused = await cliImport(org, ONE_INVALID, { fundAccountId: bank.id });
    expect(refused).toMatchObject({ status: "REJECTED", inserted: 0, invalid: 1 });
    expect(await db.importBatch.findFirst({ where: { id: refused.batchId } })).toMatchObject({ status: "REJECTED", invalidCount: 1, progress: 1, committedAt: null });
    expect(await storedRows(org)).toBe(0);
    expect(await commitAudits(org)).toBe(0);

    const skipped = await cliImport(org, ONE_INVALID, { fundAccountId: bank.id, skipInvalid: true });
    expect(skipped).toMatchObject({ status: "COMMITTED", inserted: 2, invalid: 1 });
    expect(await storedRows(org)).toBe(2);
  });

  it("web: answers at once without skipInvalid, and the commit job's core refuses the file whatever the claim let through", async () => {
    const { org, bank } = await orgWithBank();
    const previewed = await webPreview(org, ONE_INVALID);
    // The file prints no account number: no default, the person chooses (issue 14).
    expect(previewed).toMatchObject({ status: "PREVIEW", invalidCount: 1, fundAccountId: null });
    await expect(claimCommit(db, org, previewed.id)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "batchHasInvalidRows" });

    // The job carries the person's choice; without skipInvalid the core refuses, as the CLI's does.
    const claim = await claimCommit(db, org, previewed.id, { skipInvalid: true, fundAccountId: bank.id });
    await commitJob(org, previewed.id, claim.targetId);
    expect(await db.importBatch.findFirst({ where: { id: previewed.id } })).toMatchObject({ status: "REJECTED", invalidCount: 1, insertedCount: 0, progress: 1, committedAt: null });
    expect(await storedRows(org)).toBe(0);
    expect(await commitAudits(org)).toBe(0);
    expect(await db.importFileChunk.count({ where: { batchId: previewed.id } })).toBe(0);
  });

  it("web: with skipInvalid carried by the job, stores the valid rows and counts the invalid one", async () => {
    const { org, bank } = await orgWithBank();
    const previewed = await webPreview(org, ONE_INVALID);
    const claim = await claimCommit(db, org, previewed.id, { skipInvalid: true, fundAccountId: bank.id });
    await commitJob(org, previewed.id, claim.targetId, claim.skipInvalid);
    expect(await db.importBatch.findFirst({ where: { id: previewed.id } })).toMatchObject({ status: "COMMITTED", insertedCount: 2, validCount: 2, invalidCount: 1 });
    expect(await storedRows(org)).toBe(2);
    expect(await commitAudits(org)).toBe(1);
  });
});

describe("one rule for the chosen store or account, from both doors", () => {
  it("refuses another company's account as not found, naming it, and stores nothing anywhere", async () => {
    const { org } = await orgWithBank();
    const other = await orgWithBank();
    await expect(cliImport(org, VALID, { fundAccountId: other.bank.id })).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "fundAccountNotFound" });

    const previewed = await webPreview(org, VALID);
    await expect(commitBatch(db, getPgPool(), org, previewed.id, { fundAccountId: other.bank.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "fundAccountNotFound",
    });
    expect(await db.importBatch.findFirst({ where: { id: previewed.id } })).toMatchObject({ status: "PREVIEW" });
    expect(await storedRows(org)).toBe(0);
    expect(await storedRows(other.org)).toBe(0);
  });

  it("refuses an archived account as archived", async () => {
    const { org } = await orgWithBank();
    const archived = await createFundAccount(db, org, { name: "旧账户", type: "BANK", institution: null, accountNumber: null, currency: "CNY" });
    await setFundAccountArchived(db, org, archived.id, true);
    await expect(cliImport(org, VALID, { fundAccountId: archived.id })).rejects.toMatchObject({ code: "INVALID", messageKey: "targetArchived" });

    const previewed = await webPreview(org, VALID);
    await expect(commitBatch(db, getPgPool(), org, previewed.id, { fundAccountId: archived.id })).rejects.toMatchObject({
      code: "INVALID",
      messageKey: "targetArchived",
    });
    expect(await storedRows(org)).toBe(0);
  });
});

describe("the batch's final row and the rows are one transaction", () => {
  /**
   * A deferred check at COMMIT of every row stored for this organization: its batch must already say
   * COMMITTED then. A door that marks the batch after the rows' transaction fails it.
   */
  async function requireCommittedBatchAtCommit(orgId: string) {
    const name = `test_batch_final_${randomUUID().replace(/-/g, "")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$
      BEGIN
        IF (SELECT status FROM "ImportBatch" WHERE id = NEW."batchId") IS DISTINCT FROM 'COMMITTED' THEN
          RAISE EXCEPTION 'row stored under a batch that is not COMMITTED';
        END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER ${name} AFTER INSERT ON "BankTransaction" DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW."orgId" = '${orgId}'::uuid) EXECUTE FUNCTION ${name}()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "BankTransaction"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }

  /** The audit write fails for this organization, as any failure at the last step would. */
  async function failAuditWrites(orgId: string) {
    const name = `test_audit_fails_${randomUUID().replace(/-/g, "")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit write failed'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "AuditLog" FOR EACH ROW WHEN (NEW."orgId" = '${orgId}'::uuid) EXECUTE FUNCTION ${name}()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditLog"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }

  it("CLI and web: the batch already says COMMITTED when its rows' transaction commits", async () => {
    const { org, bank } = await orgWithBank();
    const drop = await requireCommittedBatchAtCommit(org.orgId);
    try {
      expect(await cliImport(org, VALID, { fundAccountId: bank.id })).toMatchObject({ status: "COMMITTED", inserted: 2 });
      const previewed = await webPreview(org, ONE_INVALID);
      expect(await commitBatch(db, getPgPool(), org, previewed.id, { skipInvalid: true, fundAccountId: bank.id })).toMatchObject({ status: "COMMITTED", insertedCount: 2 });
    } finally {
      await drop();
    }
    expect(await storedRows(org)).toBe(4);
  });

  it("CLI and web: a failed audit write stores nothing and leaves no batch COMMITTED", async () => {
    const { org, bank } = await orgWithBank();
    const previewed = await webPreview(org, VALID);
    const drop = await failAuditWrites(org.orgId);
    try {
      await expect(cliImport(org, VALID, { fundAccountId: bank.id })).rejects.toThrow(/audit write failed/);
      await expect(commitBatch(db, getPgPool(), org, previewed.id, { fundAccountId: bank.id })).rejects.toThrow(/audit write failed/);
    } finally {
      await drop();
    }
    expect(await storedRows(org)).toBe(0);
    expect(await db.importBatch.count({ where: { orgId: org.orgId, status: "COMMITTED" } })).toBe(0);
    // The web batch is back in PREVIEW with its staged file, to commit again.
    expect(await db.importBatch.findFirst({ where: { id: previewed.id } })).toMatchObject({ status: "PREVIEW" });
    expect(await db.importFileChunk.count({ where: { batchId: previewed.id } })).toBeGreaterThan(0);
  });
});
