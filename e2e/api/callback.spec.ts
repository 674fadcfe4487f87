import { expect, test, type APIRequestContext } from "@playwright/test";
import { anonymousApi, signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";
import { callbackQuery, imAdmin, sendWebhook } from "../support/im-webhooks";
import { about, openLiveEvents } from "../support/live-events";

let api: APIRequestContext;
let imServer: APIRequestContext;
let live: Awaited<ReturnType<typeof openLiveEvents>>;
test.beforeAll(async () => {
  api = await signedInApi();
  imServer = await anonymousApi();
  live = await openLiveEvents(api);
});
test.afterAll(async () => {
  live.close();
  await api.dispose();
  await imServer.dispose();
});

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const OK = { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" };

async function createGroup(data: Record<string, unknown>): Promise<{ id: string }> {
  const res = await api.post("/api/groups", { data: { name: `Live ${unique()}`, ...data } });
  expect(res.status()).toBe(201);
  return res.json();
}

async function directoryHas(id: string): Promise<boolean> {
  const page = await (await api.get(`/api/groups?q=${encodeURIComponent(id)}&limit=100`)).json();
  return page.items.some((g: { id: string }) => g.id === id);
}

test("webhooks with a bad Sign, a stale RequestTime or another app's SdkAppid are refused in Tencent's envelope and change nothing", async () => {
  const [target, witness] = (await (await api.get("/api/groups?limit=2")).json()).items as { id: string }[];
  const before = await (await api.get("/api/groups?limit=100")).json();
  const forged = { GroupId: target.id, Type: "Public", Operator_Account: "administrator", Name: "forged" };
  const refusals: [string, Parameters<typeof sendWebhook>[3], number][] = [
    ["a wrong Sign", { sign: "0".repeat(64) }, 401],
    ["a Sign made with another token", { token: "not-the-token" }, 401],
    ["no Sign at all", { sign: null }, 401],
    ["a RequestTime over 5 minutes old (a replay)", { requestTime: Math.floor(Date.now() / 1000) - 301 }, 401],
    ["another app's SdkAppid", { sdkAppId: 1400000001 }, 403],
  ];
  for (const [what, opts, status] of refusals) {
    const res = await sendWebhook(imServer, "Group.CallbackAfterGroupInfoChanged", forged, opts);
    expect(res.status(), what).toBe(status);
    expect(await res.json(), what).toEqual({ ActionStatus: "FAIL", ErrorCode: 1, ErrorInfo: expect.any(String) });
  }

  // A correct one right after: its event comes through, and none for the refused ones.
  const good = await sendWebhook(imServer, "Group.CallbackAfterGroupInfoChanged", {
    GroupId: witness.id,
    Type: "Public",
    Operator_Account: "administrator",
  });
  expect(good.status()).toBe(200);
  expect(await good.json()).toEqual(OK);
  await live.next(about(witness.id, "group.updated"));
  await new Promise((r) => setTimeout(r, 500));
  expect(live.received.filter(about(target.id))).toEqual([]);
  expect(await (await api.get("/api/groups?limit=100")).json()).toEqual(before);
});

test("a captured webhook sent again with the same RequestTime and body is acknowledged and ignored; another body of the same second goes through", async () => {
  const [captured, neighbour] = [await createGroup({ type: "Public" }), await createGroup({ type: "Public" })];
  // The Sign covers only the token and RequestTime, so whoever captures a request can send it again.
  const query = callbackQuery("Group.CallbackAfterGroupInfoChanged", { requestTime: Math.floor(Date.now() / 1000) });
  const body = (groupId: string) =>
    Buffer.from(
      JSON.stringify({
        CallbackCommand: "Group.CallbackAfterGroupInfoChanged",
        GroupId: groupId,
        Type: "Public",
        Operator_Account: "administrator",
        EventTime: Date.now(),
      }),
    );
  const send = (data: Buffer) => imServer.post(`/api/im/callback?${query}`, { data, headers: { "content-type": "application/json" } });

  const original = body(captured.id);
  const first = await send(original);
  expect(await first.json()).toEqual(OK);
  await live.next(about(captured.id, "group.updated"));

  const replay = await send(original);
  expect(replay.status()).toBe(200);
  expect(await replay.json()).toEqual(OK);

  // Tencent sends many webhooks in one second: the same RequestTime with another body is not a replay.
  const other = await send(body(neighbour.id));
  expect(await other.json()).toEqual(OK);
  await live.next(about(neighbour.id, "group.updated"));
  await new Promise((r) => setTimeout(r, 1000));
  expect(live.received.filter(about(captured.id, "group.updated"))).toHaveLength(1);
});

test("a Before callback is allowed at once; other commands are acknowledged and ignored", async () => {
  for (const command of [
    "Group.CallbackBeforeCreateGroup",
    "Group.CallbackBeforeInviteJoinGroup",
    "Group.CallbackBeforeSendMsg",
    "State.StateChange",
  ]) {
    const started = Date.now();
    const res = await sendWebhook(imServer, command, { GroupId: "any", Owner_Account: "u1", Type: "Public", Name: "x" });
    expect(res.status(), command).toBe(200);
    expect(await res.json(), command).toEqual(OK);
    expect(Date.now() - started, command).toBeLessThan(2000);
  }
});

test("a body that is not a JSON object is refused with 400 in the envelope", async () => {
  for (const body of ["{not json", '"a string"', "[1, 2]"]) {
    const res = await imServer.post(`/api/im/callback?${callbackQuery("Group.CallbackAfterCreateGroup")}`, {
      data: Buffer.from(body),
      headers: { "content-type": "application/json" },
    });
    expect(res.status(), body).toBe(400);
    expect(await res.json(), body).toEqual({ ActionStatus: "FAIL", ErrorCode: 1, ErrorInfo: expect.any(String) });
  }
});

test("a signed AfterGroupDestroyed is trusted only as far as the IM server agrees: the live group stays", async () => {
  const group = await createGroup({ type: "Meeting" });
  const res = await sendWebhook(imServer, "Group.CallbackAfterGroupDestroyed", {
    GroupId: group.id,
    Type: "ChatRoom",
    Owner_Account: "",
    Name: "x",
  });
  expect(await res.json()).toEqual(OK);
  const event = await live.next((e) => about(group.id)(e) && e.type !== "group.created");
  expect(event.type).toBe("group.updated");
  expect(await directoryHas(group.id)).toBe(true);
});

test("when the IM server dismisses a group, its own webhook takes it out of the directory", async () => {
  const group = await createGroup({ type: "Public" });
  expect(await directoryHas(group.id)).toBe(true);
  // Dismissed behind the console's back (by the app's own backend): only the webhook can tell the console.
  expect(await imAdmin("group_open_http_svc/destroy_group", { GroupId: group.id })).toMatchObject({ ErrorCode: 0 });
  const event = await live.next(about(group.id, "group.dismissed"));
  expect(event.data).toEqual({ groupId: group.id, at: expect.any(String) });
  expect(await directoryHas(group.id)).toBe(false);
});

test("a user's application reaches the console once, with its id, and the pending count follows", async () => {
  const group = await createGroup({ type: "Public", joinOption: "NeedPermission" });
  const { userId, phone } = await newAppUser("Applicant 申请人");
  const applied = await phone.joinGroup(group.id, "please let me in");
  expect(applied.status).toBe("applied");
  const event = await live.next(about(group.id, "application.created"));
  expect(event.data).toMatchObject({ groupId: group.id, applicationId: applied.applicationID, userId });
  // Both BeforeApplyJoinGroup and the After extension report it; the console announces it once.
  await new Promise((r) => setTimeout(r, 1800));
  expect(live.received.filter(about(group.id, "application.created"))).toHaveLength(1);
  const listed = (await (await api.get(`/api/groups?q=${encodeURIComponent(group.id)}`)).json()).items.find(
    (g: { id: string }) => g.id === group.id,
  );
  expect(listed.pendingApplications).toBe(1);
  await phone.logout();
});
