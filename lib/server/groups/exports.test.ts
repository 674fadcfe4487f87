import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as groupsCsv } from "@/app/api/groups.csv/route";
import { GET as membersCsv } from "@/app/api/groups/[id]/members.csv/route";
import { GET as membersList } from "@/app/api/groups/[id]/members/route";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { SessionUser } from "@/lib/schemas/user";
import { plainMembers, seedMembers } from "@/lib/server/testing/members";
import { group, seedGroups } from "@/lib/server/testing/rules";
import type { TestStore } from "@/lib/server/store/test-stores";
import { strictConsoleForThisFile } from "@/lib/server/testing/strict-console";
import { forgetMemberCaches } from "./member-cache";

// The members list and the two CSV downloads at their edge, as a viewer calls them: what a malformed request gets
// (the error contract, nothing streamed), what the files hold (BOM, RFC 4180, formulas defused), and that a big
// export arrives a batch at a time rather than after the whole list was read.

const viewer: SessionUser = { id: "3", email: "vi@console.test", name: "Vi", role: "viewer" };
let me: SessionUser = viewer;
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));

let im: TestServer;
let gateway: ImGateway;
let db: TestStore;
strictConsoleForThisFile((c) => void ({ im, gateway, db } = c));
afterEach(() => {
  me = viewer;
  forgetMemberCaches();
  vi.restoreAllMocks();
});

