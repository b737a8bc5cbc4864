import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CancelImportButton, CommitForm, ReparseForm, StatementAccountForm, UndoImportButton } from "@/components/import/batch-actions";
import { BatchStatusBadge } from "@/components/import/batch-status-badge";
import { ColumnMappingForm } from "@/components/import/column-mapping-form";
import { ErrorTable, SampleTable } from "@/components/import/batch-tables";
import { StatementFactsPanel } from "@/components/import/statement-facts-panel";
import { ProgressBar } from "@/components/import/progress-bar";
import { CancelJobButton } from "@/components/jobs/cancel-job-button";
import { RefreshWhile } from "@/components/import/refresh-while";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export/export-buttons";
import { cancelImportJobAction } from "@/lib/actions/import/cancel-import-job";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listFormats, suggestColumnMapping } from "@/lib/import";
import { batchErrors } from "@/lib/import-batches/batch-errors";
import { accountsOfRefusal } from "@/lib/import-batches/several-accounts";
import { rawSampleRows, sampleRecords } from "@/lib/import-batches/batch-sample";
import { batchFacts } from "@/lib/import-batches/batch-facts";
import { statementMismatch } from "@/lib/import-batches/statement-account-match";
import { maskAccountNumber } from "@/lib/fund-accounts/mask-account-number";
import { describeFormat } from "@/lib/import-batches/column-mappings";
import { getImportBatchOrThrow } from "@/lib/import-batches/batch-queries";
import { isCancellable, jobProgressLabel, latestJobOf } from "@/lib/jobs/job-queries";
import { KIND_FROM_DB, targetOf } from "@/lib/import-batches/import-kinds";
import { listFundAccounts } from "@/lib/fund-accounts/fund-account-service";
import { findOr404 } from "@/lib/shared/page-lookup";
import { listStores } from "@/lib/stores/store-service";

