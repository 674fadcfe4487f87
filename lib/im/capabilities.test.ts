import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, SDKAPPID, SECRET, startServer, type TestServer } from "../../im-server/test/helpers";
import { ImError } from "./errors";
import { createImGateway } from "./gateway";
import { fail, ok, startStubImServer, type StubImServer } from "./testing/stub-im-server";

// The capability probe and the commands the console's own inbox needs, against real local IM servers:
// one as shipped (with the applications extension) and one behaving exactly like Tencent.
let local: TestServer;
let strict: TestServer;
let stub: StubImServer;
const gatewayFor = (url: string) =>
  createImGateway({ baseUrl: url, sdkAppId: SDKAPPID, secretKey: SECRET, adminId: ADMIN, timeoutMs: 2000 });

beforeAll(async () => {
  [local, strict, stub] = await Promise.all([startServer(), startServer({ strictTencent: true }), startStubImServer()]);
  for (const server of [local, strict]) {
    await server.rest("im_open_login_svc/account_import", { UserID: "owner_c", Nick: "Owner" });
    await server.rest("im_open_login_svc/account_import", { UserID: "aiko", Nick: "Aiko 愛子" });
  }
});
afterAll(() => Promise.all([local.close(), strict.close(), stub.close()]));

describe("what the IM server can do", () => {
  it("the local IM server offers the applications extension; in strict Tencent mode it does not", async () => {
    await expect(gatewayFor(local.url).capabilities()).resolves.toEqual({ applications: true });
    await expect(gatewayFor(strict.url).capabilities()).resolves.toEqual({ applications: false });
  });

  it("asks once, however many callers ask at once, and keeps the answer", async () => {
    stub.reset();
    stub.script("get_group_application_list", fail(10003, "invalid command"));
    const im = gatewayFor(stub.url);
    expect(im.knownCapabilities()).toBeNull();
    const answers = await Promise.all([im.capabilities(), im.capabilities(), im.capabilities()]);
    expect(answers).toEqual([{ applications: false }, { applications: false }, { applications: false }]);
    await im.capabilities();
    expect(stub.callsTo("get_group_application_list")).toHaveLength(1);
    expect(im.knownCapabilities()).toEqual({ applications: false });
  });

  it("a probe that fails is not kept: the next caller asks again", async () => {
    stub.reset();
    stub.script("get_group_application_list", fail(70009, "signature"), ok({ ApplicationList: [], TotalCount: 0, Next: "" }));
    const im = gatewayFor(stub.url);
    const err = await im.capabilities().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImError);
    expect(im.knownCapabilities()).toBeNull();
    await expect(im.capabilities()).resolves.toEqual({ applications: true });
    im.forgetCapabilities();
    expect(im.knownCapabilities()).toBeNull();
  });
});

describe("commands for the console's own inbox (Tencent's REST API only)", () => {
  it("reads members' roles, NotMember for the others", async () => {
    const im = gatewayFor(strict.url);
    const id = await im.createGroup({ type: "Public", name: "roles", ownerId: "owner_c" });
    const roles = await im.getRoles(id, ["owner_c", "aiko"]);
    expect(Object.fromEntries(roles)).toEqual({ owner_c: "Owner", aiko: "NotMember" });
  });

  it("asks about 1,200 users in calls of 500, which a Tencent-like server accepts", async () => {
    const im = gatewayFor(strict.url);
    const id = await im.createGroup({ type: "Public", name: "many roles", ownerId: "owner_c" });
    const strangers = Array.from({ length: 1199 }, (_, i) => `stranger_${i}`);
    const roles = await im.getRoles(id, [...strangers, "owner_c"]);
    expect(roles.size).toBe(1200);
    expect(roles.get("owner_c")).toBe("Owner");
    expect(strangers.every((u) => roles.get(u) === "NotMember")).toBe(true);
  });

  it("sends a one-to-one text that reaches the recipient's phone as onRecvNewMessage", async () => {
    const phone = await strict.client("aiko");
    const received = new Promise<Record<string, unknown>>((resolve) =>
      phone.addGroupListener({ onEvent: (name, payload) => name === "onRecvNewMessage" && resolve(payload) }),
    );
    const { msgKey } = await gatewayFor(strict.url).sendText("aiko", "Your request to join “Book club” was declined. Reason: full");
    expect(msgKey).not.toBe("");
    expect(await received).toMatchObject({ sender: ADMIN, text: "Your request to join “Book club” was declined. Reason: full" });
    await phone.logout();
  });

  it("over Tencent's frequency limit a read backs off and is retried, a write is not (it becomes a clear 429)", async () => {
    stub.reset();
    stub.script("get_role_in_group", fail(60007, "over the limit"), ok({ UserIdList: [{ Member_Account: "aiko", Role: "Member" }] }));
    stub.script("add_group_member", fail(60007, "over the limit"));
    const im = gatewayFor(stub.url);
    expect((await im.getRoles("g", ["aiko"])).get("aiko")).toBe("Member");
    expect(stub.callsTo("get_role_in_group")).toHaveLength(2);
    const err = await im.addMembers("g", ["aiko"]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 60007, rateLimited: true });
    expect(stub.callsTo("add_group_member")).toHaveLength(1);
  });
});
