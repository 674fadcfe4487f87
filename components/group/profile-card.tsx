"use client";
import { useState, type FormEvent } from "react";
import { formatDate } from "@/components/groups/labels";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { ApiError } from "@/lib/client/api-error";
import { useUpdateGroup } from "@/lib/client/group-detail";
import { groupPatchSchema, LIMITS, type Group, type GroupPatch } from "@/lib/schemas/group";
import { utf8Bytes } from "@/lib/schemas/utf8";

export function ProfileCard({ group, canEdit }: { group: Group; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const rows: [string, React.ReactNode][] = [
    ["Owner", group.ownerId ?? <span className="text-slate-500">none</span>],
    ["Created", <time key="c" dateTime={group.createdAt}>{formatDate(group.createdAt)}</time>],
    ["Members", `${group.memberCount.toLocaleString("en")} / ${group.maxMemberCount.toLocaleString("en")}`],
    ["Mute all", group.muteAll ? "On: only the owner and admins may speak" : "Off"],
    ["Introduction", group.introduction || <span className="text-slate-500">none</span>],
    ["Notification", group.notification || <span className="text-slate-500">none</span>],
  ];
  return (
    <Panel title="Profile" actions={canEdit && <Button onClick={() => setEditing(true)}>Edit profile</Button>}>
      <div className="flex gap-4">
        <Face group={group} />
        <dl className="grid flex-1 grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}</dt>
              <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">{v}</dd>
            </div>
          ))}
        </dl>
      </div>
      {canEdit && <EditProfileDialog group={group} open={editing} onOpenChange={setEditing} />}
    </Panel>
  );
}

function Face({ group }: { group: Group }) {
  if (group.faceUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- faces are arbitrary external URLs set in the IM app
    return <img src={group.faceUrl} alt={`Face of ${group.name}`} className="h-16 w-16 rounded-lg object-cover" referrerPolicy="no-referrer" />;
  }
  return (
    <div aria-hidden="true" className="flex h-16 w-16 shrink-0 items-center justify-center rounded-lg bg-indigo-100 text-2xl font-semibold text-indigo-800">
      {Array.from(group.name)[0] ?? "?"}
    </div>
  );
}

type Draft = { name: string; introduction: string; notification: string; faceUrl: string; maxMemberCount: string; muteAll: boolean };

function EditProfileDialog({ group, open, onOpenChange }: { group: Group; open: boolean; onOpenChange: (o: boolean) => void }) {
  const update = useUpdateGroup(group.id);
  const initial: Draft = { name: group.name, introduction: group.introduction, notification: group.notification, faceUrl: group.faceUrl, maxMemberCount: String(group.maxMemberCount), muteAll: group.muteAll };
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function changes(): GroupPatch {
    const patch: Record<string, unknown> = {};
    for (const k of ["name", "introduction", "notification", "faceUrl"] as const) if (draft[k] !== group[k]) patch[k] = draft[k];
    if (draft.muteAll !== group.muteAll) patch.muteAll = draft.muteAll;
    if (Number(draft.maxMemberCount) !== group.maxMemberCount) patch.maxMemberCount = Number(draft.maxMemberCount);
    return patch as GroupPatch;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const patch = changes();
    if (Object.keys(patch).length === 0) return onOpenChange(false);
    const parsed = groupPatchSchema.safeParse(patch);
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
    setErrors({});
    try {
      await update.mutateAsync(parsed.data);
      onOpenChange(false);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
    }
  }

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) setDraft(initial);
        update.reset();
        onOpenChange(o);
      }}
      title="Edit profile"
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Name" hint={`${utf8Bytes(draft.name)} / ${LIMITS.name} bytes`} error={errors.name}>
          {(p) => <input {...p} className={inputClass} value={draft.name} onChange={(e) => set("name", e.target.value)} />}
        </Field>
        <Field label="Introduction" hint={`${utf8Bytes(draft.introduction)} / ${LIMITS.introduction} bytes`} error={errors.introduction}>
          {(p) => <textarea {...p} rows={3} className={inputClass} value={draft.introduction} onChange={(e) => set("introduction", e.target.value)} />}
        </Field>
        <Field label="Notification" hint={`${utf8Bytes(draft.notification)} / ${LIMITS.notification} bytes`} error={errors.notification}>
          {(p) => <textarea {...p} rows={3} className={inputClass} value={draft.notification} onChange={(e) => set("notification", e.target.value)} />}
        </Field>
        <Field label="Face URL" hint="An https:// image address, or empty" error={errors.faceUrl}>
          {(p) => <input {...p} className={inputClass} value={draft.faceUrl} onChange={(e) => set("faceUrl", e.target.value)} />}
        </Field>
        <Field label="Member limit" hint={`At least the current ${group.memberCount}`} error={errors.maxMemberCount}>
          {(p) => <input {...p} type="number" min={1} className={`${inputClass} w-40`} value={draft.maxMemberCount} onChange={(e) => set("maxMemberCount", e.target.value)} />}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={draft.muteAll} onChange={(e) => set("muteAll", e.target.checked)} />
          Mute all members (only the owner and admins may speak)
        </label>
        <MutationError error={update.error && Object.keys(errors).length === 0 ? update.error : null} />
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
