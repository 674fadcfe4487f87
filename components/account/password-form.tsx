"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { ApiError } from "@/lib/client/api-error";
import { useUpdateMe } from "@/lib/client/me";
import { updateMeSchema } from "@/lib/schemas/user";

const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

export function PasswordForm() {
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const update = useUpdateMe();
  const set = (key: keyof typeof EMPTY, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const parsed = updateMeSchema.safeParse({ currentPassword: draft.currentPassword, newPassword: draft.newPassword });
    const found: Record<string, string> = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
    if (draft.confirm !== draft.newPassword) found.confirm = "The two new passwords are not the same";
    setErrors(found);
    if (!parsed.success || found.confirm) return;
    try {
      await update.mutateAsync(parsed.data);
      setDraft(EMPTY);
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
    }
  }

  const formError = update.error instanceof ApiError && Object.keys(update.error.fieldErrors).length ? null : update.error;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <Field label="Current password" error={errors.currentPassword}>
        {(p) => <input {...p} type="password" autoComplete="current-password" className={inputClass} value={draft.currentPassword} onChange={(e) => set("currentPassword", e.target.value)} />}
      </Field>
      <Field label="New password" hint="At least 10 characters" error={errors.newPassword}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className={inputClass} value={draft.newPassword} onChange={(e) => set("newPassword", e.target.value)} />}
      </Field>
      <Field label="New password again" error={errors.confirm}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className={inputClass} value={draft.confirm} onChange={(e) => set("confirm", e.target.value)} />}
      </Field>
      <MutationError error={formError} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? "Changing…" : "Change password"}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {done ? "Password changed. Use it the next time you sign in." : ""}
        </p>
      </div>
    </form>
  );
}
