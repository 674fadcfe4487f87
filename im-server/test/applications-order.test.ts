import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGroup, importAccounts, startServer, type TestServer } from "./helpers";

// The Order extension field of get_group_application_list: both orders page by keyset, ties on ApplyTime
// (applications arriving within one second) go by ApplicationId, and a cursor belongs to its order.
let server: TestServer;
let groupId: string;
const ids: string[] = [];
const list = (body: Record<string, unknown>) =>
  server.rest("group_open_http_svc/get_group_application_list", { GroupId: groupId, ...body });

beforeAll(async () => {
  server = await startServer();
  const users = ["u_1", "u_2", "u_3", "u_4", "u_5"];
  await importAccounts(server, "owner_o", ...users);
  groupId = await createGroup(server, { Type: "Public", Name: "order", Owner_Account: "owner_o" });
  // Three of five share one second, so a page of two ends inside the tie in either order.
  const times = [1_700_000_100, 1_700_000_200, 1_700_000_200, 1_700_000_200, 1_700_000_300];
  users.forEach((u, i) => {
    const id = server.store.applications.insert({
      groupId,
      requester: u,
      message: u,
      status: "pending",
      createdAt: times[i],
      handledBy: null,
      handledAt: null,
      reason: null,
    });
    ids.push(String(id));
  });
});
afterAll(() => server.close());

async function allPages(body: Record<string, unknown>): Promise<string[]> {
  const seen: string[] = [];
  let next = "";
  do {
    const page = await list({ ...body, Limit: 2, Next: next });
    expect(page).toMatchObject({ ErrorCode: 0, TotalCount: 5 });
    seen.push(...(page.ApplicationList as { ApplicationId: string }[]).map((a) => a.ApplicationId));
    next = page.Next as string;
  } while (next);
  return seen;
}

describe("get_group_application_list Order", () => {
  it("is newest first by default and with Newest, ties by ID, across pages", async () => {
    const newest = [...ids].reverse();
    expect(await allPages({})).toEqual(newest);
    expect(await allPages({ Order: "Newest" })).toEqual(newest);
  });

  it("is oldest first with Oldest, ties by ID, across pages", async () => {
    expect(await allPages({ Order: "Oldest" })).toEqual(ids);
  });

  it("refuses a cursor made for the other order, and an unknown order (10004)", async () => {
    const newestNext = (await list({ Limit: 2 })).Next as string;
    const oldestNext = (await list({ Limit: 2, Order: "Oldest" })).Next as string;
    expect(newestNext).not.toBe("");
    expect(oldestNext).not.toBe("");
    expect(await list({ Limit: 2, Order: "Oldest", Next: newestNext })).toMatchObject({ ErrorCode: 10004 });
    expect(await list({ Limit: 2, Next: oldestNext })).toMatchObject({ ErrorCode: 10004 });
    expect(await list({ Order: "oldest" })).toMatchObject({ ErrorCode: 10004 });
  });
});
