import { describe, expect, it } from "vitest";
import type { Group } from "@/lib/schemas/group";
import { countMembersUp, getDirectoryGroup, upsertGroups } from "@/lib/server/directory";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { directoryGroup } from "@/lib/server/testing/groups";

// The count an approval's echo adds (own-echoes.ts), on each store: only onto a copy read before the decision.
const group = (memberCount: number): Group =>
  directoryGroup({ id: "g1", memberCount, maxMemberCount: 200, createdAt: "2026-01-01T00:00:00.000Z" });

describeEachStore("counting the console's own newcomers up", (kind) => {
  let db: TestStore;
  freshStoreEachTest(kind, (s) => (db = s));

  describe("a copy written before the decision went out", () => {
    it("counts them up", async () => {
      await upsertGroups(db, [group(5)], 1);
      expect(await countMembersUp(db, "g1", 2, new Date(Date.now() + 1000).toISOString())).toBe(true);
      expect((await getDirectoryGroup(db, "g1"))?.memberCount).toBe(7);
    });
  });

  describe("a copy written since, or no copy at all", () => {
    it("is left alone, and the caller is told to re-read", async () => {
      await upsertGroups(db, [group(5)], 1);
      expect(await countMembersUp(db, "g1", 1, new Date(Date.now() - 60_000).toISOString())).toBe(false);
      expect(await countMembersUp(db, "unknown", 1, new Date(Date.now() + 1000).toISOString())).toBe(false);
      expect((await getDirectoryGroup(db, "g1"))?.memberCount).toBe(5);
    });
  });
});
