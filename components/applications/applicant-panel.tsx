"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ApplicantModeration } from "@/components/moderation/lazy";
import { ApplicantSanctions } from "./applicant-sanctions";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { inputClass } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useAddNote, useAppUserContext, useDeleteNote } from "@/lib/client/app-users";
import { useMe } from "@/lib/client/me";
import type { Application } from "@/lib/schemas/application";

/**
 * Beside the current application, what moderators know of its requester (docs/contracts.md § Applicant
 * context): their applications to every group and how they ended, their groups, and the notes left on them.
 */
export default function ApplicantPanel({ application, canNote }: { application: Application; canNote: boolean }) {
  const t = useTranslations("Applicant");
  const members = useTranslations("Members");
  const queue = useTranslations("Applications");
  const role = (r: string) => (["Owner", "Admin", "Member"].includes(r) ? members(`roles.${r}`) : r);
  const userId = application.requesterId;
  const context = useAppUserContext(userId);
  const me = useMe().data;
  const add = useAddNote(userId);
  const remove = useDeleteNote(userId);
  const [text, setText] = useState("");
  const c = context.data;
  // On a narrow screen the panel sits above the list: once it has something to say about a new requester,
  // bring it into view (after its content arrived, so the page does not shift under it afterwards).
  const top = useRef<HTMLDivElement>(null);
  const loaded = c !== undefined;
  useEffect(() => {
    if (loaded && window.matchMedia("(max-width: 1023px)").matches) top.current?.scrollIntoView({ block: "start" });
  }, [userId, loaded]);
  return (
    <div ref={top} className="scroll-mt-2">
      <Panel title={t("title", { who: application.requesterNickname || userId })}>
        {context.isError ? (
          <ErrorPanel error={context.error} onRetry={() => context.refetch()} />
        ) : !c ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("loading")}</p>
        ) : (
          <div className="flex flex-col gap-4 text-sm">
            <section aria-label={t("applications")}>
              <h3 className="font-semibold">{t("applications")}</h3>
              <p className="text-slate-700 dark:text-slate-300">
                {t("counts", {
                  total: c.applications.total,
                  pending: c.applications.pending,
                  approved: c.applications.approved,
                  refused: c.applications.refused,
                })}
              </p>
              <ul className="mt-1 flex flex-col gap-1">
                {c.applications.recent.map((a) => (
                  <li key={a.id} className="[overflow-wrap:anywhere]">
                    <span className="font-medium">{a.groupName || a.groupId}</span> —{" "}
                    {a.handledVia === "rule" && a.handledBy
                      ? queue("badgeRule", { status: a.status, rule: a.handledBy })
                      : `${t(`status.${a.status}`)}${a.handledBy ? ` · ${a.handledBy}` : ""}`}
                    {a.reason ? ` · “${a.reason}”` : ""} · <LocalTime iso={a.createdAt} time="none" />
                  </li>
                ))}
              </ul>
            </section>
            <section aria-label={t("groups")}>
              <h3 className="font-semibold">{t("groups")}</h3>
              {c.groups.items.length === 0 ? (
                <p className="text-slate-600 dark:text-slate-400">{t("noGroups")}</p>
              ) : (
                <ul className="mt-1 flex flex-col gap-1">
                  {c.groups.items.map((g) => (
                    <li key={g.id} className="[overflow-wrap:anywhere]">
                      {g.name || g.id} · {role(g.role)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <ApplicantSanctions context={c} />
            {canNote && <ApplicantModeration application={application} />}
            <section aria-label={t("notes")}>
              <h3 className="font-semibold">{t("notes")}</h3>
              <ul className="mt-1 flex flex-col gap-2">
                {c.notes.map((n) => (
                  <li key={n.id} className="rounded border border-slate-200 p-2 dark:border-slate-700">
                    <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{n.text}</p>
                    <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                      {n.author} · <LocalTime iso={n.createdAt} time="short" />
                      {canNote && (me?.email === n.author || me?.role === "admin") && (
                        <>
                          {" · "}
                          <button type="button" className="underline hover:no-underline" onClick={() => remove.mutate(n.id)}>
                            {t("deleteNote")}
                          </button>
                        </>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
              {canNote && (
                <form
                  className="mt-2 flex flex-col gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    add.mutate(text, { onSuccess: () => setText("") });
                  }}
                >
                  <label className="flex flex-col gap-1">
                    <span className="text-xs font-medium">{t("newNote")}</span>
                    <textarea className={inputClass} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
                  </label>
                  <MutationError error={add.error ?? remove.error} />
                  <Button type="submit" disabled={add.isPending || !text.trim()}>
                    {t("addNote")}
                  </Button>
                </form>
              )}
            </section>
          </div>
        )}
      </Panel>
    </div>
  );
}
