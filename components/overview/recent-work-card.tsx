// The frame the home page's 最近导入 and 最近对账 share: a titled card with a link to the full list, a
// dense table that scrolls inside the card at phone width, or a line saying there is nothing yet.
import Link from "next/link";

export const RECENT_TH = "whitespace-nowrap px-2 py-1.5 text-left text-xs font-semibold text-slate-600 first:pl-4 last:pr-4";
export const RECENT_TD = "px-2 py-1.5 align-top first:pl-4 last:pr-4";

type Props = { id: string; title: string; link: { href: string; text: string }; emptyText: string | null; children: React.ReactNode };

export function RecentWorkCard({ id, title, link, emptyText, children }: Props) {
  return (
    <section className="min-w-0 rounded-lg bg-white ring-1 ring-slate-200" aria-labelledby={`${id}-title`}>
      <div className="flex items-baseline justify-between gap-3 border-b border-slate-100 px-4 py-2">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-800">
          {title}
        </h3>
        <Link href={link.href} className="text-xs text-brand-600 hover:underline">
          {link.text}
        </Link>
      </div>
      {emptyText !== null ? <p className="px-4 py-3 text-sm text-slate-500">{emptyText}</p> : <div className="overflow-x-auto">{children}</div>}
    </section>
  );
}
