import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import { log } from "@/lib/server/platform/log";
import type { Store } from "@/lib/server/store/store";
import { inboxRow } from "./inbox/repo";
import { listFromModel, requesterHistory, toApplications } from "./model/list";
import { mirrorApplications } from "./model/mirror";
import { reconcileApplications } from "./model/reconcile";
import type { ApplicationSource } from "./source-types";

// Pending applications are counted a page at a time when the whole directory is refreshed.
const APPLICATION_PAGE = 100;

/**
 * Applications kept and decided by the IM server itself (the local IM server's extension), which settles each
 * atomically; the console reads its copy in the applications model, kept by webhooks, its own decisions and
 * the reconcile (docs/applications-model.md § Local mode).
 */
export function imExtensionSource(db: Store, im: ImGateway): ApplicationSource {
  /** The model's copy of one application, read from the IM server when the copy lags (or is missing). */
  async function refreshCopy(id: string) {
    const a = await im.getApplication(id);
    if (a) await mirrorApplications(db, [a]);
    return a;
  }

  return {
    kind: "im-extension",
    keepsInbox: false,
    list: (query) => listFromModel(query),
    byRequester: (requesterId, limit, within) => requesterHistory(requesterId, limit, within),

    async decide(id, approve, reason, by) {
      let decided;
      try {
        decided = await im.handleApplication({ id, approve, reason, operator: by });
      } catch (err) {
        // Handled by someone else first, or gone: the copy learns what the IM server knows, then the caller is told.
        if (err instanceof ImError && !err.outcomeUnknown && !err.unavailable)
          await refreshCopy(id).catch((e: unknown) => log("warn", "application copy not refreshed", { error: e }));
        throw err;
      }
      await mirrorApplications(db, [decided], { via: "console" });
      const row = await inboxRow(db, decided.id);
      return row ? (await toApplications(db, [row]))[0] : { ...decided, handledVia: "console", flags: [] };
    },

    async find(id) {
      // The IM server refuses a malformed ID (10004); to the console it is simply not an application.
      if (!/^[1-9]\d{0,15}$/.test(id)) return null;
      const row = await inboxRow(db, id);
      if (row && row.status !== "pending") return { groupId: row.group_id, status: row.status };
      // Pending in the copy (or not copied yet): the IM server has the last word on whether it still is.
      const a = await refreshCopy(id);
      return a ? { groupId: a.groupId, status: a.status } : null;
    },

    async pendingCounts(groupId) {
      const counts = new Map<string, number>();
      try {
        if (groupId) {
          counts.set(groupId, (await im.listApplications({ groupId, status: "pending", limit: 1 })).total);
        } else {
          let next: string | undefined;
          do {
            const page = await im.listApplications({ status: "pending", limit: APPLICATION_PAGE, next });
            for (const a of page.items) counts.set(a.groupId, (counts.get(a.groupId) ?? 0) + 1);
            next = page.next || undefined;
          } while (next);
        }
      } catch (err) {
        // The extension is gone (the IM server was swapped): ask again next time which source applies.
        if (err instanceof ImError && err.code === 10003) im.forgetCapabilities();
        if (err instanceof ImError && (err.code === 10003 || err.code === 10010)) return null;
        throw err;
      }
      return counts;
    },

    async requesters(ids) {
      const found = await im.getApplications(ids);
      return new Map(found.map((a) => [a.id, { userId: a.requesterId, nickname: a.requesterNickname }]));
    },

    reconcile: async () => void (await reconcileApplications(db, im)),

    async verdict({ action, target }) {
      const a = await im.getApplication(target);
      if (!a) return "unknown";
      if (a.status !== "pending") await mirrorApplications(db, [a]);
      const wanted = action === "application.approve" ? "approved" : "refused";
      // Handled the other way (or by someone else) means this intent did not take effect.
      return a.status === "pending" ? "not_applied" : a.status === wanted ? "ok" : "not_applied";
    },
  };
}
