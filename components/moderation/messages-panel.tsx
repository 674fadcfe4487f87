"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { Panel } from "@/components/ui/panel";
import { keepChosen, mergeMessagePages, toggleChosen } from "@/lib/client/message-pages";
import { useGroupMessages } from "@/lib/client/moderation";
import { MAX_RECALL_SEQS, SENDER_SCAN_WINDOW } from "@/lib/schemas/constants";
import type { Group } from "@/lib/schemas/group";
import type { GroupMessage } from "@/lib/schemas/moderation";
import { MessageItem } from "./message-item";
import { MESSAGES_PANEL_ID, showMessagesOf, useMessageSender } from "./message-sender";
import { SenderFilter } from "./sender-filter";
import { sayModeration } from "./status";
import { whoOf } from "./who";

const RecallDialog = dynamic(() => import("./recall-dialog").then((m) => m.RecallDialog), { ssr: false });
const PurgeDialog = dynamic(() => import("./purge-dialog").then((m) => m.PurgeDialog), { ssr: false });

/** A group's recent messages for moderators: newest first, by sender if asked, live; recall some, or purge a sender's. */
export default function MessagesPanel({ group }: { group: Group }) {
  const t = useTranslations("Moderation.messages");
  // The IM server keeps no history of an AVChatRoom (Tencent neither): nothing to list or recall.
  if (group.type === "AVChatRoom")
    return (
      <Panel title={t("title")}>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="messages-none-av">
          {t("noHistory")}
        </p>
      </Panel>
    );
  return <GroupMessages group={group} />;
}

function GroupMessages({ group }: { group: Group }) {
  const t = useTranslations("Moderation.messages");
  const sender = useMessageSender();
  const list = useGroupMessages(group.id, sender);
  const messages = mergeMessagePages(list.data?.pages ?? []);
  const [picked, setPicked] = useState<number[]>([]);
  const chosen = keepChosen(picked, messages);
  const [dialog, setDialog] = useState<"recall" | "purge" | null>(null);
  const [opened, setOpened] = useState({ recall: false, purge: false });
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const details = list.data?.pages.at(-1)?.details;
  const senderName = messages.find((m) => m.senderId === sender)?.senderNickname ?? "";
  const senderWho = whoOf(t, senderName, sender);
  // What the recall dialog is about, fixed when it opens: the list goes on changing live behind it.
  const [recalling, setRecalling] = useState<GroupMessage[]>([]);
  const open = (d: "recall" | "purge") => {
    if (d === "recall") setRecalling(messages.filter((m) => chosen.includes(m.seq)));
    setOpened((o) => ({ ...o, [d]: true }));
    setDialog(d);
  };
  // After a recall the button that opened the dialog is gone with the choice: the list's heading takes focus.
  const focusHeading = () => requestAnimationFrame(() => heading.current?.focus());

  return (
    <section
      id={MESSAGES_PANEL_ID}
      aria-labelledby={headingId}
      data-testid="messages-panel"
      className="min-w-0 scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={headingId} ref={heading} tabIndex={-1} data-messages-heading className="mb-3 text-base font-semibold outline-none">
        {sender ? t("titleBy", { who: senderWho }) : t("title")}
      </h2>
      <SenderFilter sender={sender} onChange={(s) => showMessagesOf(s, false)} />
      <div className="my-2 flex flex-wrap items-center gap-2 text-sm" data-testid="message-actions">
        <span className="text-slate-700 dark:text-slate-300" aria-live="off">
          {t("chosen", { count: chosen.length, max: MAX_RECALL_SEQS })}
        </span>
        <Button className="text-xs" disabled={chosen.length === 0} onClick={() => open("recall")}>
          {t("recallChosen", { count: chosen.length })}
        </Button>
        {chosen.length > 0 && (
          <Button variant="ghost" className="text-xs" onClick={() => setPicked([])}>
            {t("clearChoice")}
          </Button>
        )}
        {sender && (
          <Button
            className="text-xs text-red-800 dark:text-red-300"
            onClick={() => open("purge")}
            aria-label={t("purgeWho", { who: senderWho })}
          >
            {t("purge")}
          </Button>
        )}
      </div>
      {sender && details?.partial && (
        <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">{t("partial", { window: SENDER_SCAN_WINDOW })}</p>
      )}
      {list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-busy="true">
          {t("loading")}
        </p>
      ) : messages.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{sender ? t("emptyBy", { who: senderWho }) : t("empty")}</p>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800" aria-label={t("listLabel")}>
          {messages.map((m) => (
            <MessageItem
              key={m.seq}
              message={m}
              chosen={chosen.includes(m.seq)}
              canChoose={chosen.length < MAX_RECALL_SEQS}
              onToggle={() => setPicked(toggleChosen(chosen, m.seq, messages))}
              onOnlySender={sender ? undefined : () => showMessagesOf(m.senderId)}
            />
          ))}
        </ol>
      )}
      {list.hasNextPage && (
        <Button className="mt-2" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? t("loading") : t("loadOlder")}
        </Button>
      )}
      {opened.recall && (
        <RecallDialog
          groupId={group.id}
          messages={recalling}
          open={dialog === "recall"}
          onClose={() => setDialog(null)}
          onRecalled={(recalled, failed) => {
            setPicked([]);
            sayModeration(t("recalledOutcome", { recalled, failed }), failed > 0);
            focusHeading();
          }}
        />
      )}
      {opened.purge && sender && (
        <PurgeDialog
          groupId={group.id}
          sender={{ id: sender, who: senderWho }}
          open={dialog === "purge"}
          onClose={() => setDialog(null)}
          onPurged={() => {
            sayModeration(t("purgedOutcome", { who: senderWho }));
            focusHeading();
          }}
        />
      )}
    </section>
  );
}
