"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { useUpdateMe } from "@/lib/client/me";

const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

export function PasswordForm() {
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const update = useUpdateMe();
  const t = useTranslations("Account");
  const words = useErrorWords();
  const set = (key: keyof typeof EMPTY, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    // The schema (and zod with it) loads with the first submission, not with the page.
    const { updateMeSchema } = await import("@/lib/schemas/user");
    const parsed = updateMeSchema.safeParse({ currentPassword: draft.currentPassword, newPassword: draft.newPassword });
    const found: Record<string, string> = parsed.success ? {} : words.issues(parsed.error);
    if (draft.confirm !== draft.newPassword) found.confirm = t("mismatch");
    setErrors(found);
    if (!parsed.success || found.confirm) return;
    try {
      await update.mutateAsync(parsed.data);
      setDraft(EMPTY);
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) setErrors(words.fields(err));
    }
  }

  const formError = update.error instanceof ApiError && Object.keys(update.error.fieldErrors).length ? null : update.error;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <Field label={t("currentPassword")} error={errors.currentPassword}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="current-password"
            className={inputClass}
            value={draft.currentPassword}
            onChange={(e) => set("currentPassword", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("newPassword")} hint={t("newPasswordHint")} error={errors.newPassword}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            className={inputClass}
            value={draft.newPassword}
            onChange={(e) => set("newPassword", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("newPasswordAgain")} error={errors.confirm}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            className={inputClass}
            value={draft.confirm}
            onChange={(e) => set("confirm", e.target.value)}
          />
        )}
      </Field>
      <MutationError error={formError} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? t("changing") : t("changePassword")}
        </Button>
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {done ? t("passwordChanged") : ""}
        </p>
      </div>
    </form>
  );
}
