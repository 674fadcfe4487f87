"use client";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { StackMessage, StackTable } from "@/components/ui/stack-table";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { useApplications, useHandleApplication } from "@/lib/client/applications";
import { releaseClaim, useInboxClaims } from "@/lib/client/claims";
import { rangeBetween, reconcileCurrent, stepCurrent } from "@/lib/client/inbox-cursor";
import { narrowsQueue, type ApplicationListFilters } from "@/lib/client/query-keys";
import type { Application } from "@/lib/schemas/application";
import { BesideApplicant } from "./beside-applicant";
import { ApplicationRow } from "./application-row";
import { KeyHelpDialog } from "./key-help-dialog";
import { ListFooter } from "./list-footer";
import { RaiseLimitDialog } from "./raise-limit-dialog";
import { RefuseDialog } from "./refuse-dialog";
import { SelectionBar } from "./selection-bar";
import { StatusLine, type Said } from "./status-line";
import { useInboxKeys } from "./use-inbox-keys";
import { queueColumns } from "./queue-columns";
import { useMatchingJob } from "@/components/jobs/use-matching-job";
import { problemOf, useRowProblems } from "./use-row-problems";
import { useChunkedDecisions } from "./use-chunked-decisions";

// What only a bulk decision shows loads with the first one.
const BulkProgressPanel = lazy(() => import("./bulk-progress").then((m) => ({ default: m.BulkProgressPanel })));

type Props = { filters: ApplicationListFilters; canModerate: boolean; canEdit?: boolean; showGroup?: boolean; keyboard?: boolean };

