"use client";
import { useTranslations } from "next-intl";
import { Age } from "@/components/ui/age";
import { Panel } from "@/components/ui/panel";
import { useGroupEvents } from "@/lib/client/group-detail";

/** Changes made to this group through the console, newest first, live. */
export function RecentEvents({ groupId }: { groupId: string }) {
  const t = useTranslations("Events");
  const common = useTranslations("Common");
  const events = useGroupEvents(groupId);
  const items = events.data?.items ?? [];
  // Message keys cannot hold dots: "group.create" is found under "group_create". Names and IDs stay as typed.
  const sentence = (e: (typeof items)[number]) => {
    const key = `actions.${e.action.replace(".", "_")}`;
    const tags = { who: (c: React.ReactNode) => <span className="font-medium">{c}</span>, id: (c: React.ReactNode) => <span className="font-mono text-xs">{c}</span> };
    const values = { actor: e.actor, target: e.target ?? "", ...tags };
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
                {e.result && e.result !== "ok" ? <span className="ml-2 text-red-800 dark:text-red-300">{t("failed", { result: e.result })}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
