"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { useCreateUser } from "@/lib/client/users";
import { ROLES } from "@/lib/schemas/constants";
import type { ConsoleUser, Role } from "@/lib/schemas/user";

type Draft = { email: string; name: string; password: string; role: Role };
const EMPTY: Draft = { email: "", name: "", password: "", role: "viewer" };

export function AddUserDialog({ onAdded }: { onAdded: (user: ConsoleUser) => void }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateUser();
  const t = useTranslations("Users");
  const roles = useTranslations("Roles");
  const common = useTranslations("Common");
  const words = useErrorWords();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) {
      setDraft(EMPTY);
      setErrors({});
      create.reset();
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    // The schema (and zod with it) loads with the first submission, not with the page.
    const { createUserSchema } = await import("@/lib/schemas/user");
    const parsed = createUserSchema.safeParse({ ...draft, name: draft.name.trim() || undefined });
    if (!parsed.success) {
      setErrors(words.issues(parsed.error));
      return;
    }
    setErrors({});
    try {
      const user = await create.mutateAsync(parsed.data);
      setOpen(false);
      onAdded(user);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === "conflict") setErrors({ email: t("emailTaken", { email: parsed.data.email }) });
      else if (err.fields.length) setErrors(words.fields(err));
    }
  }

  const formError =
    create.error instanceof ApiError && create.error.code !== "conflict" && !Object.keys(create.error.fieldErrors).length
      ? create.error
      : null;

  return (
    <>
      <Button variant="primary" onClick={() => onOpenChange(true)}>
        {t("add")}
      </Button>
      <Dialog open={open} onOpenChange={onOpenChange} title={t("add")} description={t("addDescription")}>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <Field label={t("email")} error={errors.email}>
            {(p) => (
              <input
                {...p}
                type="email"
                autoComplete="off"
                className={inputClass}
                value={draft.email}
                onChange={(e) => set("email", e.target.value)}
                required
              />
            )}
          </Field>
          <Field label={t("nameOptional")} error={errors.name}>
            {(p) => (
              <input {...p} autoComplete="off" className={inputClass} value={draft.name} onChange={(e) => set("name", e.target.value)} />
            )}
          </Field>
          <Field label={t("password")} hint={t("passwordHint")} error={errors.password}>
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                className={inputClass}
                value={draft.password}
                onChange={(e) => set("password", e.target.value)}
                required
              />
            )}
          </Field>
          <Field label={t("role")} hint={roles(`hint.${draft.role}`)} error={errors.role}>
            {(p) => (
              <select {...p} className={inputClass} value={draft.role} onChange={(e) => set("role", e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roles(`label.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <MutationError error={formError} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => onOpenChange(false)}>{common("cancel")}</Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? t("adding") : t("add")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
