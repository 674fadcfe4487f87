// Longer than 250 lines: each way the IM server or the store can fail, through real routes against one stub
// IM server whose script each case sets; the stub is what the cases share.
import { createServer } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as approveApplication } from "@/app/api/applications/[id]/approve/route";
import { GET as getGroup } from "@/app/api/groups/[id]/route";
import { GET as listGroups, POST as createGroup } from "@/app/api/groups/route";
import { createImGateway } from "@/lib/im/gateway";
import { drop, fail, hang, ok, raw, startStubImServer, type StubImServer } from "@/lib/im/testing/stub-im-server";
import type { SessionUser } from "@/lib/schemas/user";
import { settleDue } from "@/lib/server/audit/settle";
import { groupSettleProbe } from "@/lib/server/groups/settle-probe";
import { openSqliteTestStore, type TestStore } from "@/lib/server/store/test-stores";

/**
 * The real route handlers, services and gateway, in front of an IM server that misbehaves on purpose. Only
 * the session is given (an admin); everything after it runs as in production.
 */
const ADMIN: SessionUser = { id: "1", email: "admin@faults.test", name: "Admin", role: "admin" };
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => ADMIN, requireUser: async () => ADMIN }));

const GROUP = {
  GroupId: "stub-group",
  ErrorCode: 0,
  Type: "Public",
  Name: "Stub group",
  Owner_Account: "owner_1",
  CreateTime: 1700000000,
  MemberNum: 3,
  MaxMemberNum: 6000,
  ApplyJoinOption: "NeedPermission",
};
const groupInfo = ok({ GroupInfo: [GROUP] });
const noApplications = ok({ ApplicationList: [], TotalCount: 0, Next: "" });

let stub: StubImServer;
let db: TestStore;
/** Whether a test closed the store already (the unavailable store's story does). */
let closed = false;
const closeStore = async () => {
  if (closed) return;
  closed = true;
  await db.close();
};
const holder = globalThis as typeof globalThis & { __groupConsole?: unknown };

const IM_TIMEOUT_MS = 150;

function useIm(baseUrl: string, clock?: { unixSeconds: () => number }) {
  const im = createImGateway(
    { baseUrl, sdkAppId: 1400000000, secretKey: "stub-secret-key-0123456789", adminId: "administrator", timeoutMs: IM_TIMEOUT_MS },
    clock,
  );
  holder.__groupConsole = { db, im };
  return im;
}

type Handler = (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, method: string, url: string, opts: { body?: unknown; params?: Record<string, string> } = {}) {
  const req = new NextRequest(`http://console.test${url}`, {
    method,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body), headers: { "content-type": "application/json" } } : {}),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, body: await res.json() };
}

const readGroup = () => call(getGroup, "GET", "/api/groups/stub-group", { params: { id: "stub-group" } });
const create = () => call(createGroup, "POST", "/api/groups", { body: { type: "Public", name: "Stub group" } });

beforeAll(async () => {
  stub = await startStubImServer();
});
afterAll(() => stub.close());
beforeEach(() => {
  db = openSqliteTestStore();
  closed = false;
  useIm(stub.url);
});
afterEach(async () => {
  expect(stub.unexpected, "commands nobody scripted").toEqual([]);
  stub.reset();
  await closeStore();
  delete holder.__groupConsole;
});

describe("an IM server that cannot be reached", () => {
  it("slower than the timeout: a read is retried, then 503 im_unavailable; a write is sent once and never resent", async () => {
    stub.script("get_group_info", hang);
    stub.script("create_group", hang);
    const read = await readGroup();
    expect(read).toEqual({
      status: 503,
      body: {
        error: {
          code: "im_unavailable",
          message: expect.stringContaining("cannot be reached"),
          details: expect.objectContaining({ imCode: -2 }),
        },
      },
    });
    expect(stub.callsTo("get_group_info")).toHaveLength(4);

    const write = await create();
    expect(write.status).toBe(503);
    expect(write.body.error.code).toBe("im_unavailable");
    expect(stub.callsTo("create_group")).toHaveLength(1);
  });

  it("down (connection refused): 503 im_unavailable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    useIm(`http://127.0.0.1:${port}`);
    const read = await readGroup();
    expect(read.status).toBe(503);
    expect(read.body.error).toMatchObject({ code: "im_unavailable", details: { imCode: -1 } });
  });

  it("a 5xx page from something in front of it counts as unreachable: reads retried, then 503", async () => {
    stub.script("get_group_info", raw(502, "<html><body>Bad Gateway</body></html>"));
    stub.script("create_group", raw(503, "<html><body>Service Unavailable</body></html>"));
    expect((await readGroup()).body.error.code).toBe("im_unavailable");
    expect(stub.callsTo("get_group_info")).toHaveLength(4);
    const write = await create();
    expect(write.status).toBe(503);
    expect(stub.callsTo("create_group")).toHaveLength(1);
  });
});

