"use client";
import { useTranslations } from "next-intl";
import { Age } from "@/components/ui/age";
import { Panel } from "@/components/ui/panel";
import { useGroupEvents } from "@/lib/client/group-detail";
import type { Requester } from "@/lib/schemas/group-event";

const requesterName = (r: Requester) => r.nickname || r.userId;

/** A nickname in the text's own type, with the user ID on hover; a bare user ID set as an ID. */
function requesterTag(r: Requester) {
  return function RequesterName(c: React.ReactNode) {
    return r.nickname ? (
      <span className="font-medium" title={r.userId}>
        {c}
      </span>
    ) : (
      <span className="font-mono text-xs">{c}</span>
    );
  };
}

/** Changes made to this group through the console, newest first, live. */
export function RecentEvents({ groupId }: { groupId: string }) {
  const t = useTranslations("Events");
  const common = useTranslations("Common");
  const events = useGroupEvents(groupId);
  const items = events.data?.items ?? [];
  // Message keys cannot hold dots: "group.create" is found under "group_create". Names and IDs stay as typed.
  const sentence = (e: (typeof items)[number]) => {
    const key = `actions.${e.action.replace(".", "_")}`;
    const tags = {
      who: (c: React.ReactNode) => <span className="font-medium">{c}</span>,
      id: (c: React.ReactNode) => <span className="font-mono text-xs">{c}</span>,
    };
    const values = { actor: e.actor, target: e.target ?? "", ...tags };
    // An application is told by who made it (nickname, else user ID); by its number only when that is unknown.
    const byRequester = `applicationOf.${e.action.replace(".", "_")}`;
    if (e.requester && t.has(byRequester))
      return t.rich(byRequester, { ...values, requester: requesterName(e.requester), user: requesterTag(e.requester) });
    return t.has(key) ? t.rich(key, values) : t.rich("other", { ...values, action: e.action });
  };
  return (
    <Panel title={t("title")}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{events.isPending ? common("loading") : t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm">
          {items.map((e) => (
            <li key={e.id} className="[overflow-wrap:anywhere]">
              {sentence(e)}
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                <Age iso={e.at} />
                {e.result && e.result !== "ok" ? (
                  <span className="ml-2 text-red-800 dark:text-red-300">{t("failed", { result: e.result })}</span>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
