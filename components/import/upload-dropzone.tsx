"use client";
// Sends each chosen file as the raw body of POST /api/imports, one at a time, with upload progress
// (XMLHttpRequest, because fetch cannot report upload progress), then opens the first batch.
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";

type Upload = { name: string; percent: number };

function uploadFile(file: File, onProgress: (percent: number) => void): Promise<{ batchId: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/imports?fileName=${encodeURIComponent(file.name)}`);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    request.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(request.responseText) as { batchId?: string; error?: string };
        } catch {
          return {};
        }
      })();
      if (request.status === 201 && body.batchId) resolve({ batchId: body.batchId });
      else reject(new Error(body.error ?? `HTTP ${request.status}`));
    };
    request.onerror = () => reject(new Error("network"));
    request.send(file);
  });
}

export function UploadDropzone({ maxMb }: { maxMb: number }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);

  async function send(files: File[]) {
    setErrors([]);
    const batchIds: string[] = [];
    const failures: string[] = [];
    for (const file of files) {
      try {
        setUpload({ name: file.name, percent: 0 });
        const { batchId } = await uploadFile(file, (percent) => setUpload({ name: file.name, percent }));
        batchIds.push(batchId);
      } catch (error) {
        failures.push(t("uploadFailed", { name: file.name, reason: (error as Error).message }));
      }
    }
    setUpload(null);
    setErrors(failures);
    // One file opens its preview; several stay on the list with their group, to commit together once clean.
    if (batchIds.length === 1) router.push(`/import/${batchIds[0]}`);
    else if (batchIds.length > 1) router.replace(`/import?upload=${batchIds.join(",")}`);
    else router.refresh();
  }

  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={() => input.current?.click()}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void send(Array.from(event.dataTransfer.files));
        }}
        disabled={upload !== null}
        className={`flex w-full flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-10 text-center transition ${
          dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:border-brand-500"
        }`}
      >
        <span aria-hidden className="text-3xl text-slate-400">⇪</span>
        <span className="mt-2 text-sm font-medium text-slate-800">{t("dropTitle")}</span>
        <span className="mt-1 text-xs text-slate-500">{t("dropHint", { maxMb })}</span>
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".csv,.txt,.tsv,.xlsx,.xls"
        aria-label={t("choose")}
        className="sr-only"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = "";
          if (files.length) void send(files);
        }}
      />
      {upload ? (
        <div role="status" className="rounded-md bg-white p-3 ring-1 ring-slate-200">
          <p className="text-sm text-slate-700">{t("uploading", { name: upload.name, percent: upload.percent })}</p>
          <div className="mt-2 h-1.5 rounded bg-slate-100">
            <div className="h-1.5 rounded bg-brand-500 transition-all" style={{ width: `${upload.percent}%` }} />
          </div>
        </div>
      ) : null}
      {errors.map((error) => (
        <Alert key={error} tone="error">
          {error}
        </Alert>
      ))}
    </div>
  );
}
