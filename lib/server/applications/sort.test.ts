import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET as listRoute } from "@/app/api/applications/route";
import type { ImGateway } from "@/lib/im/gateway";
import type { SessionUser } from "@/lib/schemas/user";
import type { TestServer } from "@/im-server/test/helpers";
import { recordApplication } from "./inbox/repo";
import { reconcileApplications } from "./model/reconcile";
import type { TestStore } from "@/lib/server/store/test-stores";
import { consoleOverImServer } from "@/lib/server/testing/strict-console";

// `sort` on GET /api/applications through the real route and services, over both back ends: the local IM
// server's applications extension, and the console's own inbox (an IM server behaving like Tencent).
const VIEWER: SessionUser = { id: "1", email: "viewer@sort.test", name: "Viewer", role: "viewer" };
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => VIEWER, requireUser: async () => VIEWER }));

type Page = { items: { id: string }[]; nextCursor: string | null; total: number };

async function get(query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await listRoute(new NextRequest(`http://console.test/api/applications?${query}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

async function allPages(query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = "";
  do {
    const { status, body } = await get(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
    expect(status, JSON.stringify(body)).toBe(200);
    const page = body as unknown as Page;
    expect(page.total).toBe(5);
    seen.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

// Five applications to one group, three of them in the same second, so a page of two ends inside the tie.
const SECONDS = [100, 200, 200, 200, 300];

function suite(
  backEnd: string,
  strictTencent: boolean,
  seed: (c: { im: TestServer; db: TestStore; gateway: ImGateway }, groupId: string) => Promise<string[]>,
) {
  describe(`GET /api/applications sort, ${backEnd}`, () => {
    let c!: { im: TestServer; db: TestStore; gateway: ImGateway };
    consoleOverImServer({ strictTencent }, (started) => (c = started));
    let groupId = "";
    let ids: string[] = [];
    const inGroup = () => `groupId=${encodeURIComponent(groupId)}`;

    it("lists newest first by default and with sort=newest, oldest first with sort=oldest, paging through a tie", async () => {
      groupId = await c.gateway.createGroup({ type: "Public", name: `sorted ${backEnd}`, joinOption: "NeedPermission" });
      ids = await seed(c, groupId);
      const newest = [...ids].reverse();
      expect(await allPages(inGroup())).toEqual(newest);
      expect(await allPages(`${inGroup()}&sort=newest`)).toEqual(newest);
      expect(await allPages(`${inGroup()}&sort=oldest`)).toEqual(ids);
    });

    it("refuses a cursor made for the other sort (400 badCursor)", async () => {
      const newestCursor = ((await get(`${inGroup()}&limit=2`)).body as unknown as Page).nextCursor;
      const oldestCursor = ((await get(`${inGroup()}&sort=oldest&limit=2`)).body as unknown as Page).nextCursor;
      for (const [sort, cursor] of [
        ["oldest", newestCursor],
        ["newest", oldestCursor],
      ] as const) {
        expect(cursor).toBeTruthy();
        const { status, body } = await get(`${inGroup()}&sort=${sort}&limit=2&cursor=${cursor}`);
        expect(status).toBe(400);
        expect(body).toMatchObject({ error: { code: "bad_request", details: { reason: { key: "badCursor" } } } });
      }
    });

    it("refuses a sort it does not know (422, naming the field)", async () => {
      const { status, body } = await get(`${inGroup()}&sort=sideways`);
      expect(status, JSON.stringify(body)).toBe(422);
      expect(body).toMatchObject({ error: { code: "validation", details: { fields: [expect.objectContaining({ path: "sort" })] } } });
    });
  });
}

suite("the IM server's applications", false, async ({ im, db, gateway }, groupId) => {
  const users = SECONDS.map((_, i) => `sort_user_${i}`);
  await im.rest("im_open_login_svc/multiaccount_import", { Accounts: users });
  const ids = users.map((requester, i) =>
    String(
      im.store.applications.insert({
        groupId,
        requester,
        message: "",
        status: "pending",
        createdAt: 1_700_000_000 + SECONDS[i],
        handledBy: null,
        handledAt: null,
        reason: null,
      }),
    ),
  );
  // Stored without any webhook: the reconcile brings them into the console's applications model.
  await reconcileApplications(db, gateway);
  return ids;
});

suite("the console's own inbox", true, async ({ db }, groupId) => {
  const ids: string[] = [];
  for (const [i, s] of SECONDS.entries()) {
    const at = new Date(Date.UTC(2025, 0, 1, 0, 0, s)).toISOString();
    ids.push(
      String(
        await recordApplication(db, {
          groupType: "Public",
          nickname: "",
          faceUrl: "",
          groupId,
          requesterId: `sort_user_${i}`,
          message: "",
          at,
        }),
      ),
    );
  }
  return ids;
});
