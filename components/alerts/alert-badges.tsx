// Severity and status as small coloured badges: red for what is most at stake, amber for medium,
// grey for low; a status is blue while someone works on it, green once resolved, grey when ignored.
import type { AlertSeverity, AlertStatus } from "@/lib/alerts/alert-types";

const SEVERITY_TONES: Record<AlertSeverity, string> = {
  HIGH: "bg-red-50 text-red-700 ring-red-200",
  MEDIUM: "bg-amber-50 text-amber-800 ring-amber-200",
  LOW: "bg-slate-100 text-slate-600 ring-slate-200",
};

const STATUS_TONES: Record<AlertStatus, string> = {
  NEW: "bg-orange-50 text-orange-800",
  IN_PROGRESS: "bg-sky-50 text-sky-700",
  RESOLVED: "bg-emerald-50 text-emerald-700",
  IGNORED: "bg-slate-100 text-slate-500",
};

export function SeverityBadge({ severity, label }: { severity: AlertSeverity; label: string }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-px text-xs font-medium whitespace-nowrap ring-1 ring-inset ${SEVERITY_TONES[severity]}`}>{label}</span>;
}

export function AlertStatusBadge({ status, label }: { status: AlertStatus; label: string }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-px text-xs font-medium whitespace-nowrap ${STATUS_TONES[status]}`}>{label}</span>;
}