/** Applications with single and bulk handling and the keyboard; used by the inbox and by a group's page. */
export function ApplicationsList({ filters, canModerate, canEdit = false, showGroup = true, keyboard = true }: Props) {
  const list = useApplications(filters);
  const handle = useHandleApplication();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const ids = items.map((a) => a.id);
  const total = list.data?.pages[0]?.total ?? 0;
  const pending = (filters.status ?? "pending") === "pending";
  const actionable = canModerate && pending;

  // The current application is an ID, re-derived whenever the list changes (see lib/client/inbox-cursor.ts).
  // `followed` says the current one left and another took its place: focus should follow it.
  const [cursor, setCursor] = useState<{ id: string | null; ids: string[]; followed?: boolean }>({ id: null, ids: [] });
  if (ids.join("\n") !== cursor.ids.join("\n")) {
    const id = reconcileCurrent(cursor.ids, ids, cursor.id);
    setCursor({ id, ids, followed: cursor.id !== null && id !== cursor.id });
  }
  const currentId = cursor.id;
  const current = items.find((a) => a.id === currentId);
  // The inbox claims the application the moderator is on (docs/contracts.md § Claims); others see who.
  const { engage, reviewerOf } = useInboxClaims(currentId, actionable && keyboard);

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [refusing, setRefusing] = useState<Application[] | null>(null);
  const [raising, setRaising] = useState<Application | null>(null);
  const { problems, setProblem } = useRowProblems();
  const [said, setSaid] = useState<Said | null>(null);
  // "All N matching this filter", not just the rows loaded: decided as one job, whatever the page shows.
  const [allMatching, setAllMatching] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  const t = useTranslations("Applications");
  const words = useErrorWords();
  const who = (a: Application) => a.requesterNickname || a.requesterId;
  const say = (text: string, error = false) => setSaid((prev) => ({ text, error, at: (prev?.at ?? 0) + 1 }));
  const rowWords = { message: words.message, reviewing: (name: string) => t("reviewing", { name }) };
  const clear = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const matching = useMatchingJob(filters, say, clear);
  const { progress, handleMany } = useChunkedDecisions(setProblem, rowWords, () => setSelected(new Set()));

  // When the current application leaves (decided here or elsewhere), focus follows to the one now current —
  // but only if focus was in the list or lost with the row, never away from a field the moderator is in.
  useEffect(() => {
    if (!cursor.followed || !cursor.id) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (lost || container.current?.contains(active)) rows.current.get(cursor.id)?.focus();
  }, [cursor]);

  function handleOne(a: Application, action: "approve" | "refuse", reason?: string, force = false) {
    setProblem(a.id, null);
    handle.mutate(
      { id: a.id, action, reason, force },
      {
        onSuccess: () =>
          say(t(action === "approve" ? "approvedOutcome" : "refusedOutcome", { who: who(a), group: a.groupName || a.groupId })),
        onError: (err) => {
          const imCode = err instanceof ApiError ? err.imCode : undefined;
          // Another moderator reviewing it is named, with a way to decide it all the same.
          const anyway = {
            label: t(action === "approve" ? "approveAnyway" : "refuseAnyway"),
            run: () => handleOne(a, action, reason, true),
          };
          setProblem(a.id, problemOf(err, rowWords, anyway));
          say(
            t("failedOutcome", {
              who: who(a),
              group: a.groupName || a.groupId,
              error: words.message(err),
              imCode: imCode ? String(imCode) : "none",
            }),
            true,
          );
        },
      },
    );
  }

  function move(delta: number) {
    engage();
    const next = stepCurrent(ids, currentId, delta);
    setCursor({ id: next, ids });
    if (next) rows.current.get(next)?.focus();
  }

  function toggle(id: string) {
    setAnchor(id);
    setAllMatching(false);
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  }

  const chosen = allMatching ? items : items.filter((a) => selected.has(a.id));
  const refuse = (as: Application[]) => as.length > 0 && setRefusing(as);
  const approveChosen = () => (allMatching ? matching.start("approve", total) : void handleMany(chosen, "approve"));

  useInboxKeys(
    {
      next: () => move(1),
      previous: () => move(-1),
      approve: () => actionable && current && handleOne(current, "approve"),
      refuse: () => actionable && current && refuse([current]),
      toggle: () => actionable && current && toggle(current.id),
      selectRange: () => actionable && setSelected((s) => new Set([...s, ...rangeBetween(ids, anchor, currentId)])),
      selectAll: () => actionable && setSelected(chosen.length === items.length ? new Set() : new Set(ids)),
      approveSelected: () => actionable && chosen.length > 0 && approveChosen(),
      refuseSelected: () => actionable && refuse(chosen),
      clearSelection: clear,
      skip: () => {
        if (!actionable || !current) return;
        void releaseClaim(current.id);
        move(1);
      },
      context: () => setAboutOpen((o) => !o),
      search: () => document.getElementById("app-search")?.focus(), // the queue's (a group's page has none)
      help: () => setHelpOpen(true),
    },
    keyboard,
  );

  const columns = queueColumns(t, actionable, showGroup);

  return (
    <div ref={container} className="flex flex-col gap-2">
      <StatusLine said={said} />
      {actionable && (
        <SelectionBar
          shown={items.length}
          selected={allMatching ? total : chosen.length}
          matching={{ total, all: allMatching, choose: () => setAllMatching(true) }}
          onSelectAll={(all) => (all ? setSelected(new Set(ids)) : clear())}
          onApprove={approveChosen}
          onRefuse={() => refuse(chosen)}
          onClear={clear}
        />
      )}
      <Suspense>{progress && <BulkProgressPanel progress={progress.p} action={progress.action} />}</Suspense>
      <BesideApplicant application={aboutOpen ? current : undefined} canNote={canModerate}>
        {list.isError ? (
          <ErrorPanel error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <StackTable caption={keyboard ? t("captionKeys") : t("caption")} columns={columns} busy={list.isPending}>
            {!list.isPending && items.length === 0 && (
              <StackMessage span={columns.length}>{narrowsQueue(filters) ? t("emptyFiltered") : t("emptyPending")}</StackMessage>
            )}
            {items.map((a) => (
              <ApplicationRow
                key={a.id}
                ref={(el) => {
                  if (el) rows.current.set(a.id, el);
                  else rows.current.delete(a.id);
                }}
                application={a}
                current={a.id === currentId}
                selected={allMatching || selected.has(a.id)}
                actionable={actionable}
                showGroup={showGroup}
                problem={problems.get(a.id)}
                reviewer={actionable ? reviewerOf(a) : undefined}
                canRaiseLimit={canEdit}
                canReverse={canEdit}
                onFocus={() => {
                  engage();
                  if (a.id !== currentId) setCursor({ id: a.id, ids });
                }}
                onToggle={() => toggle(a.id)}
                onApprove={() => handleOne(a, "approve")}
                onRefuse={() => refuse([a])}
                onRaiseLimit={() => setRaising(a)}
                onAbout={() => {
                  setCursor({ id: a.id, ids });
                  setAboutOpen(true);
                }}
              />
            ))}
          </StackTable>
        )}
      </BesideApplicant>
      <ListFooter list={list} shown={items.length} total={total} />
      <RefuseDialog
        applications={refusing}
        matchingTotal={allMatching ? total : undefined}
        onClose={() => setRefusing(null)}
        onConfirm={(reason) => {
          const as = refusing ?? [];
          if (allMatching) matching.start("refuse", total, reason);
          else if (as.length === 1) handleOne(as[0], "refuse", reason);
          else void handleMany(as, "refuse", reason);
        }}
      />
      <RaiseLimitDialog
        application={raising}
        onClose={() => setRaising(null)}
        onRaised={(a) => {
          setRaising(null);
          handleOne(a, "approve");
        }}
      />
      <KeyHelpDialog open={helpOpen} onOpenChange={setHelpOpen} />
      {matching.dialog}
    </div>
  );
}
