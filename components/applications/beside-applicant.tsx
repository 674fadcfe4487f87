"use client";
import { useTranslations } from "next-intl";
import { lazy, Suspense, type ReactNode } from "react";
import { RefuseAndBanSlot } from "@/components/moderation/lazy";
import { Panel } from "@/components/ui/panel";
import type { Application } from "@/lib/schemas/application";

// The applicant's panel (notes, history, moderation) loads the first time it is opened (`o` or "About").
const ApplicantPanel = lazy(() => import("./applicant-panel"));

/** The panel's frame while its code arrives: the same title, so the page does not jump when it is filled. */
function Waiting({ who }: { who: string }) {
  const t = useTranslations("Applicant");
  return (
    <Panel title={t("title", { who })}>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("loading")}</p>
    </Panel>
  );
}

/** The list, and beside it (below it on a narrow screen) the panel of the current application's requester. */
export function BesideApplicant({ application, canNote, children }: { application?: Application; canNote: boolean; children: ReactNode }) {
  // "Refuse and ban" is drawn beside the list, not in the panel: the refusal moves the panel on (or closes it).
  const slot = canNote && <RefuseAndBanSlot />;
  if (!application)
    return (
      <>
        {children}
        {slot}
      </>
    );
  return (
    <>
      <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <div className="min-w-0">{children}</div>
        <aside className="order-first lg:sticky lg:top-4 lg:order-none">
          <Suspense fallback={<Waiting who={application.requesterNickname || application.requesterId} />}>
            <ApplicantPanel application={application} canNote={canNote} />
          </Suspense>
        </aside>
      </div>
      {slot}
    </>
  );
}
