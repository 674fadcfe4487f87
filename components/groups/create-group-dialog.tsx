"use client";
import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { createGroup } from "@/lib/client/groups";
import { createGroupSchema, GROUP_TYPES, JOIN_OPTIONS_BY_TYPE, LIMITS, type Group, type GroupType } from "@/lib/schemas/group";
import { utf8Bytes } from "@/lib/schemas/utf8";

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

/**
 * The new-group form in its dialog. Loaded on first use (create-group-button.tsx), with the zod schema it checks
 * against, and mounted only while open, so each opening starts from an empty draft.
 */
export function CreateGroupDialog({
  onOpenChange,
  onCreated,
}: {
  onOpenChange: (open: boolean) => void;
  onCreated: (group: Group) => void;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  // The form's own check runs on every edit once a submit was refused, so an error goes as soon as the value
  // is right; the server's refusals stay on their field until that field is edited.
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const allowed = JOIN_OPTIONS_BY_TYPE[draft.type];
  const t = useTranslations("CreateGroup");
  const types = useTranslations("GroupTypes");
  const joins = useTranslations("JoinOptions");
  const common = useTranslations("Common");
  const words = useErrorWords();
  const check = useMemo(() => (tried ? createGroupSchema.safeParse(toInput(draft)) : null), [tried, draft]);
  const errors = { ...serverErrors, ...(check && !check.success ? words.issues(check.error) : {}) };

  const edit = (changes: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !(field in changes))));
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => edit({ [key]: value });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    setTried(true);
    setServerErrors({});
    const parsed = createGroupSchema.safeParse(toInput(draft));
    if (!parsed.success) return;
    setPending(true);
    try {
      onCreated(await createGroup(parsed.data));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const field = fieldOfImError(err);
      if (field) setServerErrors({ [field]: t("imFieldError", { message: words.message(err), imCode: String(err.imCode) }) });
      else if (err.fields.length) setServerErrors(words.fields(err));
      else setFormError(err);
    } finally {
      setPending(false);
    }
  }

  const bytes = (v: string, max: number) => common("bytes", { used: utf8Bytes(v), max });

  return (
    <Dialog open onOpenChange={onOpenChange} title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <Field label={t("type")} hint={types(`hint.${draft.type}`)} error={errors.type}>
          {(p) => (
            <select
              {...p}
              className={inputClass}
              value={draft.type}
              onChange={(e) => {
                const type = e.target.value as GroupType;
                edit({ type, joinOption: JOIN_OPTIONS_BY_TYPE[type][0] });
              }}
            >
              {GROUP_TYPES.map((g) => (
                <option key={g} value={g}>
                  {types(`name.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t("joinOption")}
          hint={allowed.length === 1 ? types(`fixedJoin.${draft.type}`) : t("joinHint")}
          error={errors.joinOption}
        >
          {(p) => (
            <select
              {...p}
              className={inputClass}
              value={draft.joinOption}
              disabled={allowed.length === 1}
              onChange={(e) => set("joinOption", e.target.value)}
            >
              {allowed.map((j) => (
                <option key={j} value={j}>
                  {joins(`name.${j}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="sm:col-span-2">
          <Field label={t("name")} hint={bytes(draft.name, LIMITS.name)} error={errors.name}>
            {(p) => <input {...p} className={inputClass} value={draft.name} onChange={(e) => set("name", e.target.value)} required />}
          </Field>
        </div>
        <Field label={t("groupId")} hint={draft.type === "Community" ? t("groupIdHintCommunity") : t("groupIdHint")} error={errors.id}>
          {(p) => <input {...p} className={`${inputClass} font-mono`} value={draft.id} onChange={(e) => set("id", e.target.value)} />}
        </Field>
        <Field label={t("owner")} hint={t("ownerHint")} error={errors.ownerId}>
          {(p) => (
            <input {...p} className={`${inputClass} font-mono`} value={draft.ownerId} onChange={(e) => set("ownerId", e.target.value)} />
          )}
        </Field>
        <div className="sm:col-span-2">
          <Field label={t("introduction")} hint={bytes(draft.introduction, LIMITS.introduction)} error={errors.introduction}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                className={inputClass}
                value={draft.introduction}
                onChange={(e) => set("introduction", e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="sm:col-span-2">
          <Field label={t("notification")} hint={bytes(draft.notification, LIMITS.notification)} error={errors.notification}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                className={inputClass}
                value={draft.notification}
                onChange={(e) => set("notification", e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="sm:col-span-2 empty:hidden">
          <MutationError error={formError} />
        </div>
        <div className="flex justify-end gap-2 sm:col-span-2">
          <Button onClick={() => onOpenChange(false)}>{common("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
