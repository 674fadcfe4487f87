"use client";
import { formatAge } from "@/components/groups/labels";
import { Panel } from "@/components/ui/panel";
import { useGroupEvents } from "@/lib/client/group-detail";

const WORDS: Record<string, string> = {
  "group.create": "created the group",
  "group.update": "changed the profile or join settings",
  "group.dismiss": "dismissed the group",
  "group.owner": "transferred ownership to",
  "group.notify": "sent a notification to",
  "member.add": "added",
  "member.remove": "removed",
  "member.role": "changed the role of",
  "application.approve": "approved application",
  "application.refuse": "refused application",
};

/** Changes made to this group through the console, newest first, live. */
export function RecentEvents({ groupId }: { groupId: string }) {
  const events = useGroupEvents(groupId);
  const items = events.data?.items ?? [];
  return (
    <Panel title="Recent events">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{events.isPending ? "Loading…" : "No changes made through the console yet."}</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm">
          {items.map((e) => (
            <li key={e.id} className="[overflow-wrap:anywhere]">
              <span className="font-medium">{e.actor}</span> {WORDS[e.action] ?? e.action}
              {e.target ? <span className="font-mono text-xs"> {e.target}</span> : null}
              <span className="block text-xs text-slate-600">
                <time dateTime={e.at}>{formatAge(e.at)}</time>
                {e.result && e.result !== "ok" ? <span className="ml-2 text-red-800">failed: {e.result}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
