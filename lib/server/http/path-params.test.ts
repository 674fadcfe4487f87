import { expect, it, vi } from "vitest";
import { GET as appUserRoute } from "@/app/api/app-users/[userId]/route";
import { GET as groupRoute } from "@/app/api/groups/[id]/route";
import { DELETE as unbanRoute } from "@/app/api/groups/[id]/bans/[userId]/route";
import type { SessionUser } from "@/lib/schemas/user";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { jsonRequest } from "@/lib/server/testing/rules";
import { imNeverAsked, scopedUser } from "@/lib/server/testing/scopes";

// A path segment that reaches the IM server as it is — a group's ID, an app user's ID — is checked by the route
// wrapper like any other input: a forged one (too long, not ASCII, spaces) is a 422 before the IM server is asked.

let me: SessionUser;
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));
const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };
const segment = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

describeEachStore("path segments in the route wrapper", (kind) => {
  freshStoreEachTest(kind, (store) => {
    holder.__groupConsole = { db: store, im: imNeverAsked };
  });

  it("a forged group ID or user ID is refused as bad input, and the IM server is never asked", async () => {
    me = await scopedUser(holder.__groupConsole!.db, "admin", null);
    const cases = [
      [
        "a group ID of 49 characters",
        () => groupRoute(jsonRequest(`/api/groups/${"g".repeat(49)}`, "GET"), segment({ id: "g".repeat(49) })),
      ],
      ["a group ID that is not ASCII", () => groupRoute(jsonRequest("/api/groups/x", "GET"), segment({ id: "グループ" }))],
      ["an app user ID with a space", () => appUserRoute(jsonRequest("/api/app-users/a%20b", "GET"), segment({ userId: "a b" }))],
      ["an app user ID of 33 characters", () => appUserRoute(jsonRequest("/api/app-users/x", "GET"), segment({ userId: "u".repeat(33) }))],
      [
        "a ban lifted for a user ID with a control character",
        () => unbanRoute(jsonRequest("/api/groups/g1/bans/x", "DELETE"), segment({ id: "g1", userId: "a\u0000" })),
      ],
    ] as const;
    for (const [name, call] of cases) {
      const res = await call();
      expect(res.status, name).toBe(422);
      expect((await res.json()).error.code, name).toBe("validation");
    }
  });
});
