// The home page's 最近导入: the last few files, dense — when, file (opening its import page), what
// kind and where it went, rows, status, who. Renders what it is given (lib/overview/recent-work.ts).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BatchStatusBadge } from "@/components/import/batch-status-badge";
import { KIND_FROM_DB } from "@/lib/import-batches/import-kinds";
import type { RecentImport } from "@/lib/overview/recent-work";
import { formatLocalDateTime } from "@/lib/shared/local-time";

const TH = "whitespace-nowrap px-2 py-1.5 text-left text-xs font-semibold text-slate-600 first:pl-4 last:pr-4";
const TD = "px-2 py-1.5 align-top first:pl-4 last:pr-4";

export async function RecentImportsCard({ imports, timeZone }: { imports: RecentImport[]; timeZone: string }) {
  const [t, ti] = await Promise.all([getTranslations("overview.glance"), getTranslations("imports")]);
  return (
    <section className="min-w-0 rounded-lg bg-white ring-1 ring-slate-200" aria-labelledby="recent-imports-title">
      <div className="flex items-baseline justify-between gap-3 border-b border-slate-100 px-4 py-2">
        <h3 id="recent-imports-title" className="text-sm font-semibold text-slate-800">
          {t("imports")}
        </h3>
        <Link href="/import" className="text-xs text-brand-600 hover:underline">
          {t("allImports")}
        </Link>
      </div>
      {imports.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">{t("noImports")}</p>
      ) : (
        <div className="overflow-x-auto">
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
        </div>
      )}
    </section>
  );
}
