import { expect, test, type APIRequestContext } from "@playwright/test";
import { anonymousApi, signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";
import { callbackQuery, sendWebhook } from "../support/im-webhooks";
import { about, openLiveEvents } from "../support/live-events";
import { LoginPage } from "../pages/login-page";
import { OWN_ADMIN, ownConsole, type OwnConsole } from "../support/own-console";

/**
 * Things going wrong around the console: its IM server is down, and webhooks arrive forged. The gateway's
 * answers to a slow, failing, garbled or rate-limiting IM server, and a store that is gone, are proven in
 * vitest against a stub IM server (lib/server/http/im-faults.test.ts).
 */
test.describe("a console whose IM server is down", () => {
  test.describe.configure({ timeout: 90_000 });
  let own: OwnConsole;
  let api: APIRequestContext;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    own = await ownConsole("im-down", { imServer: false });
    await own.start();
    api = await signedInApi(OWN_ADMIN.email, OWN_ADMIN.password, own.baseUrl);
  });
  test.afterAll(async () => {
    await api?.dispose();
    await own?.stop();
  });

  test("the API answers 503 im_unavailable in the contract; health stays up and says why; the console's own routes still work", async () => {
    for (const [method, path, data] of [
      ["GET", "/api/groups/tokyo-react", undefined],
      ["POST", "/api/groups", { type: "Public", name: "While the IM server is down" }],
    ] as const) {
      const res = await api.fetch(path, { method, data });
      expect(res.status(), `${method} ${path}`).toBe(503);
      expect((await res.json()).error).toMatchObject({ code: "im_unavailable", message: expect.stringContaining("cannot be reached") });
    }
    const health = await api.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "degraded", im: { ok: false }, store: { ok: true } });
    // Readiness says no, in the error contract, so a load balancer sends this instance nothing.
    const ready = await api.get("/api/ready");
    expect(ready.status()).toBe(503);
    expect((await ready.json()).error).toMatchObject({ code: "im_unavailable", details: { im: { ok: false }, store: { ok: true } } });

    expect((await api.get("/api/me")).status()).toBe(200);
    // The refused create is in the audit log with what went wrong.
    const audit = await (await api.get("/api/audit?action=group.create")).json();
    expect(audit.items[0]).toMatchObject({
      actor: { email: OWN_ADMIN.email },
      result: "im_unavailable",
      after: { name: "While the IM server is down" },
    });
  });

  test("a group page says the IM server cannot be reached and offers Try again, which asks again", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: own.baseUrl });
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto("/groups/tokyo-react");
    await login.signIn(OWN_ADMIN.email, OWN_ADMIN.password);

    // The browser retries a 5xx twice before it gives up: allow for those rounds.
    const panel = page.getByRole("alert").filter({ hasText: "cannot be reached" });
    await expect(panel).toBeVisible({ timeout: 45_000 });
    await expect(panel).toContainText("im_unavailable");
    const again = page.waitForResponse((r) => r.url().endsWith("/api/groups/tokyo-react"));
    await panel.getByRole("button", { name: "Try again" }).click();
    expect((await again).status()).toBe(503);
    await context.close();
  });
});

test.describe("forged webhooks", () => {
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

  test("announcing a handled application, a new member or a new application: refused, and nothing is recorded or announced", async () => {
    const created = await api.post("/api/groups", { data: { type: "Public", name: `Forgery target ${Date.now().toString(36)}` } });
    const group: { id: string } = await created.json();
    const { userId, phone } = await newAppUser("Forgery applicant");
    const applied = await phone.joinGroup(group.id, "genuine application");
    await phone.logout();
    await live.next(about(group.id, "application.created"));
    const before = { group: await (await api.get(`/api/groups/${encodeURIComponent(group.id)}`)).json(), events: live.received.length };

    const now = Math.floor(Date.now() / 1000);
    const capturedSign = new URLSearchParams(callbackQuery("x", { requestTime: now })).get("Sign")!;
    const forgeries: [string, Parameters<typeof sendWebhook>[3], number][] = [
      ["a RequestTime ten minutes ahead", { requestTime: now + 600 }, 401],
      ["a captured Sign replayed with another RequestTime", { requestTime: now + 1, sign: capturedSign }, 401],
      ["a Sign in the right shape made without the token", { sign: "f".repeat(64) }, 401],
    ];
    const forged: [string, Record<string, unknown>][] = [
      [
        "Group.CallbackAfterHandleJoinApplication",
        {
          GroupId: group.id,
          Type: "Public",
          ApplicationId: applied.applicationID,
          Requestor_Account: userId,
          Decision: "Agree",
          Handler_Account: "intruder",
        },
      ],
      [
        "Group.CallbackAfterNewMemberJoin",
        { GroupId: group.id, Type: "Public", JoinType: "Apply", NewMemberList: [{ Member_Account: userId }] },
      ],
      [
        "Group.CallbackAfterApplyJoinGroup",
        { GroupId: group.id, Type: "Public", ApplicationId: "1", Requestor_Account: userId, ApplyMsg: "forged" },
      ],
    ];
    for (const [what, opts, status] of forgeries) {
      for (const [command, body] of forged) {
        const res = await sendWebhook(imServer, command, body, opts);
        expect(res.status(), `${command} with ${what}`).toBe(status);
        expect(await res.json()).toEqual({ ActionStatus: "FAIL", ErrorCode: 1, ErrorInfo: expect.any(String) });
      }
    }
    // No SdkAppid at all, however well signed.
    const query = new URLSearchParams(callbackQuery("Group.CallbackAfterNewMemberJoin"));
    query.delete("SdkAppid");
    const anonymous = await imServer.post(`/api/im/callback?${query}`, {
      data: { CallbackCommand: "Group.CallbackAfterNewMemberJoin", GroupId: group.id, NewMemberList: [{ Member_Account: userId }] },
    });
    expect(anonymous.status()).toBe(403);

    // A genuine webhook after them is announced; none of the forged ones was, and the group is as it was.
    const witness = await sendWebhook(imServer, "Group.CallbackAfterGroupInfoChanged", {
      GroupId: group.id,
      Type: "Public",
      Operator_Account: "administrator",
    });
    expect(witness.status()).toBe(200);
    const announced = () =>
      live.received
        .slice(before.events)
        .filter(about(group.id))
        .map((e) => e.type);
    await expect.poll(announced).toEqual(["group.updated"]);
    await new Promise((r) => setTimeout(r, 500));
    expect(announced()).toEqual(["group.updated"]);
    expect(await (await api.get(`/api/groups/${encodeURIComponent(group.id)}`)).json()).toEqual(before.group);
    const pending = await (await api.get(`/api/applications?groupId=${encodeURIComponent(group.id)}&status=pending`)).json();
    expect(pending.items.map((a: { id: string }) => a.id)).toEqual([applied.applicationID]);
  });
});
