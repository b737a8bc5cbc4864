// What a bank or wallet file says about itself, shown on its preview: the account it prints, the
// booking days it covers, money in and out, and the balance check when it prints balances — the
// figures finance staff compare with the bank's own statement before they commit.
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { BatchFacts } from "@/lib/import-batches/batch-facts";
import { formatMinor, type MoneyLocale } from "@/lib/money";

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-medium break-words tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export async function StatementFactsPanel({ facts, locale }: { facts: BatchFacts; locale: MoneyLocale }) {
  const t = await getTranslations("imports.facts");
  const { statementAccount: account, statement } = facts;
  if (!statement) return null;
  const money = (minor: bigint) => formatMinor(minor, statement.currency ?? "CNY", locale);
  const balance = statement.balance;
  return (
    <section className="space-y-3" data-testid="statement-facts">
      <h2 className="text-sm font-semibold text-slate-800">{t("title")}</h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact label={t("accountNumber")} value={account?.number ?? t("none")} testId="fact-account" />
        <Fact label={t("bank")} value={[account?.bank, account?.name].filter(Boolean).join(" · ") || t("none")} testId="fact-bank" />
        <Fact
          label={t("dateRange")}
          value={statement.firstDay && statement.lastDay ? t("range", { from: statement.firstDay, to: statement.lastDay }) : t("none")}
          testId="fact-dates"
        />
        <Fact label={t("count")} value={t("rows", { count: statement.count })} testId="fact-count" />
        <Fact label={t("totalIn")} value={money(statement.inMinor)} testId="fact-in" />
        <Fact label={t("totalOut")} value={money(statement.outMinor)} testId="fact-out" />
        {balance ? (
          <>
            <Fact label={t("opening")} value={money(balance.openingMinor)} testId="fact-opening" />
            <Fact label={t("closing")} value={money(balance.closingMinor)} testId="fact-closing" />
          </>
        ) : null}
      </dl>
      {balance && balance.brokenAtRow === null ? (
        <Alert tone="success">
          {t("balanceOk", { opening: money(balance.openingMinor), in: money(statement.inMinor), out: money(statement.outMinor), closing: money(balance.closingMinor) })}
        </Alert>
      ) : null}
      {balance && balance.brokenAtRow !== null ? <Alert tone="warning">{t("balanceBroken", { row: balance.brokenAtRow })}</Alert> : null}
      {!balance ? <p className="text-xs text-slate-500">{t("noBalances")}</p> : null}
      {statement.mixedCurrencies ? <Alert tone="warning">{t("mixedCurrencies", { currency: statement.currency ?? "" })}</Alert> : null}
    </section>
  );
}