describe("a write whose answer never comes", () => {
  // The console process has been running for a while; what follows happens while it lives.
  const startedAt = Date.now() - 60_000;
  const createNamed = () => call(createGroup, "POST", "/api/groups", { body: { type: "Public", name: "Stub group", id: "stub-group" } });
  const createEntry = () => db.get<{ result: string | null }>("SELECT result FROM audit WHERE action = 'group.create'");
  const settlementPass = () =>
    settleDue(db, [groupSettleProbe((holder.__groupConsole as { im: ReturnType<typeof useIm> }).im)], {
      shared: false,
      startedAt,
      imTimeoutMs: IM_TIMEOUT_MS,
    });
  const unknownOutcome = (imCode: number) => ({
    status: 503,
    body: {
      error: {
        code: "im_unavailable",
        message: expect.stringContaining("not known whether the change took effect"),
        details: expect.objectContaining({ imCode, reason: { key: "outcomeUnknown" } }),
      },
    },
  });

  it("timed out: the caller hears the outcome is unknown and will be checked; the audit waits, and a later pass asks the IM server", async () => {
    stub.script("create_group", hang);
    expect(await createNamed()).toEqual(unknownOutcome(-2));
    expect(await createEntry(), "not audited as failed: it may have taken effect").toEqual({ result: null });

    // The IM server did create it, only its answer was lost. Right away the entry is left alone: the IM
    // server may still be working on the request. Three IM timeouts later a pass asks what happened.
    stub.script("get_group_info", groupInfo);
    expect(await settlementPass()).toBe(0);
    await new Promise((r) => setTimeout(r, 3 * IM_TIMEOUT_MS));
    expect(await settlementPass()).toBe(1);
    expect(await createEntry()).toEqual({ result: "settled:ok" });
  });

  it("the connection drops after the request went out: the same, and a pass finds it never happened", async () => {
    stub.script("create_group", drop);
    expect(await createNamed()).toEqual(unknownOutcome(-5));
    expect(await createEntry()).toEqual({ result: null });
    stub.script("get_group_info", ok({ GroupInfo: [{ GroupId: "stub-group", ErrorCode: 10010, ErrorInfo: "group not found" }] }));
    await new Promise((r) => setTimeout(r, 3 * IM_TIMEOUT_MS));
    expect(await settlementPass()).toBe(1);
    expect(await createEntry()).toEqual({ result: "settled:not_applied" });
  });

  it("a pass leaves alone a request still running in this process, however old its intent", async () => {
    stub.script("create_group", hang);
    const running = createNamed();
    await expect.poll(createEntry).toEqual({ result: null });
    expect(
      await settleDue(db, [groupSettleProbe((holder.__groupConsole as { im: ReturnType<typeof useIm> }).im)], {
        shared: false,
        startedAt,
        imTimeoutMs: 0,
      }),
    ).toBe(0);
    expect(await running).toEqual(unknownOutcome(-2));
  });

  it("a connection refused is a plain failure: nothing was sent, so nothing is left to check", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    useIm(`http://127.0.0.1:${port}`);
    const write = await createNamed();
    expect(write).toEqual({
      status: 503,
      body: {
        error: {
          code: "im_unavailable",
          message: expect.stringContaining("cannot be reached"),
          details: expect.objectContaining({ imCode: -1 }),
        },
      },
    });
    expect(await createEntry()).toEqual({ result: "im_unavailable" });
  });
});

