import { expect, it } from "vitest";
import type { Application as ImApplication } from "@/lib/im/applications";
import { applicationFiltersSchema } from "@/lib/schemas/application";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { recordApplication, decide, closeGroupApplications } from "../inbox/repo";
import { countSelection, type Selection } from "./filters";
import { listModel } from "./list";
import { mirrorApplications } from "./mirror";
import { refoldSearchText } from "./refold";
import { toApplication } from "./rows";

// The queue's promises, told over the applications model itself (both stores): what a moderator's search and
// filters select, what the row badges say, and how local mode's copy follows the IM server.

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const select = (s: Partial<Selection>): Selection => ({ status: "pending", ...s });

describeEachStore("the applications model", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  const apply = async (a: { groupId?: string; type?: string; requesterId: string; nickname?: string; message?: string; ago?: number }) =>
    String(
      await recordApplication(db, {
        groupId: a.groupId ?? "g1",
        groupType: a.type ?? "Public",
        requesterId: a.requesterId,
        nickname: a.nickname ?? "",
        faceUrl: "",
        message: a.message ?? "",
        at: minutesAgo(a.ago ?? 1),
      }),
    );
  const ids = async (s: Partial<Selection>) =>
    (await listModel(db, { ...select(s), sort: "newest", limit: 100 })).rows.map((r) => r.requester_id).sort();

  it("finds a requester by any part of their ID, nickname or message, in any case or width, Japanese and Chinese too", async () => {
    await apply({ requesterId: "aiko_tanaka", nickname: "Aiko 田中", message: "ハイキングの会に参加したいです" });
    await apply({ requesterId: "chen_wei", nickname: "陈伟", message: "我想加入读书会" });
    await apply({ requesterId: "spam_bot_7", message: "Cheap followers at ｈｔｔｐｓ://spam.example" });
    expect(await ids({ q: "TANAKA" })).toEqual(["aiko_tanaka"]);
    expect(await ids({ q: "ａｉｋｏ" })).toEqual(["aiko_tanaka"]);
    expect(await ids({ q: "参加" })).toEqual(["aiko_tanaka"]);
    expect(await ids({ q: "陈" })).toEqual(["chen_wei"]);
    expect(await ids({ q: "读书" })).toEqual(["chen_wei"]);
    expect(await ids({ q: "https://spam" })).toEqual(["spam_bot_7"]);
    // Nothing in a query is a wildcard.
    expect(await ids({ q: "%" })).toEqual([]);
    expect(await ids({ q: "_" })).toEqual(["aiko_tanaka", "chen_wei", "spam_bot_7"]);
  });

  it("applications kept before search existed are found in any case and width once their text is folded, once", async () => {
    await apply({ requesterId: "old_timer", message: "ＨＩＫＩＮＧ" });
    await db.run(
      "UPDATE inbox_applications SET search_text = lower(requester_id || char(10) || char(10) || message)".replace(
        /char/g,
        kind === "postgres" ? "chr" : "char",
      ),
    );
    expect(await ids({ q: "hiking" })).toEqual([]);
    expect(await refoldSearchText(db)).toBe(1);
    expect(await ids({ q: "hiking" })).toEqual(["old_timer"]);
    expect(await refoldSearchText(db)).toBe(0);
  });

  it("filters by group, group type, requester and time waited, and counts what it lists", async () => {
    await apply({ groupId: "g1", requesterId: "u1", ago: 5 });
    await apply({ groupId: "g2", requesterId: "u2", ago: 90 });
    await apply({ groupId: "g3", type: "Community", requesterId: "u3", ago: 2 * 24 * 60 });
    expect(await ids({ groupId: "g2" })).toEqual(["u2"]);
    expect(await ids({ type: "Community" })).toEqual(["u3"]);
    expect(await ids({ requesterId: "u1" })).toEqual(["u1"]);
    expect(await ids({ olderThan: 60 })).toEqual(["u2", "u3"]);
    expect(await ids({ olderThan: 24 * 60 })).toEqual(["u3"]);
    expect(await countSelection(db, select({ olderThan: 60 }))).toBe(2);
  });

  it("lists decided applications with every pending one under `all`, never those of dismissed groups", async () => {
    const refused = await apply({ groupId: "g1", requesterId: "u1" });
    await apply({ groupId: "g1", requesterId: "u2" });
    await apply({ groupId: "gone", requesterId: "u3" });
    await decide(db, refused, { status: "refused", by: "aiko@example.com", at: new Date().toISOString(), reason: "spam" });
    await closeGroupApplications(db, "gone", new Date().toISOString());
    expect(await ids({ status: "all" })).toEqual(["u1", "u2"]);
    const [row] = (await listModel(db, { ...select({ status: "refused" }), sort: "newest", limit: 5 })).rows;
    expect(toApplication(row, "Hiking", "refused")).toMatchObject({ handledBy: "aiko@example.com", handledVia: "console", reason: "spam" });
  });

  it("flags a requester refused before (any group) and one moderators left a note on", async () => {
    const earlier = await apply({ groupId: "g1", requesterId: "repeat" });
    await decide(db, earlier, { status: "refused", by: "aiko@example.com", at: new Date().toISOString() });
    await apply({ groupId: "g2", requesterId: "repeat" });
    await apply({ groupId: "g2", requesterId: "noted" });
    await apply({ groupId: "g2", requesterId: "fresh" });
    await db.run("INSERT INTO app_user_notes (user_id, text, author_id, author_email, created_at) VALUES ('noted', 'x', '1', 'a@b.c', ?)", [
      new Date().toISOString(),
    ]);
    const rows = (await listModel(db, { ...select({ groupId: "g2" }), sort: "newest", limit: 5 })).rows;
    const flags = Object.fromEntries(rows.map((r) => [r.requester_id, toApplication(r, "", "pending").flags]));
    expect(flags).toEqual({ repeat: ["refusedBefore"], noted: ["note"], fresh: [] });
  });

  const imApp = (over: Partial<ImApplication> & { id: string }): ImApplication => ({
    groupId: "g1",
    groupName: "Hiking",
    requesterId: "u1",
    requesterNickname: "Aiko",
    requesterFaceUrl: "",
    message: "hello",
    status: "pending",
    createdAt: minutesAgo(3),
    ...over,
  });

  it("local mode: the copy follows the IM server, marks who decided, and a decision never goes back to pending", async () => {
    expect(await mirrorApplications(db, [imApp({ id: "41" })])).toBe(1);
    expect(await mirrorApplications(db, [imApp({ id: "41" })])).toBe(0);
    expect(await ids({ q: "aiko" })).toEqual(["u1"]);

    const decided = imApp({ id: "41", status: "approved", handledBy: "owner_user", handledAt: new Date().toISOString() });
    expect(await mirrorApplications(db, [decided])).toBe(1);
    // The console's own answer arriving after the app-side webhook still marks it the console's.
    await mirrorApplications(db, [{ ...decided, handledBy: "aiko@example.com" }], { via: "console" });
    const [row] = (await listModel(db, { ...select({ status: "approved" }), sort: "newest", limit: 5 })).rows;
    expect(row).toMatchObject({ handled_via: "console", handled_by: "aiko@example.com" });
    // A late report of the application as pending changes nothing.
    expect(await mirrorApplications(db, [imApp({ id: "41" })])).toBe(0);
    expect(await ids({ status: "pending" })).toEqual([]);
  });

  it("local mode: a newer pending application closes the older copy the console never heard settled", async () => {
    await mirrorApplications(db, [imApp({ id: "7" })]);
    await mirrorApplications(db, [imApp({ id: "9", message: "again" })]);
    const rows = (await listModel(db, { ...select({}), sort: "newest", limit: 5 })).rows;
    expect(rows.map((r) => String(r.id))).toEqual(["9"]);
    // The reconcile later learns the older one was refused in the app.
    await mirrorApplications(db, [imApp({ id: "7", status: "refused", handledBy: "owner_user", handledAt: new Date().toISOString() })]);
    const refused = (await listModel(db, { ...select({ status: "refused" }), sort: "newest", limit: 5 })).rows;
    expect(refused.map((r) => [String(r.id), r.handled_via])).toEqual([["7", "app"]]);
  });

  it("local mode: a late report of an older application as pending never hides the requester's newer one", async () => {
    await mirrorApplications(db, [imApp({ id: "7", createdAt: minutesAgo(30) })]);
    await mirrorApplications(db, [imApp({ id: "7", status: "refused", createdAt: minutesAgo(30), handledAt: minutesAgo(20) })]);
    await mirrorApplications(db, [imApp({ id: "9", createdAt: minutesAgo(5) })]);
    // A page read before the refusal arrives after everything else.
    expect(await mirrorApplications(db, [imApp({ id: "7", createdAt: minutesAgo(30) })])).toBe(0);
    await mirrorApplications(db, [imApp({ id: "8", createdAt: minutesAgo(10) })]);
    const pending = (await listModel(db, { ...select({}), sort: "newest", limit: 5 })).rows;
    expect(pending.map((r) => String(r.id))).toEqual(["9"]);
  });
});

it("a queue filter refuses unknown fields, and waiting times outside the pending list", () => {
  expect(applicationFiltersSchema.safeParse({ colour: "red" }).success).toBe(false);
  expect(applicationFiltersSchema.safeParse({ status: "refused", olderThan: 60 }).success).toBe(false);
  expect(applicationFiltersSchema.safeParse({ olderThan: 0 }).success).toBe(false);
  expect(applicationFiltersSchema.safeParse({ q: "x".repeat(101) }).success).toBe(false);
  expect(applicationFiltersSchema.parse({ q: "  参加 ", olderThan: "60" })).toEqual({
    q: "参加",
    olderThan: 60,
    status: "pending",
    sort: "newest",
  });
});
