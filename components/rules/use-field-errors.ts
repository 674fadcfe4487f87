"use client";
import { useTranslations } from "next-intl";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import type { FieldIssue, FormField } from "./rule-form";

export type FieldErrors = Partial<Record<FormField, string>>;

/** Refusals in the reader's words, one per form field (the first), saying which entry of a list it is about. */
export function useFieldErrors() {
  const t = useTranslations("rules.editor");
  const words = useErrorWords();
  return (issues: FieldIssue[]): FieldErrors => {
    const texts = words.fields(new ApiError(422, "validation", "", { fields: issues }));
    const errors: FieldErrors = {};
    for (const issue of issues) {
      if (errors[issue.field]) continue;
      // "At least 1" of a list left empty reads better in words of its own.
      const text = issue.key === "tooFew" ? t("listEmpty") : (texts[issue.path] ?? issue.message);
      errors[issue.field] = issue.entry ? t("entry", { n: issue.entry, message: text }) : text;
    }
    return errors;
  };
}
