// The home page's 最近导入: the last few files, dense — when, file (opening its import page), what
// kind and where it went, rows, status, who. Renders what it is given (lib/overview/recent-work.ts).
import Link from "next/link";
import { RecentWorkCard, RECENT_TD, RECENT_TH } from "./recent-work-card";
import { getTranslations } from "next-intl/server";
import { BatchStatusBadge } from "@/components/import/batch-status-badge";
import { KIND_FROM_DB } from "@/lib/import-batches/import-kinds";
import type { RecentImport } from "@/lib/overview/recent-work";
import { formatLocalDateTime } from "@/lib/shared/local-time";

const TH = RECENT_TH;
const TD = RECENT_TD;

export async function RecentImportsCard({ imports, timeZone }: { imports: RecentImport[]; timeZone: string }) {
  const [t, ti] = await Promise.all([getTranslations("overview.glance"), getTranslations("imports")]);
  return (
    <RecentWorkCard id="recent-imports" title={t("imports")} link={{ href: "/import", text: t("allImports") }} emptyText={imports.length === 0 ? t("noImports") : null}>
      <table className="w-full text-sm" data-testid="recent-imports">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={TH}>{t("file")}</th>
            <th scope="col" className={`${TH} text-right`}>{t("rows")}</th>
            <th scope="col" className={TH}>{t("status")}</th>
            <th scope="col" className={`${TH} hidden sm:table-cell`}>{t("when")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {imports.map((batch) => {
            const at = formatLocalDateTime(batch.at, timeZone);
            return (
              <tr key={batch.id} data-batch-id={batch.id}>
                <td className={`${TD} max-w-0 w-full`}>
                  <Link href={`/import/${batch.id}`} className="block truncate font-medium text-brand-700 hover:underline" title={batch.fileName}>
                    {batch.fileName}
                  </Link>
                  <span className="block truncate text-xs text-slate-500">
                    {[batch.kind ? ti(`kinds.${KIND_FROM_DB[batch.kind]}`) : null, batch.target, batch.by].filter(Boolean).join(" · ")}
                    <span className="num sm:hidden"> · {at.slice(5, 16)}</span>
                  </span>
                </td>
                <td className={`${TD} num whitespace-nowrap text-right`}>
                  {t("rowsValue", { rows: batch.rows })}
                  {batch.inserted !== null ? <span className="block text-xs text-slate-500">{t("insertedValue", { inserted: batch.inserted })}</span> : null}
                  {batch.invalid > 0 ? <span className="block text-xs text-red-700">{t("invalidValue", { invalid: batch.invalid })}</span> : null}
                </td>
                <td className={`${TD} whitespace-nowrap`}>
                  <BatchStatusBadge status={batch.status} />
                </td>
                <td className={`${TD} num hidden whitespace-nowrap text-slate-600 sm:table-cell`} title={at}>
                  {at.slice(5, 16)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </RecentWorkCard>
  );
}
