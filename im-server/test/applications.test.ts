import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, createGroup, importAccounts, recordEvents, startServer, waitFor } from "./helpers";

type App = Record<string, unknown> & { ApplicationId: string; Status: string };

describe("join applications (extension endpoints)", () => {
  let server: TestServer;
  let group: string;
  const g = (command: string, body: Record<string, unknown>) => server.rest(`group_open_http_svc/${command}`, body);
  const list = async (body: Record<string, unknown> = {}) => g("get_group_application_list", body);
  const apply = async (userId: string, groupId: string, message: string) => {
    const client = await server.client(userId);
    const joined = await client.joinGroup(groupId, message);
    expect(joined.status).toBe("applied");
    return joined.applicationID!;
  };

  beforeAll(async () => {
    server = await startServer();
    await importAccounts(server, "u_owner", "u_admin", "u_member", "u_a", "u_b", "u_c", "u_d", "u_e");
    group = await createGroup(server, {
      Type: "Public",
      Name: "Applications",
      Owner_Account: "u_owner",
      MaxMemberCount: 5,
      MemberList: [{ Member_Account: "u_admin", Role: "Admin" }, { Member_Account: "u_member" }],
    });
  });
  afterAll(() => server.close());

  it("lists applications newest first with every field, filtered and paged", async () => {
    // Applications within one second are ordered by arrival, so no waiting is needed.
    const first = await apply("u_a", group, "Hello from A");
    const second = await apply("u_b", group, "B です");
    const third = await apply("u_c", group, "C 你好");

    const res = await list({ GroupId: group });
    expect(res).toMatchObject({ ErrorCode: 0, TotalCount: 3, Next: "" });
    const apps = res.ApplicationList as App[];
    expect(apps.map((a) => a.ApplicationId)).toEqual([third, second, first]);
    expect(apps[2]).toEqual({
      ApplicationId: first,
      GroupId: group,
      GroupName: "Applications",
      Requestor_Account: "u_a",
      Requestor_Nick: "Nick u_a",
      Requestor_FaceUrl: "",
      ApplyMsg: "Hello from A",
      ApplyTime: expect.any(Number),
      Status: "Pending",
      Handler_Account: "",
      HandleTime: 0,
      HandleMsg: "",
    });

    const seen: string[] = [];
    let next = "";
    do {
      const page = await list({ GroupId: group, Limit: 2, Next: next });
      expect(page.TotalCount).toBe(3);
      seen.push(...(page.ApplicationList as App[]).map((a) => a.ApplicationId));
      next = page.Next as string;
    } while (next);
    expect(seen).toEqual([third, second, first]);

    expect((await list({ Status: "Approved" })).TotalCount).toBe(0);
    const bad: [Record<string, unknown>, number][] = [
      [{ Limit: 101 }, 10004],
      [{ Status: "pending" }, 10004],
      [{ Next: "garbage!" }, 10004],
      [{ GroupId: "missing" }, 10010],
    ];
    for (const [body, code] of bad) expect(await list(body), JSON.stringify(body)).toMatchObject({ ErrorCode: code });
  });

  it("re-applying refreshes the open application instead of adding one", async () => {
    const client = await server.client("u_a");
    const again = await client.joinGroup(group, "Second try");
    const apps = (await list({ GroupId: group, Status: "Pending" })).ApplicationList as App[];
    expect(apps.filter((a) => a.Requestor_Account === "u_a")).toEqual([
      expect.objectContaining({ ApplicationId: again.applicationID, ApplyMsg: "Second try" }),
    ]);
  });

  it("approves with the same effects as an approval from a phone", async () => {
    const requester = await server.client("u_d");
    const owner = await server.client("u_owner");
    const member = await server.client("u_member");
    const [requesterEvents, ownerEvents, memberEvents] = [recordEvents(requester), recordEvents(owner), recordEvents(member)];
    const id = await apply("u_d", group, "let me in");
    await waitFor(() => ownerEvents.find((e) => e.name === "onReceiveJoinApplication"));
    expect(memberEvents.some((e) => e.name === "onReceiveJoinApplication")).toBe(false);

    const res = await g("handle_group_application", {
      ApplicationId: id,
      Decision: "Agree",
      HandleMsg: "Welcome",
      Operator_Account: "ops@example.com",
    });
    expect(res).toMatchObject({
      ErrorCode: 0,
      Application: { ApplicationId: id, Status: "Approved", Handler_Account: "ops@example.com", HandleMsg: "Welcome" },
    });
    await waitFor(() => requesterEvents.find((e) => e.name === "onMemberEnter"));
    expect(requesterEvents.map((e) => e.name)).toEqual(["onApplicationProcessed", "onMemberEnter"]);
    expect(requesterEvents[0].payload).toMatchObject({
      groupID: group,
      isAgreeJoin: true,
      opReason: "Welcome",
      opUser: { userID: "ops@example.com" },
    });
    await waitFor(() => memberEvents.find((e) => e.name === "onMemberEnter"));
    expect(memberEvents.find((e) => e.name === "onMemberEnter")!.payload).toMatchObject({
      groupID: group,
      memberList: [{ userID: "u_d", nickName: "Nick u_d" }],
    });
    expect(memberEvents.some((e) => e.name === "onApplicationProcessed")).toBe(false);
    expect(server.store.members.role(group, "u_d")).toBe("Member");
  });

  it("answers 10024 with who handled it, and changes nothing", async () => {
    const [app] = (await list({ GroupId: group, Status: "Approved" })).ApplicationList as App[];
    const res = await g("handle_group_application", { ApplicationId: app.ApplicationId, Decision: "Reject" });
    expect(res).toMatchObject({
      ActionStatus: "FAIL",
      ErrorCode: 10024,
      Status: "Approved",
      Handler_Account: "ops@example.com",
      HandleTime: app.HandleTime,
    });
  });

  it("lets exactly one of many racing handlers win, across two servers on one database", async () => {
    const id = await apply("u_e", group, "race me");
    const twin = await server.restart();
    server = twin;
    const other = await (await import("./helpers")).startServer({}, server.config.dataDir);
    try {
      const attempts = Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : server).rest("group_open_http_svc/handle_group_application", {
          ApplicationId: id,
          Decision: i % 3 ? "Agree" : "Reject",
          Operator_Account: `handler-${i}`,
        }),
      );
      const results = await Promise.all(attempts);
      expect(results.filter((r) => r.ErrorCode === 0)).toHaveLength(1);
      const losers = results.filter((r) => r.ErrorCode !== 0);
      expect(losers).toHaveLength(9);
      const winner = results.find((r) => r.ErrorCode === 0)!.Application as App;
      for (const loser of losers) expect(loser).toMatchObject({ ErrorCode: 10024, Handler_Account: winner.Handler_Account });
    } finally {
      await other.close({ keepData: true });
    }
  });

  it("keeps an application pending when the group is full (10014), and answers 10010 once the group is gone", async () => {
    await importAccounts(server, "u_f", "u_g");
    const small = await createGroup(server, { Type: "Public", Name: "Small", Owner_Account: "u_owner", MaxMemberCount: 2 });
    const f = await apply("u_f", small, "f");
    const gId = await apply("u_g", small, "g");
    expect(await g("handle_group_application", { ApplicationId: f, Decision: "Agree" })).toMatchObject({ ErrorCode: 0 });
    expect(await g("handle_group_application", { ApplicationId: gId, Decision: "Agree" })).toMatchObject({ ErrorCode: 10014 });
    expect(((await list({ GroupId: small, Status: "Pending" })).ApplicationList as App[]).map((a) => a.ApplicationId)).toEqual([gId]);
    expect(await g("handle_group_application", { ApplicationId: gId, Decision: "Reject", HandleMsg: "full" })).toMatchObject({
      ErrorCode: 0,
      Application: { Status: "Refused", HandleMsg: "full", Handler_Account: "administrator" },
    });

    const doomed = await createGroup(server, { Type: "Public", Name: "Doomed", Owner_Account: "u_owner" });
    const h = await apply("u_f", doomed, "h");
    await g("destroy_group", { GroupId: doomed });
    expect(await g("handle_group_application", { ApplicationId: h, Decision: "Agree" })).toMatchObject({ ErrorCode: 10010 });
  });

  it("refuses malformed requests", async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ Decision: "Agree" }, 10004],
      [{ ApplicationId: "abc", Decision: "Agree" }, 10004],
      [{ ApplicationId: "1", Decision: "Maybe" }, 10004],
      [{ ApplicationId: "1", Decision: "Agree", Operator_Account: "x".repeat(65) }, 10004],
      [{ ApplicationId: "999999", Decision: "Agree" }, 10010],
    ];
    for (const [body, code] of cases)
      expect(await g("handle_group_application", body), JSON.stringify(body)).toMatchObject({ ErrorCode: code });
  });

  it("settles an open application when the user is added another way", async () => {
    await importAccounts(server, "u_h");
    const other = await createGroup(server, { Type: "Public", Name: "Other", Owner_Account: "u_owner" });
    const id = await apply("u_h", other, "please");
    await g("add_group_member", { GroupId: other, MemberList: [{ Member_Account: "u_h" }] });
    const [app] = (await list({ GroupId: other })).ApplicationList as App[];
    expect(app).toMatchObject({ ApplicationId: id, Status: "Approved", Handler_Account: "administrator" });
  });
});
