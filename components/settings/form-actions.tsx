"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";

export function FormActions({ pending, cancelHref }: { pending: boolean; cancelHref: string }) {
  const t = useTranslations("common");
  return (
    <div className="flex items-center gap-3 pt-2">
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
      <Link href={cancelHref} className={buttonClass("secondary")}>
        {t("cancel")}
      </Link>
    </div>
  );
}
