"use client";
// The one banner every workspace page shows above its forms: which months in view are locked (and
// what that means: rows there cannot be matched, unmatched or undone; an owner may reopen) or
// submitted and waiting for a reviewer, by whom and when. Which months are in view follows the
// page's date filters in the URL (lib/match-review/months-in-view.ts), so it updates as people filter.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { monthsInView, workspaceRanges } from "@/lib/match-review/months-in-view";

/** A closing month as the banner shows it: names and times already in the reader's language. */
export type MonthStateView = {
  month: string;
  status: "SUBMITTED" | "LOCKED";
  submittedBy: string;
  submittedAt: string;
  lockedBy: string;
  lockedAt: string;
};

/** How many months each part names before it says "and N more". */
const SHOWN = 3;

export function MonthStateBanner({ months }: { months: MonthStateView[] }) {
  const t = useTranslations("workspace.monthState");
  const pathname = usePathname();
  const query = useSearchParams();
  const inView = monthsInView(months, workspaceRanges(pathname, query));
  const locked = inView.filter((entry) => entry.status === "LOCKED");
  const submitted = inView.filter((entry) => entry.status === "SUBMITTED");
  if (inView.length === 0) return null;
  const names = (list: MonthStateView[]) => list.map((entry) => entry.month).join(t("separator"));
  return (
    <div className="mb-4 space-y-2" data-testid="month-state-banner">
      {locked.length > 0 ? (
        <section role="status" className="rounded-md bg-slate-800 px-4 py-3 text-sm text-white" data-state="LOCKED">
          <p className="font-semibold">
            <LockIcon />
            {t("lockedTitle", { count: locked.length, months: names(locked.slice(0, SHOWN)) })}
            {locked.length > SHOWN ? ` ${t("more", { count: locked.length - SHOWN })}` : null}
          </p>
          <ul className="mt-1 space-y-0.5 text-slate-200">
            {locked.slice(0, SHOWN).map((entry) => (
              <li key={entry.month} data-month={entry.month}>
                {t("lockedLine", { month: entry.month, lockedBy: entry.lockedBy, lockedAt: entry.lockedAt, submittedBy: entry.submittedBy })}
              </li>
            ))}
          </ul>
          <p className="mt-1.5 text-slate-100">
            {t("lockedMeaning")}{" "}
            <Link href="/reconcile/periods" className="whitespace-nowrap underline underline-offset-2 hover:text-white">
              {t("periodsLink")}
            </Link>
          </p>
        </section>
      ) : null}
      {submitted.length > 0 ? (
        <section role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" data-state="SUBMITTED">
          <p className="font-semibold">{t("submittedTitle", { count: submitted.length, months: names(submitted) })}</p>
          <ul className="mt-1 space-y-0.5">
            {submitted.map((entry) => (
              <li key={entry.month} data-month={entry.month}>
                {t("submittedLine", { month: entry.month, submittedBy: entry.submittedBy, submittedAt: entry.submittedAt })}
              </li>
            ))}
          </ul>
          <p className="mt-1.5">{t("submittedMeaning")}</p>
        </section>
      ) : null}
    </div>
  );
}

/** A padlock drawn inline: the machines that show these pages may have no emoji font. */
function LockIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="mr-1.5 inline-block h-3.5 w-3.5 -translate-y-px fill-current">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1.5 1.5 0 0 1 13.5 8.5v5A1.5 1.5 0 0 1 12 15H4a1.5 1.5 0 0 1-1.5-1.5v-5A1.5 1.5 0 0 1 4 7h.5Zm1.5 0h4V5a2 2 0 1 0-4 0v2Z" />
    </svg>
  );
}
