"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useAllowedFace } from "@/components/face-hosts";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { useUpdateGroup } from "@/lib/client/group-detail";
import { LIMITS } from "@/lib/schemas/constants";
import type { Group, GroupPatch } from "@/lib/schemas/group";
import { utf8Bytes } from "@/lib/schemas/utf8";

export function ProfileCard({ group, canEdit }: { group: Group; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const t = useTranslations("Profile");
  const common = useTranslations("Common");
  const format = useFormatter();
  const none = <span className="text-slate-500 dark:text-slate-400">{common("none")}</span>;
  const rows: [string, React.ReactNode][] = [
    [t("owner"), group.ownerId ?? none],
    [t("created"), <LocalTime key="c" iso={group.createdAt} time="none" />],
    [t("members"), t("membersValue", { count: format.number(group.memberCount), max: format.number(group.maxMemberCount) })],
    [t("muteAll"), group.muteAll ? t("muteOn") : t("muteOff")],
    [t("introduction"), group.introduction || none],
    [t("notification"), group.notification || none],
  ];
  return (
    <Panel title={t("title")} actions={canEdit && <Button onClick={() => setEditing(true)}>{t("edit")}</Button>}>
      <div className="flex gap-4 max-sm:flex-col">
        <Face group={group} />
        <dl className="grid min-w-0 flex-1 grid-cols-[minmax(5rem,8rem)_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
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
  const t = useTranslations("Profile");
  const face = useAllowedFace(group.faceUrl);
  if (face) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- faces are external URLs set in the IM app, from the hosts FACE_HOSTS allows
      <img src={face} alt={t("face", { name: group.name })} className="h-16 w-16 rounded-lg object-cover" referrerPolicy="no-referrer" />
    );
  }
  return (
    <div
      aria-hidden="true"
      className="flex h-16 w-16 shrink-0 items-center justify-center rounded-lg bg-indigo-100 text-2xl font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100"
    >
      {Array.from(group.name)[0] ?? "?"}
    </div>
  );
}

type Draft = { name: string; introduction: string; notification: string; faceUrl: string; maxMemberCount: string; muteAll: boolean };

function EditProfileDialog({ group, open, onOpenChange }: { group: Group; open: boolean; onOpenChange: (o: boolean) => void }) {
  const update = useUpdateGroup(group.id);
  const initial: Draft = {
    name: group.name,
    introduction: group.introduction,
    notification: group.notification,
    faceUrl: group.faceUrl,
    maxMemberCount: String(group.maxMemberCount),
    muteAll: group.muteAll,
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const t = useTranslations("Profile");
  const common = useTranslations("Common");
  const words = useErrorWords();
  const bytes = (v: string, max: number) => common("bytes", { used: utf8Bytes(v), max });

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
    // The schema (and zod with it) loads with the first submission, not with the page.
    const { groupPatchSchema } = await import("@/lib/schemas/group");
    const parsed = groupPatchSchema.safeParse(patch);
    if (!parsed.success) return setErrors(words.issues(parsed.error));
    setErrors({});
    try {
      await update.mutateAsync(parsed.data);
      onOpenChange(false);
    } catch (err) {
      if (err instanceof ApiError) setErrors(words.fields(err));
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
      title={t("editTitle")}
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label={t("name")} hint={bytes(draft.name, LIMITS.name)} error={errors.name}>
          {(p) => <input {...p} className={inputClass} value={draft.name} onChange={(e) => set("name", e.target.value)} />}
        </Field>
        <Field label={t("introduction")} hint={bytes(draft.introduction, LIMITS.introduction)} error={errors.introduction}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              className={inputClass}
              value={draft.introduction}
              onChange={(e) => set("introduction", e.target.value)}
            />
          )}
        </Field>
        <Field label={t("notification")} hint={bytes(draft.notification, LIMITS.notification)} error={errors.notification}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              className={inputClass}
              value={draft.notification}
              onChange={(e) => set("notification", e.target.value)}
            />
          )}
        </Field>
        <Field label={t("faceUrl")} hint={t("faceUrlHint")} error={errors.faceUrl}>
          {(p) => <input {...p} className={inputClass} value={draft.faceUrl} onChange={(e) => set("faceUrl", e.target.value)} />}
        </Field>
        <Field label={t("limit")} hint={t("limitHint", { count: group.memberCount })} error={errors.maxMemberCount}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              className={`${inputClass} w-40`}
              value={draft.maxMemberCount}
              onChange={(e) => set("maxMemberCount", e.target.value)}
            />
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={draft.muteAll} onChange={(e) => set("muteAll", e.target.checked)} />
          {t("muteLabel")}
        </label>
        <MutationError error={update.error && Object.keys(errors).length === 0 ? update.error : null} />
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>{common("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={update.isPending}>
            {update.isPending ? common("saving") : common("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
