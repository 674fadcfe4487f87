import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import type { ListApplicationsQuery } from "@/lib/schemas/application";
import { ApiError } from "@/lib/server/platform/api-error";
import type { Store } from "@/lib/server/store/store";
import type { ApplicationSource } from "./source-types";

// Pending applications are counted a page at a time when the whole directory is refreshed.
const APPLICATION_PAGE = 100;

// The IM server's cursor is already opaque; wrapping it binds it to the filters and the sort it was made for
// (a cursor from before sorts existed carries none, and was made for newest).
function encodeCursor(next: string, q: ListApplicationsQuery) {
  return Buffer.from(JSON.stringify({ n: next, g: q.groupId ?? "", s: q.status, o: q.sort })).toString("base64url");
}
function decodeCursor(raw: string, q: ListApplicationsQuery): string {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof c.n === "string" && c.g === (q.groupId ?? "") && c.s === q.status && (c.o ?? "newest") === q.sort) return c.n;
  } catch {
    /* fall through */
  }
  throw ApiError.because("bad_request", "badCursor", "That page cursor is not valid for this list; start from the first page");
}

/** Applications kept by the IM server itself (the local IM server's extension); it settles each atomically. */
export function imExtensionSource(_db: Store, im: ImGateway): ApplicationSource {
  return {
    kind: "im-extension",
    keepsInbox: false,

    async list(query) {
      const next = query.cursor ? decodeCursor(query.cursor, query) : undefined;
      const page = await im.listApplications({ groupId: query.groupId, status: query.status, order: query.sort, limit: query.limit, next });
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next, query) : null, total: page.total };
    },

    decide: (id, approve, reason, by) => im.handleApplication({ id, approve, reason, operator: by }),

    async byRequester(requesterId, limit) {
      const count = async (status: "pending" | "approved" | "refused") =>
        (await im.listApplications({ requesterId, status, limit: 1 })).total;
      const [recent, pending, approved, refused] = await Promise.all([
        im.listApplications({ requesterId, limit }),
        count("pending"),
        count("approved"),
        count("refused"),
      ]);
      return { pending, approved, refused, recent: recent.items };
    },

    async find(id) {
      // The IM server refuses a malformed ID (10004); to the console it is simply not an application.
      if (!/^[1-9]\d{0,15}$/.test(id)) return null;
      const a = await im.getApplication(id);
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

    async verdict({ action, target }) {
      const a = await im.getApplication(target);
      if (!a) return "unknown";
      const wanted = action === "application.approve" ? "approved" : "refused";
      // Handled the other way (or by someone else) means this intent did not take effect.
      return a.status === "pending" ? "not_applied" : a.status === wanted ? "ok" : "not_applied";
    },
  };
}
