// 常见费率: a store's usual rate per fee type, learned from its own confirmed orders
// (lib/fee-rates). Read-only: it says what the platform has been charging, "learned from N orders",
// and that matching checks an inferred fee against it when the store has no contracted rate.
import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { StoreFeeRateView } from "@/lib/fee-rates/store-fee-rates";
import { formatBpsAsPercent } from "@/lib/shared/percent-bps";
import { formatLocalDateTime } from "@/lib/shared/local-time";

export async function LearnedFeeRates({ rates, contracted, timeZone }: { rates: StoreFeeRateView[]; contracted: boolean; timeZone: string }) {
  const [t, tf] = await Promise.all([getTranslations("stores.learned"), getTranslations("reports.feeTypes")]);
  return (
    <section className="mt-8 max-w-3xl" data-testid="learned-fee-rates">
      <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{contracted ? t("introContracted") : t("introNoContract")}</p>
      {rates.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t("none", { min: 20 })}</p>
      ) : (
        <div className="mt-3">
          <Table>
            <thead>
              <tr>
                <Th>{t("feeType")}</Th>
                <Th className="text-right">{t("median")}</Th>
                <Th className="text-right">{t("upper")}</Th>
                <Th className="text-right">{t("orders")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rates.map((rate) => (
                <tr key={rate.feeType} data-fee-type={rate.feeType}>
                  <Td>{tf(rate.feeType)}</Td>
                  <Td className="num text-right">{formatBpsAsPercent(rate.medianBps)}%</Td>
                  <Td className="num text-right">{formatBpsAsPercent(rate.upperBps)}%</Td>
                  <Td className="num text-right">{t("learnedFrom", { orders: rate.orders, ofOrders: rate.ofOrders })}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="mt-2 text-xs text-slate-500">{t("computedAt", { at: formatLocalDateTime(rates[0]!.computedAt, timeZone) })}</p>
        </div>
      )}
    </section>
  );
}