describe("an IM server that answers nonsense", () => {
  it("garbage instead of the envelope is 502 im_error, in words, not retried", async () => {
    stub.script("get_group_info", raw(200, "<html>Welcome to nginx!</html>"));
    const read = await readGroup();
    expect(read).toEqual({
      status: 502,
      body: {
        error: { code: "im_error", message: expect.stringContaining("cannot read"), details: expect.objectContaining({ imCode: -3 }) },
      },
    });
    expect(stub.callsTo("get_group_info")).toHaveLength(1);
  });

  it("an envelope whose fields have the wrong shapes is the IM server's fault (502), never a 422 about the request", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    stub.script("get_group_info", ok({ GroupInfo: "not a list" }));
    const read = await readGroup();
    expect(read.status).toBe(502);
    expect(read.body.error.code).toBe("im_error");
    vi.restoreAllMocks();
  });
});

describe("frequency limits and signatures", () => {
  it("a read that hits the frequency limit (60007) backs off and succeeds when the limit clears", async () => {
    stub.script("get_group_info", fail(60007), fail(60007), groupInfo);
    stub.script("get_group_application_list", noApplications);
    const read = await readGroup();
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: "stub-group", name: "Stub group", type: "Public" });
    expect(stub.callsTo("get_group_info")).toHaveLength(3);
  });

  it("a limit that does not clear ends in a clear 429 rate_limited; a write over the limit (10006) is not resent", async () => {
    stub.script("get_group_info", fail(60007));
    const read = await readGroup();
    expect(read).toEqual({
      status: 429,
      body: {
        error: {
          code: "rate_limited",
          message: expect.stringContaining("rate limit"),
          details: expect.objectContaining({ imCode: 60007 }),
        },
      },
    });
    expect(stub.callsTo("get_group_info")).toHaveLength(4);

    stub.script("create_group", fail(10006));
    const write = await create();
    expect(write.status).toBe(429);
    expect(write.body.error).toMatchObject({ code: "rate_limited", details: { imCode: 10006 } });
    expect(stub.callsTo("create_group")).toHaveLength(1);
  });

  it("an expired UserSig (70001) is renewed and the command sent again, without the operator noticing", async () => {
    // The first signature comes from a clock two days behind; the renewed one from the real clock.
    let signed = 0;
    useIm(stub.url, { unixSeconds: () => Math.floor(Date.now() / 1000) - (signed++ === 0 ? 2 * 24 * 3600 : 0) });
    stub.script("create_group", fail(70001, "usersig expired"), ok({ GroupId: "stub-group" }));
    stub.script("get_group_info", groupInfo);
    const created = await create();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: "stub-group" });
    const [first, second] = stub.callsTo("create_group");
    expect(stub.callsTo("create_group")).toHaveLength(2);
    expect(second.usersig).not.toBe(first.usersig);
  });

  it("a UserSig the server keeps refusing (70003) is a configuration fault: 502 in words about credentials, logged", async () => {
    const logged = loggedErrors();
    stub.script("get_group_info", fail(70003, "usersig invalid"));
    const read = await readGroup();
    expect(read.status).toBe(502);
    expect(read.body.error).toMatchObject({
      code: "im_error",
      message: expect.stringContaining("credentials"),
      details: { imCode: 70003 },
    });
    expect(stub.callsTo("get_group_info")).toHaveLength(1);
    expect(logged().length).toBeGreaterThan(0);
    vi.restoreAllMocks();
  });
});

/** The error lines lib/server/platform/log writes (JSON on stdout), beside the one line every request gets. */
function loggedErrors(): () => { level: string; msg: string }[] {
  const spy = vi.spyOn(console, "log").mockImplementation(() => undefined);
  return () => spy.mock.calls.map(([line]) => JSON.parse(String(line))).filter((l) => l.level === "error" && l.msg !== "api request");
}

describe("a console store that is unavailable", () => {
  it("answers 500 in the error contract, leaks nothing, and sends no change to the IM server", async () => {
    const logged = loggedErrors();
    // The one read allowed: asking which extensions the IM server offers (where applications live).
    stub.script("get_group_application_list", noApplications);
    await closeStore();
    const attempts = [
      await create(),
      await call(listGroups, "GET", "/api/groups"),
      await call(approveApplication, "POST", "/api/applications/17/approve", { body: {}, params: { id: "17" } }),
    ];
    for (const res of attempts) {
      expect(res).toEqual({
        status: 500,
        body: { error: { code: "internal", message: "Something went wrong on our side. It has been logged" } },
      });
    }
    expect(stub.calls.filter((c) => c.command !== "get_group_application_list")).toEqual([]);
    expect(logged()).toHaveLength(attempts.length);
    vi.restoreAllMocks();
  });
});
