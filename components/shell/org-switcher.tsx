"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { switchOrganizationAction } from "@/lib/actions/shell";

export function OrgSwitcher({
  current,
  choices,
  label,
}: {
  current: string;
  choices: { orgId: string; name: string }[];
  label: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (choices.length < 2) {
    return <span className="truncate text-sm font-medium text-slate-800">{choices[0]?.name}</span>;
  }
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{label}</span>
      <select
        aria-label={label}
        value={current}
        disabled={pending}
        onChange={(event) => {
          const orgId = event.target.value;
          startTransition(async () => {
            await switchOrganizationAction(orgId);
            router.push("/");
            router.refresh();
          });
        }}
        className="max-w-64 rounded-md border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300"
      >
        {choices.map((choice) => (
          <option key={choice.orgId} value={choice.orgId}>
            {choice.name}
          </option>
        ))}
      </select>
    </label>
  );
}
