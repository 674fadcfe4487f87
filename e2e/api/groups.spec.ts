import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { anonymousApi, signedInApi } from "../support/api";

let api: APIRequestContext;
test.beforeAll(async () => {
  api = await signedInApi();
});
test.afterAll(() => api.dispose());

test("a signed-out script gets 401 in the error contract, never a redirect", async () => {
  const anon = await anonymousApi();
  for (const [method, path] of [
    ["GET", "/api/groups"],
    ["POST", "/api/groups"],
  ] as const) {
    const res = await anon.fetch(path, { method, data: method === "POST" ? { type: "Public", name: "x" } : undefined, maxRedirects: 0 });
    expect(res.status(), `${method} ${path}`).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  }
  expect((await anon.get("/api/health")).status()).toBe(200);
  await anon.dispose();
});

test("listing pages through every group exactly once, and total agrees", async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  do {
    const res: APIResponse = await api.get(`/api/groups?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status()).toBe(200);
    const page: { items: { id: string }[]; total: number; nextCursor: string | null } = await res.json();
    total = page.total;
    seen.push(...page.items.map((g) => g.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen.length).toBe(total);
  expect(new Set(seen).size).toBe(total);
  expect(total).toBeGreaterThanOrEqual(20);
});

test("filtering by type returns only that type, in console names", async () => {
  for (const type of ["Work", "Public", "Meeting", "Community", "AVChatRoom"]) {
    const page = await (await api.get(`/api/groups?type=${type}&limit=100`)).json();
    expect(page.items.length, type).toBeGreaterThan(0);
    expect(page.items.every((g: { type: string }) => g.type === type)).toBe(true);
    expect(page.total).toBe(page.items.length);
  }
});

// Bad input of every kind, with the IM server checked unchanged after each, is in bad-input.spec.ts.

test("a cross-site mutation is refused with 403", async () => {
  const res = await api.post("/api/groups", { data: { type: "Public", name: "x" }, headers: { origin: "https://evil.example" } });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
});

test("IM refusals come back in words: a taken ID is 409, an unknown owner 422, with the IM code kept", async () => {
  const id = `e2e-dup-${Date.now().toString(36)}`;
  expect((await api.post("/api/groups", { data: { type: "Meeting", name: "first", id } })).status()).toBe(201);
  const dup = await api.post("/api/groups", { data: { type: "Meeting", name: "second", id } });
  expect(dup.status()).toBe(409);
  const dupBody = await dup.json();
  expect(dupBody.error).toMatchObject({ code: "conflict", message: "That group ID is already taken", details: { imCode: 10021 } });

  const owner = await api.post("/api/groups", { data: { type: "Public", name: "orphan", ownerId: "nobody_by_this_id" } });
  expect(owner.status()).toBe(422);
  expect((await owner.json()).error.details.imCode).toBe(10019);
});

test("creating a group answers 201 with the group in console shape, and a custom ID is kept", async () => {
  const id = `e2e-${Date.now().toString(36)}`;
  const res = await api.post("/api/groups", { data: { type: "Public", name: "E2E 公開グループ 🎉", id, introduction: "made by a test" } });
  expect(res.status()).toBe(201);
  const group = await res.json();
  expect(group).toMatchObject({
    id,
    name: "E2E 公開グループ 🎉",
    type: "Public",
    joinOption: "NeedPermission",
    introduction: "made by a test",
  });
  const publics = (await (await api.get("/api/groups?type=Public&limit=100")).json()).items;
  expect(publics.some((g: { id: string }) => g.id === id)).toBe(true);
});
