import { describe, expect, it } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { SessionUser } from "@/lib/schemas/user";
import type { Actor } from "@/lib/server/platform/actor";
import { handleApplication } from "@/lib/server/applications/service";
import { recentGroupEvents } from "./events";
import { applyThroughIm, applyThroughInbox, type Apply } from "@/lib/server/testing/applications";
import { consoleOverImServer } from "@/lib/server/testing/strict-console";

// A group's recent events name the requester of an application handled there (the audit log keeps only the
// application's ID), over both back ends: the IM server's applications extension, and the console's inbox.
const moderator: Actor = {
  ip: null,
  user: { id: "1", email: "mod@events.test", name: "", role: "moderator" } as SessionUser,
  requestId: "req-events",
};
let seq = 0;

function suite(backEnd: string, strictTencent: boolean, apply: Apply) {
  describe(`recent group events, ${backEnd}`, () => {
    let c!: { im: TestServer; gateway: ImGateway };
    consoleOverImServer({ strictTencent }, (started) => (c = started));

    async function appUser(nick?: string) {
      const id = `events_user_${strictTencent ? "s" : "x"}_${++seq}`;
      await c.im.rest("im_open_login_svc/account_import", { UserID: id, ...(nick ? { Nick: nick } : {}) });
      return id;
    }

    it("an approval and a refusal name the requester: nickname, else user ID", async () => {
      const groupId = await c.gateway.createGroup({ type: "Public", name: `Events ${backEnd}`, joinOption: "NeedPermission" });
      const aiko = await appUser("Aiko 愛子");
      const nameless = await appUser();
      const approved = await apply(c, groupId, aiko);
      const refused = await apply(c, groupId, nameless);
      await handleApplication({ id: approved, approve: true }, moderator);
      await handleApplication({ id: refused, approve: false, reason: "Not this time" }, moderator);

      const events = await recentGroupEvents(groupId);
      expect(events.find((e) => e.action === "application.approve")).toMatchObject({
        target: approved,
        actor: "mod@events.test",
        requester: { userId: aiko, nickname: "Aiko 愛子" },
      });
      expect(events.find((e) => e.action === "application.refuse")).toMatchObject({
        target: refused,
        requester: { userId: nameless, nickname: "" },
      });
    });
  });
}

suite("the IM server's applications", false, applyThroughIm);
suite("the console's own inbox", true, applyThroughInbox);