export default async function ImportBatchPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const batch = await findOr404(getImportBatchOrThrow(db, ctx.orgId, (await params).id));
  const [t, tj, job, format, locale, stores, accounts, sameFileBatches, accountIdentities] = await Promise.all([
    getTranslations("imports"),
    getTranslations(),
    latestJobOf(db, ctx.orgId, batch.id),
    getFormatter(),
    getLocale(),
    listStores(db, ctx.orgId),
    listFundAccounts(db, ctx.orgId),
    db.importBatch.findMany({
      where: { orgId: ctx.orgId, fileSha256: batch.fileSha256, status: "COMMITTED", id: { not: batch.id } },
      select: { id: true, facts: true },
      take: 20,
    }),
    // The full numbers stay on the server: only the warning's masked wording reaches the page.
    db.fundAccount.findMany({ where: { orgId: ctx.orgId }, select: { id: true, accountNumber: true, institution: true } }),
  ]);
  const lang = locale === "en" ? "en" : "zh-CN";
  const formatName = await describeFormat(db, ctx.orgId, batch.format, lang);
  const kind = batch.kind ? KIND_FROM_DB[batch.kind] : null;
  const errors = batchErrors(batch);
  const sample = sampleRecords(batch);
  const rawRows = rawSampleRows(batch);
  const facts = batchFacts(batch);
  // The same file imported before — for the same account: a file of several accounts is imported once per account.
  const sameFile = sameFileBatches.some((other) => batchFacts(other).statementAccount?.number === facts.statementAccount?.number);
  const tm = await getTranslations("imports.mismatch");
  const ta = await getTranslations("imports.severalAccounts");
  const mismatchByAccount: Record<string, string> = {};
  for (const account of accountIdentities) {
    const mismatch = statementMismatch(facts.statementAccount, account);
    if (!mismatch) continue;
    const parts = [
      mismatch.bank ? tm("bank", { fileBank: facts.statementAccount?.bank ?? "", accountBank: account.institution ?? "" }) : null,
      mismatch.number ? tm("number", { fileNumber: facts.statementAccount?.number ?? "", accountNumber: maskAccountNumber(account.accountNumber) }) : null,
    ];
    // Chinese sentences run on without a space; English ones are separated by one.
    mismatchByAccount[account.id] = [tm("title"), ...parts.filter(Boolean)].join(lang === "en" ? " " : "");
  }
  const canManage = can(ctx.role, "imports.manage");
  const formatOptions = [
    { value: "auto", label: "auto" },
    ...listFormats().map((f) => ({ value: f.id, label: `${f.label[lang]} (${f.id})` })),
  ];
  const busy = batch.status === "PARSING" || batch.status === "COMMITTING";
  const cancelButton = canManage && busy && isCancellable(job) ? <CancelJobButton jobId={job.id} action={cancelImportJobAction} /> : null;
  // A cancelled read leaves the batch FAILED with no errors, a cancelled commit back in PREVIEW: the job says which.
  const cancelled = job?.status === "CANCELLED";
  const errorTotal = batch.invalidCount + batch.warningCount;
  // Readable as a table, but no known layout: offer to map the columns by hand.
  // A statement file of several accounts: offer its accounts, one import each.
  const fileAccounts = batch.status === "FAILED" ? accountsOfRefusal(errors) : [];
  const needsMapping =
    errors.some((error) => error.code === "UNKNOWN_FORMAT" || error.code === "HEADER_NOT_FOUND") &&
    rawRows.length > 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title={batch.fileName}
        intro={
          <span className="flex flex-wrap items-center gap-2">
            <BatchStatusBadge status={batch.status} />
            {formatName ? <span>{t("detected", { format: formatName })}</span> : null}
            {kind ? <Badge>{t(`kinds.${kind}`)}</Badge> : null}
            {batch.headerRow ? <span className="text-slate-500">· {t("headerRow", { row: batch.headerRow })}</span> : null}
          </span>
        }
        actions={
          <>
            {errors.length > 0 ? <ExportButtons source="import-errors" params={{ batch: batch.id }} /> : null}
            <Link href="/import" className="text-sm text-brand-600 hover:underline">
              {t("backToList")}
            </Link>
          </>
        }
      />
      <RefreshWhile active={busy} />

      {batch.status === "PARSING" ? <ProgressBar label={jobProgressLabel(tj, job) ?? t("reading")} fraction={batch.progress} action={cancelButton} /> : null}
      {batch.status === "COMMITTING" ? <ProgressBar label={jobProgressLabel(tj, job) ?? t("committing")} fraction={batch.progress} action={cancelButton} /> : null}

      {batch.status === "PREVIEW" || batch.status === "COMMITTED" || batch.status === "UNDONE" ? (
        <div className="flex flex-wrap gap-3 text-sm" data-testid="batch-summary">
          <Badge tone="neutral">{t("summaryRows", { rows: batch.rowCount })}</Badge>
          <Badge tone="brand">{t("summaryValid", { count: batch.validCount })}</Badge>
          {batch.invalidCount > 0 ? <Badge tone="warning">{t("summaryInvalid", { count: batch.invalidCount })}</Badge> : null}
          {batch.warningCount > 0 ? <Badge tone="muted">{t("summaryWarnings", { count: batch.warningCount })}</Badge> : null}
        </div>
      ) : null}

      {batch.status === "COMMITTED" ? (
        <Alert tone="success">
          {t("committedSummary", { inserted: batch.insertedCount, duplicates: batch.duplicateCount, invalid: batch.invalidCount })}
        </Alert>
      ) : null}
      {batch.status === "UNDONE" && batch.undoneAt ? (
        <Alert tone="info">{t("undoneSummary", { time: format.dateTime(batch.undoneAt, { dateStyle: "medium", timeStyle: "short" }) })}</Alert>
      ) : null}
      {batch.status === "CANCELLED" ? <Alert tone="info">{t("cancelledSummary")}</Alert> : null}
      {batch.status === "FAILED" && !errors.length && cancelled ? <Alert tone="info">{t("readCancelled")}</Alert> : null}
      {batch.status === "FAILED" && (errors.length || !cancelled) ? <Alert tone="error">{errors.length ? t("failedTitle") : t("interrupted")}</Alert> : null}
      {batch.status === "PREVIEW" && cancelled && job.kind === "import-commit" ? <Alert tone="info">{t("commitCancelled")}</Alert> : null}
      {batch.status === "REJECTED" ? <Alert tone="error">{t("rejectedSummary", { count: batch.invalidCount })}</Alert> : null}
      {batch.status === "PREVIEW" && sameFile ? <Alert tone="warning">{t("sameFile")}</Alert> : null}

      {batch.status === "PREVIEW" && kind && canManage ? (
        <Card title={t("previewTitle")}>
          <div className="flex flex-wrap items-start justify-between gap-6">
            <CommitForm
              batchId={batch.id}
              target={targetOf(kind)}
              targets={(targetOf(kind) === "store" ? stores : accounts).map((item) => ({ value: item.id, label: item.name }))}
              currentTargetId={targetOf(kind) === "store" ? batch.storeId : batch.fundAccountId}
              invalidCount={batch.invalidCount}
              mismatchByTarget={mismatchByAccount}
            />
            <CancelImportButton batchId={batch.id} />
          </div>
        </Card>
      ) : null}

      {batch.status === "COMMITTED" && canManage ? <UndoImportButton batchId={batch.id} rows={batch.insertedCount} /> : null}

      {errors.length > 0 ? (
        <section className="space-y-3">
          <h2 className="text-sm font-semibold text-slate-800">{t("errorsTitle")}</h2>
          <ErrorTable errors={errors} total={Math.max(errorTotal, errors.length)} />
        </section>
      ) : null}

      {fileAccounts.length > 0 && canManage ? (
        <Card title={ta("title", { count: fileAccounts.length })}>
          <p className="mb-4 text-sm text-slate-600">{ta("intro")}</p>
          <StatementAccountForm batchId={batch.id} accounts={fileAccounts} />
        </Card>
      ) : null}

      {batch.status === "FAILED" && canManage && needsMapping ? (
        <Card title={t("mapTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("mapIntro")}</p>
          <ColumnMappingForm batchId={batch.id} rows={rawRows} suggestions={rawRows.map((cells) => suggestColumnMapping(cells))} fileName={batch.fileName} />
        </Card>
      ) : null}

      {kind === "bank" && batch.status !== "FAILED" ? <StatementFactsPanel facts={facts} locale={lang} /> : null}

      {kind && sample.length > 0 && batch.status !== "FAILED" ? (
        <section className="space-y-3">
          <h2 className="text-sm font-semibold text-slate-800">{t("sampleTitle", { count: sample.length })}</h2>
          <SampleTable kind={kind} rows={sample} />
        </section>
      ) : null}

      {(batch.status === "PREVIEW" || batch.status === "FAILED") && canManage ? (
        <div className="flex flex-wrap items-end justify-between gap-4 border-t border-slate-200 pt-6">
          <ReparseForm batchId={batch.id} formats={formatOptions} current={batch.format} />
          {batch.status === "FAILED" ? <CancelImportButton batchId={batch.id} /> : null}
        </div>
      ) : null}
    </div>
  );
}
