"use client";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { useErrorWords } from "./use-error-words";

/** What went wrong in words, the codes for support, and a way to try again. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslations("Common");
  const words = useErrorWords();
  const codes = words.codes(error);
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-medium">{words.message(error)}</p>
      {codes && <p className="mt-1 text-xs text-red-800 dark:text-red-200">{codes}</p>}
      {onRetry && (
        <Button className="mt-3" onClick={onRetry}>
          {t("tryAgain")}
        </Button>
      )}
    </div>
  );
}
