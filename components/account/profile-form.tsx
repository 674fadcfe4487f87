"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { useUpdateMe } from "@/lib/client/me";
import { HTML_LANG, LOCALE_LABEL } from "@/lib/i18n";
import { LOCALES, THEMES } from "@/lib/schemas/constants";
import type { ConsoleUser, Locale, Theme } from "@/lib/schemas/user";

export function ProfileForm({ me }: { me: ConsoleUser }) {
  const t = useTranslations("Account");
  const roles = useTranslations("Roles");
  const common = useTranslations("Common");
  const words = useErrorWords();
  const router = useRouter();
  // Until the user picks a language, the page follows the browser's: show the one being shown.
  const shown = useLocale() as Locale;
  const [draft, setDraft] = useState({ name: me.name, locale: shown, theme: me.theme });
  const [saved, setSaved] = useState(false);
  const update = useUpdateMe();
  const fieldErrors = update.error instanceof ApiError ? words.fields(update.error) : {};
  const changed = draft.name.trim() !== me.name || draft.locale !== shown || draft.theme !== me.theme;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    // Only what changed, so the audit log shows only that.
    const change = {
      ...(draft.name.trim() !== me.name ? { name: draft.name.trim() } : {}),
      ...(draft.locale !== shown ? { locale: draft.locale } : {}),
      ...(draft.theme !== me.theme ? { theme: draft.theme } : {}),
    };
    update.mutate(change, {
      onSuccess: () => {
        setSaved(true);
        // Language and theme are rendered on the server: re-render now so the change shows at once.
        if (change.locale || change.theme) router.refresh();
      },
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
        {t.rich("signedInAs", { email: me.email, role: roles(`badge.${me.role}`), b: (c) => <span className="font-medium">{c}</span> })}
      </p>
      <Field label={t("name")} error={fieldErrors.name}>
        {(p) => (
          <input
            {...p}
            autoComplete="name"
            className={inputClass}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        )}
      </Field>
      <Field label={t("language")} error={fieldErrors.locale}>
        {(p) => (
          <select
            {...p}
            className={inputClass}
            value={draft.locale}
            onChange={(e) => setDraft({ ...draft, locale: e.target.value as Locale })}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={HTML_LANG[l]}>
                {LOCALE_LABEL[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("theme")} error={fieldErrors.theme}>
        {(p) => (
          <select
            {...p}
            className={inputClass}
            value={draft.theme}
            onChange={(e) => setDraft({ ...draft, theme: e.target.value as Theme })}
          >
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`themes.${th}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!Object.keys(fieldErrors).length && <MutationError error={update.error} />}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={!changed || update.isPending}>
          {update.isPending ? common("saving") : common("save")}
        </Button>
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {saved && !changed ? common("saved") : ""}
        </p>
      </div>
    </form>
  );
}
