"use client";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { GroupMessage } from "@/lib/schemas/moderation";
import { whoOf } from "./who";

/** One message: who sent it (nickname and ID), when, and its text; a recalled one greyed, struck and saying so. */
export function MessageItem({
  message: m,
  chosen,
  canChoose,
  onToggle,
  onOnlySender,
}: {
  message: GroupMessage;
  chosen: boolean;
  /** False once ten are chosen (and always for a recalled message). */
  canChoose: boolean;
  onToggle?: () => void;
  /** Filters the list to this sender (offered while it shows everyone). */
  onOnlySender?: () => void;
}) {
  const t = useTranslations("Moderation.messages");
  const who = whoOf(t, m.senderNickname, m.senderId);
  return (
    <li
      className={`flex gap-2 py-2 ${m.recalled ? "text-slate-500 dark:text-slate-400" : ""}`}
      data-seq={m.seq}
      data-recalled={m.recalled || undefined}
      data-testid="message"
    >
      {onToggle && (
        <input
          type="checkbox"
          className="mt-1 accent-indigo-600"
          checked={chosen}
          disabled={m.recalled || (!chosen && !canChoose)}
          onChange={onToggle}
          aria-label={t("choose", { who, seq: m.seq })}
        />
      )}
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2 text-xs">
          <span className="font-medium text-slate-900 [overflow-wrap:anywhere] dark:text-slate-100">{m.senderNickname || m.senderId}</span>
          <span className="font-mono break-all text-slate-600 dark:text-slate-400">{m.senderId}</span>
          <span className="text-slate-600 dark:text-slate-400">
            <LocalTime iso={m.sentAt} time="short" />
          </span>
          {m.recalled && (
            <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
              {t("recalled")}
            </span>
          )}
        </p>
        <p className={`mt-0.5 text-sm whitespace-pre-wrap [overflow-wrap:anywhere] ${m.recalled ? "line-through" : ""}`}>
          {m.text || <span className="italic">{t("empty")}</span>}
        </p>
        {onOnlySender && (
          <button
            type="button"
            className="mt-0.5 text-xs text-indigo-700 underline hover:no-underline dark:text-indigo-300"
            onClick={onOnlySender}
            aria-label={t("onlySenderWho", { who })}
          >
            {t("onlySender")}
          </button>
        )}
      </div>
    </li>
  );
}
