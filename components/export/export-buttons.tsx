"use client";
// "导出 Excel" / "导出 PDF": asks for the rows the page's filters show (every page of them), then
// follows the export job beside the buttons — the page stays usable — and starts the download when
// the file is ready. The file also waits in the export centre until it expires.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { requestExportAction } from "@/lib/actions/export/exports";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/reconcile/call-action";

type Format = "XLSX" | "PDF";
type Status = { status: "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED"; progress: number; rowCount: number | null; message: string | null };
type Tracked = { id: string; format: Format; state?: Status; error?: string };

const POLL_MS = 700;
const FORMAT_NAMES: Record<Format, string> = { XLSX: "Excel", PDF: "PDF" };

/**
 * `source`: an export source id (lib/export-sources); `params`: the page's filters as its URL has
 * them. `compact`: small buttons, for a pane's header.
 */
export function ExportButtons({ source, params, compact = false }: { source: string; params: Record<string, string | undefined>; compact?: boolean }) {
  const t = useTranslations("exportButtons");
  const [tracked, setTracked] = useState<Tracked>();
  const [asking, setAsking] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);

  const ask = async (format: Format) => {
    setAsking(true);
    const filters = Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    const state = await callAction(requestExportAction, { source, format, params: JSON.stringify(filters) });
    setAsking(false);
    setTracked(state.status === "ok" ? { id: state.data.id, format } : { id: "", format, error: state.status === "error" ? state.message : undefined });
  };

  const id = tracked?.id;
  const finished = tracked?.state && !["QUEUED", "RUNNING"].includes(tracked.state.status);
  useEffect(() => {
    if (!id || finished) return;
    let stopped = false;
    const poll = async () => {
      const response = await fetch(`/api/exports/${id}`, { cache: "no-store" }).catch(() => null);
      if (stopped || !response) return;
      const body = (await response.json().catch(() => ({}))) as Partial<Status> & { error?: string };
      // A failed poll says why but keeps polling (the network may come back); a good one clears it.
      setTracked((current) => (current?.id !== id ? current : response.ok ? { ...current, state: body as Status, error: undefined } : { ...current, error: body.error ?? response.statusText }));
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, finished]);

  // Once, when the file is ready: the browser's own download (the link stays for another copy).
  const done = tracked?.state?.status === "DONE";
  useEffect(() => {
    if (done) link.current?.click();
  }, [done, id]);

  const working = asking || (Boolean(id) && !finished && !tracked?.error);
  const format = tracked ? FORMAT_NAMES[tracked.format] : "";
  const state = tracked?.state;
  const size = compact ? "px-2 py-1 text-xs" : "";
  return (
    <div className="flex flex-wrap items-center justify-end gap-2" aria-label={t("label")} role="group">
      {tracked ? (
        <span role="status" data-testid="export-status" className={`text-xs ${tracked.error || state?.status === "FAILED" || state?.status === "CANCELLED" ? "text-red-700" : "text-slate-600"}`}>
          {tracked.error ??
            (state?.status === "DONE" ? (
              <>
                {t("done", { format, rows: state.rowCount ?? 0 })}{" "}
                <a ref={link} href={`/api/exports/${id}/file`} download className="font-medium text-brand-700 underline">
                  {t("download")}
                </a>
              </>
            ) : state?.status === "FAILED" || state?.status === "CANCELLED" ? (
              state.message
            ) : state?.status === "RUNNING" ? (
              t("running", { format, percent: Math.round(state.progress * 100) })
            ) : (
              t("queued", { format })
            ))}{" "}
          <Link href="/export" className="text-slate-500 underline">
            {t("centre")}
          </Link>
        </span>
      ) : null}
      <Button type="button" variant="secondary" className={size} disabled={working} onClick={() => void ask("XLSX")}>
        {t("excel")}
      </Button>
      <Button type="button" variant="secondary" className={size} disabled={working} onClick={() => void ask("PDF")}>
        {t("pdf")}
      </Button>
    </div>
  );
}
