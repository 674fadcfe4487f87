import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createImGateway } from "@/lib/im/gateway";
import { fail, ok, startStubImServer, type StubImServer } from "@/lib/im/testing/stub-im-server";
import { openSqliteTestStore, type TestStore } from "@/lib/server/store/test-stores";
import { refreshPendingCounts } from "@/lib/server/applications/pending-counts";
import { crawlDirectory, crawlStatus } from "./crawl";
import { readState } from "./repo";

// The crawl against an IM server that answers like Tencent (no applications extension), every answer
// scripted: what it asks, how fast, and where it picks up after being cut short.
let stub: StubImServer;
let db: TestStore;
const gateway = () =>
  createImGateway({
    baseUrl: stub.url,
    sdkAppId: 1400000000,
    secretKey: "stub-secret-0123456789",
    adminId: "administrator",
    timeoutMs: 2000,
  });

const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `g${from + i}`);
const idPage = (list: string[], next: number, total: number) =>
  ok({ TotalCount: total, GroupIdList: list.map((GroupId) => ({ GroupId })), Next: next });
const infos = (list: string[]) =>
  ok({
    GroupInfo: list.map((GroupId) => ({
      GroupId,
      ErrorCode: 0,
      Type: "Public",
      Name: GroupId,
      MemberNum: 1,
      MaxMemberNum: 100,
      ApplyJoinOption: "NeedPermission",
      CreateTime: 1700000000,
    })),
  });
const listed = async () => (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM directory_groups"))?.n;
/** The cursors the crawl sent, in order (a 64-bit integer on the wire). */
const cursorsSent = () => stub.callsTo("get_appid_group_list").map((c) => String((c.body as { Next?: unknown }).Next));

beforeAll(async () => {
  stub = await startStubImServer();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => {
  stub.reset();
  stub.script("get_group_application_list", fail(10003, "invalid command"));
  db = openSqliteTestStore();
});
afterEach(async () => {
  await db.close();
});

describe("the directory crawl at Tencent's pace", () => {
  it("lists at most once a second, reads profiles 50 at a time, and never asks for applications beyond one probe", async () => {
    const [a, b] = [ids(0, 70), ids(70, 30)];
    stub.script("get_appid_group_list", idPage(a, 7, 100), idPage(b, 0, 100));
    stub.script("get_group_info", infos(a.slice(0, 50)), infos(a.slice(50)), infos(b));
    const started = Date.now();
    const im = gateway();
    await crawlDirectory(db, im, () => refreshPendingCounts(db, im));
    expect(await listed()).toBe(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(cursorsSent()).toEqual(["0", "7"]);
    const batches = stub.callsTo("get_group_info").map((c) => (c.body as { GroupIdList: string[] }).GroupIdList.length);
    expect(batches).toEqual([50, 20, 30]);
    expect(stub.callsTo("get_group_application_list")).toHaveLength(1);
    expect(stub.unexpected).toEqual([]);
    expect(await readState(db, "crawl.lastFullAt")).not.toBeNull();
  });

  it("a crawl cut short resumes from its saved cursor", async () => {
    stub.script("get_appid_group_list", idPage(ids(0, 3), 5, 6), fail(10004, "scripted failure"));
    stub.script("get_group_info", infos(ids(0, 3)));
    const im = gateway();
    await expect(crawlDirectory(db, im)).rejects.toMatchObject({ code: 10004 });
    expect(await readState(db, "crawl.next")).toBe("5");
    expect(await listed()).toBe(3);

    stub.reset();
    stub.script("get_group_application_list", fail(10003, "invalid command"));
    stub.script("get_appid_group_list", idPage(ids(3, 3), 0, 6));
    stub.script("get_group_info", infos(ids(3, 3)));
    await crawlDirectory(db, im);
    expect(cursorsSent()).toEqual(["5"]);
    expect(await listed()).toBe(6);
    expect(await readState(db, "crawl.next")).toBeNull();
    // The groups page reads one crawl: the 3 groups seen before the cut count, and it says it resumed.
    expect(await crawlStatus(db)).toMatchObject({ seen: 6, total: 6, resumed: true });
  });

  it("a saved cursor the IM server refuses is dropped, so the next crawl starts over", async () => {
    stub.script("get_appid_group_list", idPage(ids(0, 2), 9, 4), fail(10004, "scripted failure"));
    stub.script("get_group_info", infos(ids(0, 2)));
    const im = gateway();
    await expect(crawlDirectory(db, im)).rejects.toBeDefined();
    expect(await readState(db, "crawl.next")).toBe("9");
    // Resuming from 9 is refused: the cursor goes.
    await expect(crawlDirectory(db, im)).rejects.toMatchObject({ code: 10004 });
    expect(await readState(db, "crawl.next")).toBeNull();
  });
});