const BOM = "\uFEFF";
let seq = 0;
async function newGroup(type: "Public" | "Community" | "AVChatRoom" = "Public"): Promise<string> {
  const owner = `csv_owner_${++seq}`;
  await im.rest("im_open_login_svc/account_import", { UserID: owner, Nick: "Owner" });
  return gateway.createGroup({ type, name: `Export ${seq}`, ownerId: owner });
}
const call = (handler: typeof membersList, path: string, id?: string) =>
  handler(new NextRequest(`http://console.test${path}`), { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
const membersOf = (id: string, qs = "") => call(membersList, `/api/groups/${encodeURIComponent(id)}/members${qs}`, id);
const csvOf = (id: string, qs = "") => call(membersCsv, `/api/groups/${encodeURIComponent(id)}/members.csv${qs}`, id);
const lines = (text: string) => text.split("\r\n").slice(0, -1);

describe("bad requests are refused in the error contract", () => {
  it.each([
    ["a search over 100 characters", `?q=${"x".repeat(101)}`, 422, "validation"],
    ["an unknown role", "?role=Boss", 422, "validation"],
    ["muted that is not a boolean", "?muted=yes", 422, "validation"],
    ["a parameter the list does not have", "?sort=name", 422, "validation"],
    ["a limit over 100", "?limit=101", 422, "validation"],
    ["a cursor that is not one", "?cursor=%7B%7D", 400, "bad_request"],
    ["a cursor of another search", "?q=a&cursor=eyJ2IjoxMCwiZiI6IltcImJcIixcIlwiLFwiXCJdIn0", 400, "bad_request"],
  ])("the members list: %s is refused", async (_, qs, status, code) => {
    const res = await membersOf(await newGroup(), qs);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatchObject({ code, message: expect.any(String) });
  });

  it.each([
    ["an unknown role", "?role=owner"],
    ["muted that is not a boolean", "?muted=1"],
    ["a cursor (an export has no pages)", "?cursor=abc"],
  ])("the members CSV: %s → 422, and no file", async (_, qs) => {
    const res = await csvOf(await newGroup(), qs);
    expect([res.status, res.headers.get("content-type")]).toEqual([422, "application/json"]);
  });

  it("the members CSV of an AVChatRoom is 422 noMemberList, of an unknown group 404", async () => {
    const av = await csvOf(await newGroup("AVChatRoom"));
    expect(av.status).toBe(422);
    expect((await av.json()).error.details.reason.key).toBe("noMemberList");
    expect((await csvOf("@TGS#nowhere")).status).toBe(404);
  });

  it.each([["?cursor=abc"], ["?limit=10"], ["?type=Secret"], ["?sort=-age"], [`?q=${"q".repeat(101)}`]])(
    "the groups CSV with %s → 422",
    async (qs) => {
      const res = await call(groupsCsv, `/api/groups.csv${qs}`);
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe("validation");
    },
  );
});

describe("what the files hold", () => {
  it("the members CSV: BOM, header, one CRLF record per member, formulas, quotes and line breaks made safe", async () => {
    const groupId = await newGroup();
    seedMembers(im.store, groupId, [
      { userId: "f_eq", nickname: '=HYPERLINK("http://evil","x")' },
      { userId: "f_plus", nickname: "+81 3 1234" },
      { userId: "f_minus", nickname: "-2+3" },
      { userId: "f_at", nickname: "@SUM(A1)" },
      { userId: "f_tab", nickname: "\tcell" },
      { userId: "quotes", nickname: 'Say "hi", friend' },
      { userId: "lines", nickname: "two\nlines", muteUntil: 4294967295 },
      { userId: "cjk", nickname: "読書会の田中", role: "Admin" },
    ]);
    const res = await csvOf(groupId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="members-_TGS_[A-Za-z0-9_-]+-\d{4}-\d\d-\d\d\.csv"$/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith(`${BOM}userId,nickname,role,joinedAt,mutedUntil\r\n`)).toBe(true);
    const rows = lines(text.slice(BOM.length)).slice(2); // the header, then the owner
    // userId and nickname as written, then role, joinedAt and mutedUntil.
    expect(rows.map((r) => r.replace(/,(Member|Admin),\d{4}-[^,]*Z,[^,]*$/, ""))).toEqual([
      `f_eq,"'=HYPERLINK(""http://evil"",""x"")"`,
      "f_plus,'+81 3 1234",
      "f_minus,'-2+3",
      "f_at,'@SUM(A1)",
      "f_tab,'\tcell",
      'quotes,"Say ""hi"", friend"',
      'lines,"two\nlines"',
      "cjk,読書会の田中",
    ]);
    expect(rows[6].endsWith(",forever")).toBe(true);
    expect(rows[7]).toMatch(/^cjk,読書会の田中,Admin,\d{4}-\d\d-\d\dT[^,]+Z,$/);
  });

  it("the members CSV takes the list's filters", async () => {
    const groupId = await newGroup();
    seedMembers(im.store, groupId, [
      { userId: "m_1", nickname: "Aiko", muteUntil: 4294967295 },
      { userId: "m_2", nickname: "aiko two" },
      { userId: "m_3" },
    ]);
    const text = await (await csvOf(groupId, "?q=AIKO&muted=false")).text();
    expect(
      lines(text)
        .slice(1)
        .map((r) => r.split(",")[0]),
    ).toEqual(["m_2"]);
  });

  it("the groups CSV holds the list's matches in its order, cells made safe", async () => {
    await seedGroups(db, [
      { ...group("@TGS#csv1", "Public", "=cmd|' /C calc'!A0"), createdAt: "2026-01-03T00:00:00.000Z" },
      { ...group("@TGS#csv2", "Public", 'The "Quoted", group'), createdAt: "2026-01-02T00:00:00.000Z", introduction: "line one\nline two" },
      { ...group("@TGS#csv3", "Work", "Not public"), createdAt: "2026-01-01T00:00:00.000Z" },
    ]);
    const res = await call(groupsCsv, "/api/groups.csv?type=Public&q=%40TGS%23csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="groups-\d{4}-\d\d-\d\d\.csv"$/);
    const text = await res.text();
    expect(lines(text)).toEqual([
      "id,name,type,joinOption,memberCount,maxMembers,owner,pending,createdAt,muteAll,introduction",
      // Generated IDs start with @, which spreadsheets read as a formula too: defused like any other cell.
      "'@TGS#csv1,'=cmd|' /C calc'!A0,Public,NeedPermission,1,2000,owner,0,2026-01-03T00:00:00.000Z,false,",
      `'@TGS#csv2,"The ""Quoted"", group",Public,NeedPermission,1,2000,owner,0,2026-01-02T00:00:00.000Z,false,"line one\nline two"`,
    ]);
  });
});

describe("exports stream", () => {
  it("the first bytes of an export of 2,500 groups come before the rest is read, a batch at a time; a stop stops the reads", async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...group(`@TGS#stream${String(i).padStart(5, "0")}`), name: `Stream ${i}` }));
    await seedGroups(db, many);
    const logged = vi.spyOn(console, "log").mockImplementation(() => {});
    const res = await call(groupsCsv, "/api/groups.csv?q=stream");
    const reader = res.body!.getReader();
    const decode = (c: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(c);
    const first = await reader.read();
    expect(decode(first.value!)).toBe(
      `${BOM}id,name,type,joinOption,memberCount,maxMembers,owner,pending,createdAt,muteAll,introduction\r\n`,
    );
    const second = await reader.read();
    expect([second.done, lines(decode(second.value!)).length]).toEqual([false, 1000]);
    await reader.cancel();
    const end = logged.mock.calls.map(([line]) => JSON.parse(String(line))).find((l) => l.msg === "export");
    // What was sent, and at most one batch read ahead: never the whole list.
    expect(end).toMatchObject({ export: "groups.csv", outcome: "cancelled", userId: "3" });
    expect(end.rows).toBeLessThanOrEqual(2000);
  });

  it("a members export of 6,000 arrives 1,000 at a time, and logs its end with its rows", async () => {
    const groupId = await newGroup();
    seedMembers(im.store, groupId, plainMembers("stream", 5999));
    const logged = vi.spyOn(console, "log").mockImplementation(() => {});
    const reader = (await csvOf(groupId)).body!.getReader();
    const sizes: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read())
      sizes.push(new TextDecoder().decode(r.value).split("\r\n").length - 1);
    expect(sizes).toEqual([1, 1000, 1000, 1000, 1000, 1000, 1000]);
    const end = logged.mock.calls.map(([line]) => JSON.parse(String(line))).find((l) => l.msg === "export");
    expect(end).toMatchObject({ export: "members.csv", groupId, rows: 6000, outcome: "done" });
  });
});

describe("exports hold what the list would show this user", () => {
  it("a scoped viewer's groups CSV holds their groups alone; another group's members CSV is the unknown group's 404", async () => {
    await seedGroups(db, [group("@TGS#scope_mine1"), group("@TGS#scope_mine2"), group("@TGS#scope_theirs")]);
    const theirs = await newGroup();
    me = { ...viewer, scope: { groupIds: ["@TGS#scope_mine1", "@TGS#scope_mine2"] } };
    const text = await (await call(groupsCsv, "/api/groups.csv?q=%40TGS%23scope")).text();
    expect(
      lines(text)
        .slice(1)
        .map((r) => r.split(",")[0])
        .sort(),
    ).toEqual(["'@TGS#scope_mine1", "'@TGS#scope_mine2"]);
    const refused = await csvOf(theirs);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe("not_found");
  });

  it("a Community's members CSV follows the IM server's cursor to its last member", async () => {
    const groupId = await newGroup("Community");
    seedMembers(im.store, groupId, plainMembers("community_csv", 2500));
    const rows = lines(await (await csvOf(groupId)).text()).slice(1);
    expect(rows).toHaveLength(2501);
    expect(rows[rows.length - 1]).toMatch(/^community_csv_2500,Member 2500,Member,/);
  });
});
