import { describe, expect, it } from "vitest";
import type { Application } from "@/lib/schemas/application";
import type { Group } from "@/lib/schemas/group";
import { directoryGroup } from "@/lib/server/testing/groups";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { withGroupFill } from "./fill";
import { upsertGroups } from "./repo";

const group = (id: string, memberCount: number, maxMemberCount: number): Group => directoryGroup({ id, memberCount, maxMemberCount });
const application = (id: string, groupId: string): Application => ({
  id,
  groupId,
  groupName: groupId,
  requesterId: `u${id}`,
  requesterNickname: "",
  requesterFaceUrl: "",
  message: "",
  status: "pending",
  createdAt: "2026-01-01T00:00:00.000Z",
});

describeEachStore("an application's group fill", (kind) => {
  let db: TestStore;
  freshStoreEachTest(kind, (s) => (db = s));
  describe("the inbox sees how full each group is before approving into it", () => {
    it("adds members and limit from the directory, and nothing for a group it has not seen", async () => {
      await upsertGroups(db, [group("full", 20, 20), group("roomy", 3, 200)], 1);
      const items = await withGroupFill(db, [
        application("1", "full"),
        application("2", "roomy"),
        application("3", "full"),
        application("4", "unseen"),
      ]);
      expect(items.map((a) => a.groupFill)).toEqual([
        { members: 20, max: 20 },
        { members: 3, max: 200 },
        { members: 20, max: 20 },
        undefined,
      ]);
    });

    it("asks nothing for an empty page", async () => {
      expect(await withGroupFill(db, [])).toEqual([]);
    });
  });
});
