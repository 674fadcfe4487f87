import { describe, expect, it } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { SessionUser } from "@/lib/schemas/user";
import { handleApplication } from "@/lib/server/applications/service";
import type { Actor } from "@/lib/server/platform/actor";
import { applyThroughIm, applyThroughInbox, refusal, type Apply } from "@/lib/server/testing/applications";
import { consoleOverImServer } from "@/lib/server/testing/strict-console";
import { banMembers } from "@/lib/server/groups/bans";
import { muteMembers } from "@/lib/server/groups/mutes";
import { appUserContext } from "./context";
import { addNote, deleteNote } from "./notes";

// A moderator about to decide Chen's application sees that Chen was refused before, is already in a group, and
// what a colleague noted; over both back ends (the IM server's applications, and the console's own inbox).

const actor = (n: number, role: SessionUser["role"]): Actor => ({
  ip: null,
  user: { id: String(n), email: `${role}${n}@context.test`, name: "", role },
  requestId: `req-context-${n}`,
});
const aiko = actor(1, "moderator");
const ben = actor(2, "moderator");
const admin = actor(3, "admin");
let seq = 0;

function suite(backEnd: string, strictTencent: boolean, apply: Apply) {
  describe(`an applicant's context, ${backEnd}`, () => {
    let c!: { im: TestServer; gateway: ImGateway };
    consoleOverImServer({ strictTencent }, (started) => (c = started));
    const group = (name: string) => c.gateway.createGroup({ type: "Public", name: `${name} ${++seq}`, joinOption: "NeedPermission" });

    it("shows the applicant's applications to every group with their outcomes, their groups and roles, and the notes", async () => {
      const chen = `context_chen_${strictTencent ? "s" : "x"}_${++seq}`;
      await c.im.rest("im_open_login_svc/account_import", { UserID: chen, Nick: "Chen 陈" });
      const [hiking, chess, books] = [await group("Hiking"), await group("Chess"), await group("Books")];
      await handleApplication({ id: await apply(c, hiking, chen), approve: false, reason: "Members only" }, aiko);
      await handleApplication({ id: await apply(c, chess, chen), approve: true }, aiko);
      const pending = await apply(c, books, chen);
      const note = await addNote({ userId: chen, text: "Posted links to a betting site in Chess" }, ben);

      const context = await appUserContext({ userId: chen }, null);
      expect(context.user).toEqual({ id: chen, nickname: "Chen 陈", faceUrl: "", exists: true });
      expect(context.applications).toMatchObject({ total: 3, pending: 1, approved: 1, refused: 1 });
      expect(context.applications.recent.map((a) => [a.groupId, a.status])).toEqual([
        [books, "pending"],
        [chess, "approved"],
        [hiking, "refused"],
      ]);
      expect(context.applications.recent[0].id).toBe(pending);
      expect(context.applications.recent[2]).toMatchObject({ reason: "Members only", handledBy: "moderator1@context.test" });
      expect(context.groups.items).toContainEqual({ id: chess, name: expect.stringContaining("Chess"), type: "Public", role: "Member" });
      expect(context.notes).toEqual([note]);
      expect(note).toMatchObject({ author: "moderator2@context.test", text: "Posted links to a betting site in Chess" });
      expect(context.sanctions).toEqual([]);
    });

    it("lists the applicant's mute in a group they are in and the console's ban elsewhere, with its reason; a lifted ban is gone", async () => {
      const chen = `context_sanctioned_${strictTencent ? "s" : "x"}_${++seq}`;
      await c.im.rest("im_open_login_svc/account_import", { UserID: chen, Nick: "Chen 陈" });
      const [chess, casino] = [await group("Chess"), await group("Casino")];
      await c.gateway.addMembers(chess, [chen]);
      await muteMembers({ groupId: chess, userIds: [chen], seconds: 3600 }, aiko);
      await banMembers({ groupId: casino, userIds: [chen], seconds: 4294967295, reason: "Betting links" }, aiko);

      const { sanctions } = await appUserContext({ userId: chen }, null);
      expect(sanctions).toEqual([
        { groupId: chess, kind: "mute", until: expect.any(String) },
        { groupId: casino, kind: "ban", until: null, reason: "Betting links" },
      ]);
      expect(Date.parse(sanctions[0].until!)).toBeGreaterThan(Date.now() + 3500_000);
      await c.gateway.unbanMembers(casino, [chen]); // lifted outside the console: the IM server's list is the truth
      expect((await appUserContext({ userId: chen }, null)).sanctions.map((x) => x.kind)).toEqual(["mute"]);
    });

    it("a note is deleted by its author or an admin, not by another moderator", async () => {
      const userId = `context_noted_${strictTencent ? "s" : "x"}_${++seq}`;
      await c.im.rest("im_open_login_svc/account_import", { UserID: userId });
      const first = await addNote({ userId, text: "first" }, aiko);
      const second = await addNote({ userId, text: "second" }, aiko);
      const refused = await refusal(deleteNote({ userId, noteId: first.id }, ben));
      expect([refused.code, refused.status]).toEqual(["forbidden", 403]);
      await deleteNote({ userId, noteId: first.id }, aiko);
      await deleteNote({ userId, noteId: second.id }, admin);
      expect((await appUserContext({ userId }, null)).notes).toEqual([]);
      expect((await refusal(deleteNote({ userId, noteId: second.id }, admin))).code).toBe("not_found");
      expect((await refusal(deleteNote({ userId, noteId: "nonsense" }, admin))).code).toBe("not_found");
    });

    it("an ID the IM app does not have is not found", async () => {
      const err = await refusal(appUserContext({ userId: "context_nobody_at_all" }, null));
      expect([err.code, err.status]).toEqual(["not_found", 404]);
    });
  });
}

suite("the IM server's applications", false, applyThroughIm);
suite("the console's own inbox", true, applyThroughInbox);
