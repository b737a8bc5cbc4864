import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const TONES = {
  PARSING: "brand",
  PREVIEW: "warning",
  COMMITTING: "brand",
  COMMITTED: "neutral",
  FAILED: "warning",
  REJECTED: "warning",
  CANCELLED: "muted",
  UNDONE: "muted",
} as const;

export function BatchStatusBadge({ status }: { status: keyof typeof TONES }) {
  const t = useTranslations("imports.statuses");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
