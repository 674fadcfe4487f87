"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useGroups } from "@/lib/client/group-search";
import { useUpdateUser } from "@/lib/client/users";
import { SCOPE_MAX_GROUPS } from "@/lib/schemas/constants";
import type { ConsoleUser } from "@/lib/schemas/user";

const SHOWN = 8;
const RADIO = "h-4 w-4 shrink-0 accent-indigo-600 dark:accent-indigo-400";

/** What the directory search finds, a moment after typing stops (one request per pause, not per key). */
function useGroupSearch(text: string) {
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useGroups({ q: q || undefined, sort: "name" });
  return { found, searching: q !== "" };
}

/**
 * Which groups a console user may see and act on (docs/scopes.md): every group, or only those picked here from
 * the directory (searched by ID or name), shown as chips that can be removed. Saved as one PATCH of `scope`.
 */
type Props = { user: ConsoleUser | null; onClose: () => void; onSaved: (u: ConsoleUser) => void };

export function ScopeDialog({ user, onClose, onSaved }: Props) {
  const t = useTranslations("Users.scope");
  // Stays mounted, so that closing it returns focus to the control that asked; each opening starts afresh.
  return (
    <Dialog
      open={user !== null}
      onOpenChange={(open) => !open && onClose()}
      title={t("title", { email: user?.email ?? "" })}
      description={t("description")}
    >
      {user && <ScopeForm key={user.id} user={user} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

/** The editor itself (exported to be drawn in tests: a dialog draws nothing on the server). */
export function ScopeForm({ user, onClose, onSaved }: Props & { user: ConsoleUser }) {
  const t = useTranslations("Users.scope");
  const id = useId();
  const update = useUpdateUser();
  const [some, setSome] = useState(Boolean(user.scope));
  const [ids, setIds] = useState<string[]>(user.scope?.groupIds ?? []);
  const [names, setNames] = useState<Record<string, string>>({});
  const [text, setText] = useState("");
  const { found, searching } = useGroupSearch(text);

  const add = (groupId: string, name: string) => {
    setNames((n) => ({ ...n, [groupId]: name }));
    setIds((now) => (now.includes(groupId) || now.length >= SCOPE_MAX_GROUPS ? now : [...now, groupId]));
  };
  const remove = (groupId: string) => setIds((now) => now.filter((x) => x !== groupId));
  const save = () => {
    update.mutate({ id: user.id, change: { scope: some ? { groupIds: ids } : null } }, { onSuccess: (saved) => onSaved(saved) });
  };
  const results = searching ? (found.data?.items ?? []).slice(0, SHOWN) : [];

  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{t("legend")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" className={RADIO} name={`${id}-mode`} checked={!some} onChange={() => setSome(false)} />
          {t("all")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" className={RADIO} name={`${id}-mode`} checked={some} onChange={() => setSome(true)} />
          {t("some")}
        </label>
      </fieldset>
      {some && (
        <div className="flex flex-col gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-search`} className="text-sm font-medium text-slate-800 dark:text-slate-200">
              {t("search")}
            </label>
            <input
              id={`${id}-search`}
              type="search"
              className={inputClass}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={`${id}-search-hint`}
            />
            <p id={`${id}-search-hint`} className="text-xs text-slate-600 dark:text-slate-400">
              {t("searchHint", { max: SCOPE_MAX_GROUPS })}
            </p>
          </div>
          {searching && (
            <ul aria-label={t("results")} className="flex flex-col gap-1" aria-busy={found.isFetching}>
              {results.length === 0 && !found.isFetching && (
                <li className="text-sm text-slate-600 dark:text-slate-400">{t("noResults")}</li>
              )}
              {results.map((g) => {
                const chosen = ids.includes(g.id);
                return (
                  <li key={g.id} className="flex min-w-0 items-center justify-between gap-2 text-sm">
                    <span className="min-w-0 [overflow-wrap:anywhere]">
                      {g.name} <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{g.id}</span>
                    </span>
                    <Button
                      className="shrink-0 text-xs"
                      disabled={chosen}
                      aria-label={t(chosen ? "addedWho" : "addWho", { group: g.name || g.id })}
                      onClick={() => add(g.id, g.name)}
                    >
                      {chosen ? t("added") : t("add")}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
          <div>
            <p id={`${id}-chosen`} className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">
              {t("chosen", { count: ids.length })}
            </p>
            <ul aria-labelledby={`${id}-chosen`} className="flex flex-wrap gap-2">
              {ids.map((g) => (
                <li
                  key={g}
                  className="flex max-w-full items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-2.5 text-xs text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
                >
                  <span className="min-w-0 [overflow-wrap:anywhere]">{names[g] ? `${names[g]} · ${g}` : g}</span>
                  <button
                    type="button"
                    className="rounded-full px-1.5 leading-5 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-indigo-900"
                    aria-label={t("remove", { group: names[g] || g })}
                    onClick={() => remove(g)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <p role="status" className="sr-only">
        {some ? t("chosen", { count: ids.length }) : t("all")}
      </p>
      <MutationError error={update.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>{t("cancel")}</Button>
        <Button variant="primary" onClick={save} disabled={update.isPending || (some && ids.length === 0)}>
          {update.isPending ? t("saving") : t("save")}
        </Button>
      </div>
    </div>
  );
}
