import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGroup, importAccounts, startServer, type TestServer } from "./helpers";

// A console that crashed between asking and hearing back looks an application up by its ID.
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await importAccounts(server, "owner_a", "asker_1", "asker_2");
});
afterAll(() => server.close());

describe("get_group_application_list with ApplicationIdList", () => {
  it("answers just the named applications, whatever their status", async () => {
    const groupId = await createGroup(server, { Type: "Public", Name: "by id", Owner_Account: "owner_a" });
    const a1 = await (await server.client("asker_1")).joinGroup(groupId, "one");
    const a2 = await (await server.client("asker_2")).joinGroup(groupId, "two");
    await server.rest("group_open_http_svc/handle_group_application", { ApplicationId: a1.applicationID, Decision: "Reject" });
    const one = await server.rest("group_open_http_svc/get_group_application_list", { ApplicationIdList: [a1.applicationID] });
    expect(one.ApplicationList).toEqual([expect.objectContaining({ ApplicationId: a1.applicationID, Status: "Refused" })]);
    const both = await server.rest("group_open_http_svc/get_group_application_list", {
      ApplicationIdList: [a1.applicationID, a2.applicationID],
    });
    expect(both.TotalCount).toBe(2);
  });

  it("refuses a list that is not application IDs (10004) or longer than 100", async () => {
    expect((await server.rest("group_open_http_svc/get_group_application_list", { ApplicationIdList: "17" })).ErrorCode).toBe(10004);
    expect((await server.rest("group_open_http_svc/get_group_application_list", { ApplicationIdList: ["x"] })).ErrorCode).toBe(10004);
    const many = Array.from({ length: 101 }, (_, i) => String(i + 1));
    expect((await server.rest("group_open_http_svc/get_group_application_list", { ApplicationIdList: many })).ErrorCode).toBe(10004);
  });
});
