"use client";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { HTML_LANG, LOCALE_LABEL } from "@/lib/i18n";
import { REFUSAL_TEMPLATES, sharedLanguage, TEMPLATE_KEYS } from "@/lib/refusal-templates";
import { LOCALES } from "@/lib/schemas/constants";
import type { Locale } from "@/lib/schemas/user";

/** The reason of a refusal (components/applications/refuse-dialog.tsx), typed or taken from a template in the requester's language. */
export default function RefuseForm({
  messages,
  onCancel,
  onSubmit,
}: {
  messages: string[];
  onCancel: () => void;
  onSubmit: (reason: string | undefined) => void;
}) {
  const t = useTranslations("Applications");
  const common = useTranslations("Common");
  const moderators = useLocale() as Locale;
  const theirs = sharedLanguage(messages);
  const [reason, setReason] = useState("");
  const [language, setLanguage] = useState<Locale>(theirs ?? moderators);
  const hintId = useId();
  const submit = () => onSubmit(reason.trim() || undefined);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <form
      className="flex flex-col gap-3"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label={common("reasonOptional")} hint={t("refuseKeysHint")}>
        {(p) => <textarea {...p} rows={3} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">{t("templates")}</legend>
        <div
          role="radiogroup"
          aria-label={t("templateLanguage")}
          aria-describedby={hintId}
          className="flex flex-wrap items-center gap-1 text-xs"
        >
          <span aria-hidden className="mr-1 font-medium text-slate-700 dark:text-slate-300">
            {t("templateLanguage")}
          </span>
          {LOCALES.map((l) => (
            <label
              key={l}
              lang={HTML_LANG[l]}
              className="flex items-center gap-1 rounded border border-slate-300 px-2 py-0.5 has-checked:border-indigo-600 has-checked:bg-indigo-50 has-checked:font-semibold dark:border-slate-600 dark:has-checked:border-indigo-400 dark:has-checked:bg-indigo-950"
            >
              <input
                type="radio"
                name="template-language"
                value={l}
                checked={language === l}
                onChange={() => setLanguage(l)}
                className="accent-indigo-600"
              />
              {LOCALE_LABEL[l]}
            </label>
          ))}
        </div>
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {theirs
            ? t("templateLanguageTheirs", { language: LOCALE_LABEL[theirs], count: messages.length })
            : t("templateLanguageYours", { language: LOCALE_LABEL[language] })}
        </p>
        <div role="group" aria-label={t("templates")} className="flex flex-wrap gap-2">
          {TEMPLATE_KEYS.map((key) => (
            <button
              key={key}
              type="button"
              lang={HTML_LANG[language]}
              className="rounded-full border border-slate-300 px-2.5 py-1 text-left text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              onClick={() => setReason(REFUSAL_TEMPLATES[language][key])}
            >
              {REFUSAL_TEMPLATES[language][key]}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>{common("cancel")}</Button>
        <Button type="submit" variant="primary" className="bg-red-700 hover:bg-red-800">
          {t("refuse")}
        </Button>
      </div>
    </form>
  );
}
