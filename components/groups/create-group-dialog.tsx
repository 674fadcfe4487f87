"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { ApiError } from "@/lib/client/api-error";
import { useCreateGroup } from "@/lib/client/groups";
import { createGroupSchema, GROUP_TYPES, JOIN_OPTIONS_BY_TYPE, LIMITS, type GroupType } from "@/lib/schemas/group";
import { utf8Bytes } from "@/lib/schemas/utf8";
import { JOIN_LABEL, TYPE_HINT, TYPE_LABEL } from "./labels";

type Draft = { type: GroupType; name: string; id: string; ownerId: string; joinOption: string; introduction: string; notification: string };
const EMPTY: Draft = { type: "Public", name: "", id: "", ownerId: "", joinOption: "NeedPermission", introduction: "", notification: "" };

/** IM refusals that belong to one field are shown at that field. */
function fieldOfImError(err: ApiError): keyof Draft | null {
  if (err.imCode === 10021 || err.imCode === 10025) return "id";
  if (err.imCode === 10019) return "ownerId";
  return null;
}

function toInput(d: Draft) {
  return {
    type: d.type,
    name: d.name,
    ...(d.id.trim() ? { id: d.id.trim() } : {}),
    ...(d.ownerId.trim() ? { ownerId: d.ownerId.trim() } : {}),
    joinOption: d.joinOption,
    ...(d.introduction ? { introduction: d.introduction } : {}),
    ...(d.notification ? { notification: d.notification } : {}),
  };
}

export function CreateGroupDialog({ onCreated }: { onCreated: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const create = useCreateGroup();
  const allowed = JOIN_OPTIONS_BY_TYPE[draft.type];

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) {
      setDraft(EMPTY);
      setErrors({});
      setFormError(null);
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = createGroupSchema.safeParse(toInput(draft));
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
      return;
    }
    setErrors({});
    try {
      const group = await create.mutateAsync(parsed.data);
      setOpen(false);
      setCreated(group.name);
      onCreated(group.id);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const field = fieldOfImError(err);
      if (field) setErrors({ [field]: `${err.message} (IM code ${err.imCode})` });
      else if (Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
      else setFormError(err);
    }
  }

  const bytes = (v: string, max: number) => `${utf8Bytes(v)} / ${max} bytes`;

  return (
    <>
      <Button variant="primary" onClick={() => onOpenChange(true)}>
        New group
      </Button>
      {created && (
        <p role="status" className="text-sm text-emerald-800">
          Created “{created}”.
        </p>
      )}
      <Dialog open={open} onOpenChange={onOpenChange} title="New group" description="The group is created on the IM server at once; its owner becomes its first member.">
        <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
          <Field label="Type" hint={TYPE_HINT[draft.type]} error={errors.type}>
            {(p) => (
              <select
                {...p}
                className={inputClass}
                value={draft.type}
                onChange={(e) => {
                  const type = e.target.value as GroupType;
                  setDraft((d) => ({ ...d, type, joinOption: JOIN_OPTIONS_BY_TYPE[type][0] }));
                }}
              >
                {GROUP_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABEL[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Join option"
            hint={allowed.length === 1 ? `Fixed for ${draft.type} groups: ${TYPE_HINT[draft.type].toLowerCase()}` : "Who may join without an invitation"}
            error={errors.joinOption}
          >
            {(p) => (
              <select {...p} className={inputClass} value={draft.joinOption} disabled={allowed.length === 1} onChange={(e) => set("joinOption", e.target.value)}>
                {allowed.map((j) => (
                  <option key={j} value={j}>
                    {JOIN_LABEL[j]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="sm:col-span-2">
            <Field label="Name" hint={bytes(draft.name, LIMITS.name)} error={errors.name}>
              {(p) => <input {...p} className={inputClass} value={draft.name} onChange={(e) => set("name", e.target.value)} required />}
            </Field>
          </div>
          <Field label="Group ID (optional)" hint={draft.type === "Community" ? "Must start with @TGS#_; leave empty to generate" : "Printable ASCII, up to 48; leave empty to generate"} error={errors.id}>
            {(p) => <input {...p} className={`${inputClass} font-mono`} value={draft.id} onChange={(e) => set("id", e.target.value)} />}
          </Field>
          <Field label="Owner user ID (optional)" hint="An existing IM user; without one the group has no owner" error={errors.ownerId}>
            {(p) => <input {...p} className={`${inputClass} font-mono`} value={draft.ownerId} onChange={(e) => set("ownerId", e.target.value)} />}
          </Field>
          <div className="sm:col-span-2">
            <Field label="Introduction (optional)" hint={bytes(draft.introduction, LIMITS.introduction)} error={errors.introduction}>
              {(p) => <textarea {...p} rows={2} className={inputClass} value={draft.introduction} onChange={(e) => set("introduction", e.target.value)} />}
            </Field>
          </div>
          <div className="sm:col-span-2">
            <Field label="Notification (optional)" hint={bytes(draft.notification, LIMITS.notification)} error={errors.notification}>
              {(p) => <textarea {...p} rows={2} className={inputClass} value={draft.notification} onChange={(e) => set("notification", e.target.value)} />}
            </Field>
          </div>
          {formError && (
            <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800 sm:col-span-2">
              {formError.message}
              <span className="block text-xs">
                Code: {formError.code}
                {formError.imCode !== undefined ? ` · IM code ${formError.imCode}` : ""}
              </span>
            </p>
          )}
          <div className="flex justify-end gap-2 sm:col-span-2">
            <Button onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create group"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
