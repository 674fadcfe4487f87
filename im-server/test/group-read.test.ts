import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUP_CURSOR_OFFSET } from "../src/domain/cursors";
import { type TestServer, createGroup, importAccounts, startServer } from "./helpers";

const TYPES = ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"];

describe("get_appid_group_list and get_group_info", () => {
  let server: TestServer;
  const created: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    await importAccounts(server, "u_owner", "u_a", "u_b");
    for (let i = 0; i < 23; i++) {
      created.push(
        await createGroup(server, {
          Type: TYPES[i % 5],
          Name: `Group ${i}`,
          Owner_Account: "u_owner",
          ...(i % 5 !== 3 ? { MemberList: [{ Member_Account: "u_a" }] } : {}),
        }),
      );
    }
  });
  afterAll(() => server.close());

  const list = (body: Record<string, unknown>) => server.rest("group_open_http_svc/get_appid_group_list", body);

  it("lists every group in creation order with the total", async () => {
    const res = await list({});
    expect(res.TotalCount).toBe(23);
    expect((res.GroupIdList as { GroupId: string }[]).map((g) => g.GroupId)).toEqual(created);
    expect(res.Next).toBe(0n);
  });

  it("pages with a 64-bit Next cursor covering every group exactly once", async () => {
    const seen: string[] = [];
    let next: unknown = 0;
    for (let page = 0; page < 10; page++) {
      const res = await list({ Limit: 5, Next: next });
      expect(res.TotalCount).toBe(23);
      seen.push(...(res.GroupIdList as { GroupId: string }[]).map((g) => g.GroupId));
      next = res.Next;
      if (next === 0n) break;
      // The cursor is beyond 2^53: only a 64-bit-safe parse keeps it (the helper parses it as a bigint).
      expect(typeof next).toBe("bigint");
      expect(next as bigint).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    }
    expect(seen).toEqual(created);
  });

  it("writes Next as a raw JSON integer and reads it back without losing digits", async () => {
    const text = await server.restText("group_open_http_svc/get_appid_group_list", '{"Limit":2}');
    const match = /"Next":(\d+)[,}]/.exec(text);
    expect(match).not.toBeNull();
    const cursor = BigInt(match![1]);
    expect(cursor).toBeGreaterThan(GROUP_CURSOR_OFFSET);
    // A JS number would round this cursor: prove the raw digits are what the server accepts.
    expect(Number(match![1]).toString()).not.toBe(match![1]);
    const second = await server.restText("group_open_http_svc/get_appid_group_list", `{"Limit":2,"Next":${match![1]}}`);
    expect(second).toContain(`"GroupId":"${created[2]}"`);
  });

  it("refuses a cursor it never handed out, and bad limits", async () => {
    expect(await list({ Next: 12345 })).toMatchObject({ ErrorCode: 10004 });
    expect(await list({ Next: -1 })).toMatchObject({ ErrorCode: 10004 });
    expect(await list({ Limit: 0 })).toMatchObject({ ErrorCode: 10004 });
    expect(await list({ Limit: 10001 })).toMatchObject({ ErrorCode: 10004 });
    expect(await list({ GroupType: "Work" })).toMatchObject({ ErrorCode: 10004 });
  });

  it.each(TYPES)("filters by GroupType %s with a filtered TotalCount", async (type) => {
    const res = await list({ GroupType: type, Limit: 2 });
    const expected = created.filter((_, i) => TYPES[i % 5] === type);
    expect(res.TotalCount).toBe(expected.length);
    expect((res.GroupIdList as { GroupId: string }[]).map((g) => g.GroupId)).toEqual(expected.slice(0, 2));
  });

  it("answers get_group_info per ID in request order, unknown IDs with a per-item 10010", async () => {
    const res = await server.rest("group_open_http_svc/get_group_info", { GroupIdList: [created[1], "missing", created[0]] });
    expect(res).toMatchObject({ ActionStatus: "OK", ErrorCode: 0 });
    const items = res.GroupInfo as Record<string, unknown>[];
    expect(items.map((i) => [i.GroupId, i.ErrorCode])).toEqual([
      [created[1], 0],
      ["missing", 10010],
      [created[0], 0],
    ]);
    expect(items[0]).toMatchObject({
      Type: "Public",
      MemberNum: 2,
      MaxMemberNum: 6000,
      ApplyJoinOption: "NeedPermission",
      MuteAllMember: "Off",
    });
    expect(items[0].MemberList).toHaveLength(2);
  });

  it("leaves the member list out for AVChatRoom", async () => {
    const item = (
      (await server.rest("group_open_http_svc/get_group_info", { GroupIdList: [created[3]] })).GroupInfo as Record<string, unknown>[]
    )[0];
    expect(item).toMatchObject({ Type: "AVChatRoom", MemberNum: 1 });
    expect(item).not.toHaveProperty("MemberList");
  });

  it("honours ResponseFilter", async () => {
    const res = await server.rest("group_open_http_svc/get_group_info", {
      GroupIdList: [created[1]],
      ResponseFilter: { GroupBaseInfoFilter: ["Name", "MemberNum"], MemberInfoFilter: ["Role"] },
    });
    const item = (res.GroupInfo as Record<string, unknown>[])[0];
    expect(Object.keys(item).sort()).toEqual(["ErrorCode", "ErrorInfo", "GroupId", "MemberList", "MemberNum", "Name"]);
    expect(item.MemberList).toEqual([
      { Member_Account: "u_owner", Role: "Owner" },
      { Member_Account: "u_a", Role: "Member" },
    ]);
    const baseOnly = await server.rest("group_open_http_svc/get_group_info", {
      GroupIdList: [created[1]],
      ResponseFilter: { GroupBaseInfoFilter: ["Type"] },
    });
    expect((baseOnly.GroupInfo as Record<string, unknown>[])[0]).toEqual({
      GroupId: created[1],
      ErrorCode: 0,
      ErrorInfo: "",
      Type: "Public",
    });
    // Without a member list the members are counted, not read: the count is the same.
    const countOnly = await server.rest("group_open_http_svc/get_group_info", {
      GroupIdList: [created[1]],
      ResponseFilter: { GroupBaseInfoFilter: ["MemberNum"] },
    });
    expect((countOnly.GroupInfo as Record<string, unknown>[])[0]).toEqual({
      GroupId: created[1],
      ErrorCode: 0,
      ErrorInfo: "",
      MemberNum: 2,
    });
  });

  it("refuses more than 50 IDs, an empty list and non-strings with 10004", async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `g${i}`);
    for (const GroupIdList of [ids, [], [1], undefined]) {
      expect(await server.rest("group_open_http_svc/get_group_info", { GroupIdList })).toMatchObject({
        ActionStatus: "FAIL",
        ErrorCode: 10004,
      });
    }
    const fifty = await server.rest("group_open_http_svc/get_group_info", { GroupIdList: ids.slice(0, 50) });
    expect(fifty.GroupInfo).toHaveLength(50);
  });
});
