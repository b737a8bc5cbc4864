import type { ReactNode } from "react";

/** `action` sits beside the bar (e.g. the cancel button of the job behind it). */
export function ProgressBar({ label, fraction, action }: { label: string; fraction: number; action?: ReactNode }) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="flex items-center gap-4 rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <div role="progressbar" aria-label={label} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} className="min-w-0 flex-1">
        <p className="text-sm text-slate-700">
          {label} <span className="num text-slate-500">{percent}%</span>
        </p>
        <div className="mt-3 h-2 rounded bg-slate-100">
          <div className="h-2 rounded bg-brand-500 transition-all" style={{ width: `${percent}%` }} />
        </div>
      </div>
      {action}
    </div>
  );
}
