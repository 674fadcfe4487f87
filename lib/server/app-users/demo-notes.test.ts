import { expect, it } from "vitest";
import { decide } from "@/lib/server/applications/inbox/repo";
import { pendingInInbox } from "@/lib/server/testing/applications";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { leaveDemoNotes } from "./demo-notes";
import { notesOf } from "./notes";

// A fresh demo shows a note on someone refused before and waiting again — once, and never on a store where
// moderators have written notes of their own.

const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };

describeEachStore("the demo's notes", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: {} };
  });
  const apply = (groupId: string, requesterId: string) => pendingInInbox(db, groupId, requesterId);

  it("notes each applicant refused before who waits again, from the admin, audited, once", async () => {
    await db.run("INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('admin@localhost', 'Admin', 'admin', 'x', ?)", [
      new Date().toISOString(),
    ]);
    const earlier = String(await apply("g1", "repeat_user"));
    await decide(db, earlier, { status: "refused", by: "owner", at: new Date().toISOString() });
    await apply("g2", "repeat_user");
    await apply("g2", "first_timer");

    expect(await leaveDemoNotes(db, "admin@localhost")).toBe(1);
    expect(await notesOf(db, "repeat_user")).toEqual([expect.objectContaining({ author: "admin@localhost" })]);
    expect(await notesOf(db, "first_timer")).toEqual([]);
    expect(await db.get("SELECT actor_email FROM audit WHERE action = 'note.create'")).toEqual({ actor_email: "admin@localhost" });
    expect(await leaveDemoNotes(db, "admin@localhost")).toBe(0);
  });
});
