"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { ApiError } from "@/lib/client/api-error";
import { useUpdateMe } from "@/lib/client/me";
import { LOCALES, THEMES, type ConsoleUser, type Locale, type Theme } from "@/lib/schemas/user";

// Each language is named in itself, so someone who cannot read the current one still finds theirs.
const LOCALE_LABEL: Record<Locale, string> = { en: "English", ja: "日本語", zh: "中文" };
const THEME_LABEL: Record<Theme, string> = { light: "Light", dark: "Dark", system: "Same as the system" };

export function ProfileForm({ me }: { me: ConsoleUser }) {
  const [draft, setDraft] = useState({ name: me.name, locale: me.locale, theme: me.theme });
  const [saved, setSaved] = useState(false);
  const update = useUpdateMe();
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : {};
  const changed = draft.name.trim() !== me.name || draft.locale !== me.locale || draft.theme !== me.theme;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    // Only what changed, so the audit log shows only that.
    const change = {
      ...(draft.name.trim() !== me.name ? { name: draft.name.trim() } : {}),
      ...(draft.locale !== me.locale ? { locale: draft.locale } : {}),
      ...(draft.theme !== me.theme ? { theme: draft.theme } : {}),
    };
    update.mutate(change, { onSuccess: () => setSaved(true) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Signed in as <span className="font-medium">{me.email}</span> ({me.role})
      </p>
      <Field label="Name" error={fieldErrors.name}>
        {(p) => <input {...p} autoComplete="name" className={inputClass} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
      </Field>
      <Field label="Language" error={fieldErrors.locale}>
        {(p) => (
          <select {...p} className={inputClass} value={draft.locale} onChange={(e) => setDraft({ ...draft, locale: e.target.value as Locale })}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_LABEL[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Theme" error={fieldErrors.theme}>
        {(p) => (
          <select {...p} className={inputClass} value={draft.theme} onChange={(e) => setDraft({ ...draft, theme: e.target.value as Theme })}>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {THEME_LABEL[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!Object.keys(fieldErrors).length && <MutationError error={update.error} />}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={!changed || update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {saved && !changed ? "Saved." : ""}
        </p>
      </div>
    </form>
  );
}
