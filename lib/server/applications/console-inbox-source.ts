import "server-only";
import type { ImGateway } from "@/lib/im/gateway";
import { inboxVerdict } from "./inbox/audit-verdict";
import { inboxPendingCounts, inboxRequesters, inboxRow } from "./inbox/repo";
import { decideInInbox } from "./inbox/service";
import { listFromModel, requesterHistory } from "./model/list";
import { log } from "@/lib/server/platform/log";
import type { Store } from "@/lib/server/store/store";
import type { ApplicationSource } from "./source-types";

/** Applications kept by the console, from the IM server's webhooks (Tencent Cloud Chat has no list of them). */
export function consoleInboxSource(db: Store, im: ImGateway): ApplicationSource {
  return {
    kind: "console-inbox",
    keepsInbox: true,
    list: (query) => listFromModel(query),
    decide: (id, approve, reason, by) => decideInInbox(id, approve, reason, by),
    pendingCounts: (groupId) => inboxPendingCounts(db, groupId),
    byRequester: (requesterId, limit, within) => requesterHistory(requesterId, limit, within),
    // The webhooks are the only feed: Tencent's REST API cannot list applications to check against.
    reconcile: async () => undefined,

    async find(id) {
      const row = await inboxRow(db, id);
      return row ? { groupId: row.group_id, status: row.status } : null;
    },

    async requesters(ids) {
      const byApplication = await inboxRequesters(db, ids);
      const profiles = await im.getProfiles([...new Set(byApplication.values())]).catch((err: unknown) => {
        log("warn", "requester profiles not read", { error: err });
        return new Map<string, { nickname: string }>();
      });
      return new Map([...byApplication].map(([id, userId]) => [id, { userId, nickname: profiles.get(userId)?.nickname ?? "" }]));
    },

    verdict: (entry) => inboxVerdict(db, im, entry),
  };
}
