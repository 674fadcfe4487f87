import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, SDKAPPID, SECRET, startServer, type TestServer } from "../../im-server/test/helpers";
import { IM_DROPPED, IM_TIMEOUT, IM_UNREACHABLE, ImError } from "./errors";
import { createImGateway } from "./gateway";

// The gateway against a real local IM server on a free port: the same protocol it speaks to Tencent.
let server: TestServer;
const gateway = (overrides: Partial<Parameters<typeof createImGateway>[0]> = {}, clock?: { unixSeconds: () => number }) =>
  createImGateway({ baseUrl: server.url, sdkAppId: SDKAPPID, secretKey: SECRET, adminId: ADMIN, timeoutMs: 2000, ...overrides }, clock);

beforeAll(async () => {
  server = await startServer();
  await server.rest("im_open_login_svc/account_import", { UserID: "owner_1", Nick: "Owner" });
});
afterAll(() => server.close());

async function rejection(p: Promise<unknown>): Promise<ImError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImError);
  return err as ImError;
}

describe("the IM gateway against the local IM server", () => {
  it("creates a group and reads it back in console shape, with console type names", async () => {
    const im = gateway();
    const id = await im.createGroup({ type: "Work", name: "チーム 🎉", ownerId: "owner_1", introduction: "hello" });
    expect(id).toMatch(/^@TGS#/);
    expect(await im.getGroup(id)).toMatchObject({
      id,
      type: "Work",
      name: "チーム 🎉",
      ownerId: "owner_1",
      memberCount: 1,
      joinOption: "DisableApply",
      introduction: "hello",
    });
  });

  it("pages group IDs with the 64-bit Next cursor, every group exactly once", async () => {
    const im = gateway();
    for (let i = 0; i < 7; i++) await im.createGroup({ type: "Meeting", name: `page ${i}` });
    const seen: string[] = [];
    let next: string | undefined;
    let total = 0;
    do {
      const page = await im.listGroupIds({ limit: 3, next, type: "Meeting" });
      seen.push(...page.ids);
      total = page.total;
      if (page.next !== "0") expect(BigInt(page.next)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
      next = page.next === "0" ? undefined : page.next;
    } while (next);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it("reads more than 50 profiles in batches of 50, leaving out groups that are gone", async () => {
    const im = gateway();
    const ids: string[] = [];
    for (let i = 0; i < 55; i++) ids.push(await im.createGroup({ type: "Public", name: `batch ${i}` }));
    await im.destroyGroup(ids[3]);
    const groups = await im.getGroups(ids);
    expect(groups).toHaveLength(54);
    expect(groups.map((g) => g.id)).not.toContain(ids[3]);
  });

  it("tells imported accounts from unknown ones, asking at most 100 per account_check", async () => {
    const im = gateway();
    const imported = Array.from({ length: 130 }, (_, i) => `checked_${i}`);
    await server.rest("im_open_login_svc/multiaccount_import", { Accounts: imported.slice(0, 100) });
    await server.rest("im_open_login_svc/multiaccount_import", { Accounts: imported.slice(100) });
    const asked = [...imported.slice(0, 60), "nobody_1", ...imported.slice(60), "nobody_2"];
    const known = await im.importedAccounts(asked);
    expect([...known].sort()).toEqual([...imported].sort());
    expect(await im.importedAccounts([])).toEqual(new Set());
  });

  it("throws ImError with Tencent's code when the server refuses", async () => {
    const im = gateway();
    await im.createGroup({ type: "Meeting", name: "first", id: "taken-id" });
    expect((await rejection(im.createGroup({ type: "Meeting", name: "second", id: "taken-id" }))).code).toBe(10021);
    expect((await rejection(im.createGroup({ type: "Public", name: "x", ownerId: "nobody_here" }))).code).toBe(10019);
  });

  it("a wrong secret is a signature refusal (700xx), reported as a configuration fault", async () => {
    const err = await rejection(gateway({ secretKey: "not-the-secret-key-000" }).listGroupIds({ limit: 1 }));
    expect(err.badSignature).toBe(true);
  });

  it("renews an expired UserSig without the caller noticing", async () => {
    // The first signature is made by a clock two days behind, so the server finds it expired (70001).
    let signed = 0;
    const im = gateway({}, { unixSeconds: () => Math.floor(Date.now() / 1000) - (signed++ === 0 ? 2 * 24 * 3600 : 0) });
    await expect(im.listGroupIds({ limit: 1 })).resolves.toMatchObject({ total: expect.any(Number) });
    expect(signed).toBeGreaterThanOrEqual(2);
  });

  it("an unreachable server is IM_UNREACHABLE; a server that never answers is IM_TIMEOUT", async () => {
    const closed = await rejection(gateway({ baseUrl: "http://127.0.0.1:1" }).createGroup({ type: "Meeting", name: "x" }));
    expect(closed.code).toBe(IM_UNREACHABLE);
    const silent: Server = createServer(() => undefined).listen(0, "127.0.0.1");
    await new Promise((r) => silent.once("listening", r));
    const port = (silent.address() as { port: number }).port;
    const slow = await rejection(
      gateway({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 }).createGroup({ type: "Meeting", name: "x" }),
    );
    expect(slow.code).toBe(IM_TIMEOUT);
    expect(slow.unavailable).toBe(true);
    silent.close();
  });

  // Guards the timer the transport sets itself (a forgotten clearTimeout); AbortSignal.timeout's own timer, which the
  // transport used before, is not among Node's active resources, so this could not have told that one apart.
  it("a command answered well within its timeout clears its timeout timer", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const im = gateway({ timeoutMs: 60_000 });
    await im.getGroups(["@TGS#no_such_group"]);
    const before = timers();
    await Promise.all([im.getGroups(["@TGS#no_such_group"]), im.getGroups(["@TGS#no_such_group_2"])]);
    expect(timers()).toBe(before);
  });

  it("a connection refused never carried the request; one that breaks after the request went out leaves its outcome unknown", async () => {
    const gone: Server = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => gone.once("listening", r));
    const closedPort = (gone.address() as { port: number }).port;
    await new Promise((r) => gone.close(r));
    const refused = await rejection(gateway({ baseUrl: `http://127.0.0.1:${closedPort}` }).createGroup({ type: "Meeting", name: "x" }));
    expect([refused.code, refused.outcomeUnknown]).toEqual([IM_UNREACHABLE, false]);

    // Reads the request, then hangs up without a word.
    const rude: Server = createServer((socket) => socket.once("data", () => socket.destroy())).listen(0, "127.0.0.1");
    await new Promise((r) => rude.once("listening", r));
    const dropped = await rejection(
      gateway({ baseUrl: `http://127.0.0.1:${(rude.address() as { port: number }).port}` }).createGroup({ type: "Meeting", name: "x" }),
    );
    expect([dropped.code, dropped.outcomeUnknown]).toEqual([IM_DROPPED, true]);
    rude.close();
  });
});
