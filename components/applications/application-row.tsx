"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { RefuseAndBanRow } from "@/components/moderation/lazy";
import { Age } from "@/components/ui/age";
import { Button } from "@/components/ui/button";
import { StackCell, StackRow } from "@/components/ui/stack-table";
import type { Application } from "@/lib/schemas/application";
import { GroupFill } from "./group-fill";
import { RowFlags } from "./row-flags";
import { Requester } from "./requester";
import { ReverseApproval } from "./reverse-approval";
import { StatusBadge } from "./status-badge";

/** Why the last decision on this row failed; `anyway` decides it all the same (someone else was reviewing it). */
export type RowProblem = { text: string; full?: boolean; anyway?: { label: string; run: () => void } };

type Props = {
  application: Application;
  current: boolean;
  selected: boolean;
  actionable: boolean;
  showGroup: boolean;
  problem?: RowProblem;
  /** Someone else is reviewing it (their display name), as the list last heard. */
  reviewer?: string;
  canRaiseLimit: boolean;
  /** An admin: a rule's approval can be taken back from its row. */
  canReverse?: boolean;
  ref: Ref<HTMLTableRowElement>;
  onFocus: () => void;
  onToggle: () => void;
  onApprove: () => void;
  onRefuse: () => void;
  onRaiseLimit: () => void;
  /** Shows what is known of the requester (the panel beside the list). */
  onAbout?: () => void;
};

/** One application: a table row on a wide screen, a labelled card with its buttons on a phone. */
export function ApplicationRow({
  application: a,
  current,
  selected,
  actionable,
  showGroup,
  problem,
  reviewer,
  canRaiseLimit,
  canReverse = false,
  ref,
  onFocus,
  onToggle,
  onApprove,
  onRefuse,
  onRaiseLimit,
  onAbout,
}: Props) {
  const t = useTranslations("Applications");
  const who = a.requesterNickname || a.requesterId;
  const column = (c: string) => t(`columns.${c}`);
  return (
    <StackRow
      ref={ref}
      tabIndex={current ? 0 : -1}
      onFocus={onFocus}
      aria-selected={actionable ? selected : undefined}
      data-current={current || undefined}
      data-application-id={a.id}
      className="outline-none focus:bg-indigo-50 data-[current]:bg-slate-50 data-[current]:shadow-[inset_3px_0_0_var(--color-indigo-600)] dark:focus:bg-indigo-950 dark:data-[current]:bg-slate-800/60"
    >
      {actionable && (
        <StackCell label={column("select")} className="max-md:before:content-none">
          <input type="checkbox" aria-label={t("selectOne", { who })} checked={selected} onChange={onToggle} />
        </StackCell>
      )}
      {showGroup && (
        <StackCell label={column("group")} className="md:max-w-[14rem] md:min-w-[9rem]">
          <span className="min-w-0">
            <Link
              href={`/groups/${encodeURIComponent(a.groupId)}`}
              className="font-medium text-indigo-700 [overflow-wrap:anywhere] hover:underline dark:text-indigo-300"
            >
              {a.groupName || a.groupId}
            </Link>
            <span className="block font-mono text-xs break-all text-slate-600 dark:text-slate-400">{a.groupId}</span>
            <GroupFill application={a} />
          </span>
        </StackCell>
      )}
      <StackCell label={column("requester")} className="md:min-w-[10rem]">
        <span className="min-w-0">
          <Requester application={a} />
          {onAbout && (
            <button
              type="button"
              onClick={onAbout}
              aria-label={t("aboutWho", { who })}
              className="mt-1 block text-xs text-indigo-700 underline hover:no-underline dark:text-indigo-300"
            >
              {t("about")}
            </button>
          )}
          <RowFlags application={a} />
          {reviewer && (
            <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
              {t("reviewing", { name: reviewer })}
            </span>
          )}
        </span>
      </StackCell>
      <StackCell label={column("message")} className="whitespace-pre-wrap [overflow-wrap:anywhere] md:max-w-[20rem] md:min-w-[12rem]">
        <span className="min-w-0">{a.message || <span className="text-slate-500 dark:text-slate-400">{t("noMessage")}</span>}</span>
      </StackCell>
      <StackCell label={column("age")} className="whitespace-nowrap text-slate-700 dark:text-slate-300">
        <Age iso={a.createdAt} />
      </StackCell>
      <StackCell label={actionable ? column("actions") : column("status")} className={actionable ? "max-md:before:content-none" : ""}>
        {actionable ? (
          <div className="flex min-w-0 flex-col items-end gap-1 max-md:w-full max-md:items-stretch">
            <div className="flex justify-end gap-1 max-md:w-full max-md:[&>*]:flex-1">
              <Button
                variant="primary"
                className="text-xs whitespace-nowrap max-md:py-2"
                onClick={onApprove}
                aria-label={t("approveWho", { who })}
              >
                {t("approve")}
              </Button>
              <Button className="text-xs whitespace-nowrap max-md:py-2" onClick={onRefuse} aria-label={t("refuseWho", { who })}>
                {t("refuse")}
              </Button>
            </div>
            <RefuseAndBanRow application={a} />
            {problem && (
              <p
                role="alert"
                className="max-w-[16rem] text-xs font-medium text-red-800 [overflow-wrap:anywhere] max-md:max-w-none dark:text-red-300"
              >
                {problem.text}
                {problem.anyway && (
                  <>
                    {" "}
                    <button type="button" onClick={problem.anyway.run} className="underline hover:no-underline">
                      {problem.anyway.label}
                    </button>
                  </>
                )}
                {problem.full && canRaiseLimit && (
                  <>
                    {" "}
                    <button type="button" onClick={onRaiseLimit} className="underline hover:no-underline">
                      {t("raiseLimit")}
                    </button>
                  </>
                )}
              </p>
            )}
          </div>
        ) : (
          <div className="min-w-0">
            <StatusBadge application={a} />
            <ReverseApproval application={a} canReverse={canReverse} />
          </div>
        )}
      </StackCell>
    </StackRow>
  );
}
