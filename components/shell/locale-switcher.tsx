"use client";
import { useTransition } from "react";
import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { setLocaleAction } from "@/lib/actions/shell";

const LABELS = { "zh-CN": "中文", en: "English" } as const;

export function LocaleSwitcher({ label }: { label: string }) {
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md ring-1 ring-slate-300">
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((value) => (
        <button
          key={value}
          type="button"
          disabled={pending}
          aria-pressed={locale === value}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(value);
              router.refresh();
            })
          }
          className={`px-2.5 py-1 text-xs first:rounded-l-md last:rounded-r-md ${
            locale === value ? "bg-slate-800 text-white" : "bg-white text-slate-600 hover:bg-slate-50"
          }`}
        >
          {LABELS[value]}
        </button>
      ))}
    </div>
  );
}
