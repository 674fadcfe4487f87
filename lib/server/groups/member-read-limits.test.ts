import { afterEach, describe, expect, it, vi } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import { listMembersQuerySchema } from "@/lib/schemas/member";
import type { SessionUser } from "@/lib/schemas/user";
import { ApiError } from "@/lib/server/platform/api-error";
import { requestContext } from "@/lib/server/platform/request-context";
import { plainMembers, seedMembers } from "@/lib/server/testing/members";
import { strictConsoleForThisFile } from "@/lib/server/testing/strict-console";
import { exportMembersCsv } from "./exports";
import { forgetMemberCaches } from "./member-cache";
import { listMembers } from "./member-list";
import { forgetMemberReads, memberReadSlots, MEMBER_READS_PER_USER } from "./member-read-limits";

// What one console user may make the IM server do at once for member lists (docs/members.md § Limits): searches of
// the same group share one roster read; a user's third whole-roster read or export while two run is a 429.

let im: TestServer;
let gateway: ImGateway;
strictConsoleForThisFile((c) => void ({ im, gateway } = c));
afterEach(() => {
  forgetMemberCaches();
  forgetMemberReads();
  vi.restoreAllMocks();
});

let seq = 0;
async function groupOf(n: number): Promise<string> {
  const owner = `limits_owner_${++seq}`;
  await im.rest("im_open_login_svc/account_import", { UserID: owner, Nick: "The Owner" });
  const id = await gateway.createGroup({ type: "Public", name: `Limits ${seq}`, ownerId: owner });
  seedMembers(im.store, id, plainMembers("reader", n));
  return id;
}
/** As a request of this console user would run it. */
const asUser = <T>(userId: string, work: () => Promise<T>) => requestContext.run({ requestId: `r-${userId}`, userId, im: [] }, work);
const search = (groupId: string, q: string) => listMembers(groupId, listMembersQuerySchema.parse({ q }));
const actor = (id: string) => ({ user: { id } as SessionUser, requestId: `r-${id}`, ip: "127.0.0.1" });

describe("limits on member reads", () => {
  it("two searches of the same group at once share one roster read, and each gets its own matches", async () => {
    const groupId = await groupOf(30);
    const rosterReads = vi.spyOn(gateway, "listMembers");
    const [a, b] = await Promise.all([asUser("1", () => search(groupId, "reader")), asUser("2", () => search(groupId, "owner"))]);
    expect(rosterReads).toHaveBeenCalledTimes(1);
    expect(a.total).toBe(30);
    expect(b.total).toBe(1);
    expect(memberReadSlots().openCount()).toBe(0);
  });

  it("a user's third heavy read while two run is refused with rate_limited; another user is not held back", async () => {
    const groups = await Promise.all([groupOf(5), groupOf(5), groupOf(5)]);
    expect(MEMBER_READS_PER_USER).toBe(2);
    // Two exports of this user hold their slots until their downloads end.
    const first = await asUser("7", () => exportMembersCsv(groups[0], { q: undefined }, actor("7")));
    const second = await asUser("7", () => exportMembersCsv(groups[1], { q: undefined }, actor("7")));
    expect(memberReadSlots().openCount("7")).toBe(2);
    const third = asUser("7", () => search(groups[2], "reader"));
    await expect(third).rejects.toBeInstanceOf(ApiError);
    await expect(third).rejects.toMatchObject({ code: "rate_limited" });
    // Someone else searches as usual.
    expect((await asUser("8", () => search(groups[2], "reader"))).total).toBe(5);
    // One download read to its end, the other dropped by its client: both give their slots back.
    await first.text();
    await second.body!.cancel();
    expect(memberReadSlots().openCount("7")).toBe(0);
    expect((await asUser("7", () => search(groups[2], "owner"))).total).toBe(1);
  });
});
