import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function Pager({
  hasPrevious,
  hasNext,
  busy,
  onPrevious,
  onNext,
}: {
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const t = useTranslations("Common");
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav aria-label={t("pages")} className="flex items-center justify-end gap-2">
      <Button onClick={onPrevious} disabled={!hasPrevious || busy}>
        {t("previous")}
      </Button>
      <Button onClick={onNext} disabled={!hasNext || busy}>
        {t("next")}
      </Button>
    </nav>
  );
}
