import { NextRequest } from "next/server";
import { expect, it, vi } from "vitest";
import { GET as listViewsRoute, POST as createViewRoute } from "@/app/api/views/route";
import { DELETE as deleteViewRoute } from "@/app/api/views/[id]/route";
import type { SessionUser } from "@/lib/schemas/user";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { recordApplication } from "./inbox/repo";

// Saved views through the real routes (docs/contracts.md § Saved views): Aiko saves "Japanese speakers waiting"
// and sees its count follow the queue; Ben never sees, counts or deletes her views; bad input changes nothing.

let me: SessionUser;
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));

const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };
const ctx = { params: Promise.resolve({}) };
const json = (body: unknown) =>
  new NextRequest("http://console.test/api/views", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

describeEachStore("saved views", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: {} };
  });
  let aiko!: SessionUser, ben!: SessionUser;
  const user = async (email: string): Promise<SessionUser> => {
    const row = await db.get<{ id: number }>(
      "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, 'moderator', 'x', ?) RETURNING id",
      [email, email.split("@")[0], new Date().toISOString()],
    );
    return { id: String(row!.id), email, name: email.split("@")[0], role: "moderator" };
  };
  const list = async () => (await (await listViewsRoute(new NextRequest("http://console.test/api/views"), ctx)).json()).items;
  const save = (body: unknown) => createViewRoute(json(body), ctx);
  const remove = (id: string) =>
    deleteViewRoute(new NextRequest(`http://console.test/api/views/${id}`, { method: "DELETE" }), { params: Promise.resolve({ id }) });
  const apply = (requesterId: string, message: string) =>
    recordApplication(db, {
      groupId: "g1",
      groupType: "Public",
      requesterId,
      nickname: "",
      faceUrl: "",
      message,
      at: new Date().toISOString(),
    });

  it("a view keeps its filters and counts what they select now; another moderator neither sees nor deletes it", async () => {
    [aiko, ben] = [await user("aiko@views.test"), await user("ben@views.test")];
    me = aiko;
    await apply("u1", "参加したいです");
    const res = await save({ name: "Japanese speakers", filters: { q: "参加", sort: "oldest" } });
    expect(res.status).toBe(201);
    const view = await res.json();
    expect(view).toMatchObject({ name: "Japanese speakers", filters: { q: "参加", status: "pending", sort: "oldest" }, count: 1 });
    await apply("u2", "ぜひ参加させてください");
    expect((await list()).map((v: { count: number }) => v.count)).toEqual([2]);

    me = ben;
    expect(await list()).toEqual([]);
    expect((await remove(view.id)).status).toBe(404);
    me = aiko;
    expect((await remove(view.id)).status).toBe(204);
    expect(await list()).toEqual([]);
  });

  it("refuses unknown filter fields, bad names and a 21st view, with nothing saved", async () => {
    me = await user("chen@views.test");
    for (const bad of [
      { name: "x", filters: { colour: "red" } },
      { name: "", filters: {} },
      { name: "x".repeat(61), filters: {} },
      { name: "x", filters: { status: "approved", olderThan: 60 } },
      { name: "x", filters: {}, extra: true },
    ])
      expect((await save(bad)).status, JSON.stringify(bad)).toBe(422);
    for (let i = 0; i < 20; i++) expect((await save({ name: `view ${i}`, filters: {} })).status).toBe(201);
    const refused = await save({ name: "one too many", filters: {} });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.details.reason.key).toBe("tooManyViews");
    expect(await list()).toHaveLength(20);
    expect((await remove("not-a-number")).status).toBe(404);
  });
});
