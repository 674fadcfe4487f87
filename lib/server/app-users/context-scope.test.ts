import { expect, it } from "vitest";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { daysAgo, seedApplication } from "@/lib/server/testing/rules";
import { appUserContext } from "./context";

// A moderator scoped to the hiking group looks up Chen (docs/scopes.md § Applicant context): Chen's applications
// and groups elsewhere are not theirs to see; Chen's profile and notes are Chen's, and shown as to anyone.

const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };
const chensGroups = [
  { id: "hiking", name: "Hiking", type: "Public", role: "Member" },
  { id: "chess", name: "Chess", type: "Public", role: "Admin" },
  { id: "books", name: "Books", type: "Work", role: "Member" },
];

describeEachStore("a scoped moderator's view of an applicant", (kind) => {
  let db!: TestStore;
  const asked: number[] = [];
  freshStoreEachTest(kind, (store) => {
    db = store;
    asked.length = 0;
    holder.__groupConsole = {
      db: store,
      im: {
        capabilities: async () => ({ applications: false }),
        importedAccounts: async (ids: string[]) => new Set(ids),
        bansUnavailable: () => false,
        bannedMembers: async () => [],
        getProfiles: async () => new Map([["chen", { nickname: "Chen 陈", faceUrl: "" }]]),
        joinedGroups: async (_: string, limit: number) => {
          asked.push(limit);
          return { total: chensGroups.length, items: chensGroups.slice(0, limit) };
        },
      },
    };
  });

  it("counts and lists Chen's applications and groups within the scope alone", async () => {
    await seedApplication(db, { groupId: "hiking", requesterId: "chen", status: "pending", createdAt: daysAgo(0) });
    await seedApplication(db, { groupId: "chess", requesterId: "chen", status: "refused", createdAt: daysAgo(1) });
    await seedApplication(db, { groupId: "books", requesterId: "chen", status: "approved", createdAt: daysAgo(2) });

    const everything = await appUserContext({ userId: "chen" }, null);
    expect(everything.applications).toMatchObject({ total: 3, pending: 1, approved: 1, refused: 1 });
    expect(everything.groups.total).toBe(3);

    const scoped = await appUserContext({ userId: "chen" }, { scope: { groupIds: ["hiking"] } });
    expect(scoped.user).toMatchObject({ id: "chen", nickname: "Chen 陈", exists: true });
    expect(scoped.applications).toMatchObject({ total: 1, pending: 1, approved: 0, refused: 0 });
    expect(scoped.applications.recent.map((a) => a.groupId)).toEqual(["hiking"]);
    expect(scoped.groups).toEqual({ total: 1, items: [chensGroups[0]] });
    // Their groups are looked for among many of Chen's, not only the first twenty.
    expect(asked).toEqual([20, 1000]);
  });
});
