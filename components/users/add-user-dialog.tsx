"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { ApiError } from "@/lib/client/api-error";
import { useCreateUser } from "@/lib/client/users";
import { createUserSchema, ROLES, type ConsoleUser, type Role } from "@/lib/schemas/user";
import { ROLE_HINT, ROLE_LABEL } from "./labels";

type Draft = { email: string; name: string; password: string; role: Role };
const EMPTY: Draft = { email: "", name: "", password: "", role: "viewer" };

export function AddUserDialog({ onAdded }: { onAdded: (user: ConsoleUser) => void }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateUser();
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
    const parsed = createUserSchema.safeParse({ ...draft, name: draft.name.trim() || undefined });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
      return;
    }
    setErrors({});
    try {
      const user = await create.mutateAsync(parsed.data);
      setOpen(false);
      onAdded(user);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === "conflict") setErrors({ email: err.message });
      else if (Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
    }
  }

  const formError = create.error instanceof ApiError && create.error.code !== "conflict" && !Object.keys(create.error.fieldErrors).length ? create.error : null;

  return (
    <>
      <Button variant="primary" onClick={() => onOpenChange(true)}>
        Add user
      </Button>
      <Dialog open={open} onOpenChange={onOpenChange} title="Add user" description="They sign in with this email and password; tell them the password another way.">
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <Field label="Email" error={errors.email}>
            {(p) => <input {...p} type="email" autoComplete="off" className={inputClass} value={draft.email} onChange={(e) => set("email", e.target.value)} required />}
          </Field>
          <Field label="Name (optional)" error={errors.name}>
            {(p) => <input {...p} autoComplete="off" className={inputClass} value={draft.name} onChange={(e) => set("name", e.target.value)} />}
          </Field>
          <Field label="Password" hint="At least 10 characters" error={errors.password}>
            {(p) => <input {...p} type="password" autoComplete="new-password" className={inputClass} value={draft.password} onChange={(e) => set("password", e.target.value)} required />}
          </Field>
          <Field label="Role" hint={ROLE_HINT[draft.role]} error={errors.role}>
            {(p) => (
              <select {...p} className={inputClass} value={draft.role} onChange={(e) => set("role", e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <MutationError error={formError} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? "Adding…" : "Add user"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
