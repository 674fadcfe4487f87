import { describe, expect, it } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { CreateRule } from "@/lib/schemas/rule";
import type { Role, SessionUser } from "@/lib/schemas/user";
import { reverseRuleApproval } from "@/lib/server/applications/by-rule";
import { queryAudit } from "@/lib/server/audit/query";
import { handleApplication, listApplications } from "@/lib/server/applications/service";
import { syncGroup } from "@/lib/server/groups/groups";
import type { Actor } from "@/lib/server/platform/actor";
import type { TestStore } from "@/lib/server/store/test-stores";
import { refusal } from "@/lib/server/testing/applications";
import { consoleOverImServer } from "@/lib/server/testing/strict-console";
import { answerAtTheDoor } from "@/lib/server/webhooks/door";
import { planWebhook } from "@/lib/server/webhooks/plan";
import { runWebhookPlan } from "@/lib/server/webhooks/run";
import { createRule, setRulesEnabled, updateRule } from "./service";

// Rules at the moment an application arrives (docs/rules.md § Deciding an arrival), over both back ends: the
// local IM server's extension (the rule decides through handle_group_application after AfterApplyJoinGroup),
// and Tencent's way (the rule answers BeforeApplyJoinGroup: a refusal is the answer, an approval follows it).

let seq = 0;

function suite(backEnd: string, strictTencent: boolean) {
  describe(`rules at arrival, ${backEnd}`, () => {
    let c!: { im: TestServer; gateway: ImGateway; db: TestStore };
    consoleOverImServer({ strictTencent }, (started) => (c = started));

    const person = async (role: Role): Promise<Actor> => {
      const email = `${role}.${++seq}@arrival.test`;
      const row = await c.db.get<{ id: number }>(
        "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'x', ?) RETURNING id",
        [email, role, role, new Date().toISOString()],
      );
      return { user: { id: String(row!.id), email, name: role, role } as SessionUser, requestId: `req-${seq}`, ip: null };
    };
    const enabledRule = async (body: Omit<CreateRule, "enabled">) => {
      const admin = await person("admin");
      return (await createRule({ ...body, enabled: true } as CreateRule, admin)).rule;
    };
    const group = async () => {
      const id = await c.gateway.createGroup({ type: "Public", name: `Arrivals ${++seq}`, joinOption: "NeedPermission" });
      await syncGroup(id); // the directory knows it as needing approval, as after a crawl
      return id;
    };
    const account = async () => {
      const id = `arrival_${strictTencent ? "t" : "l"}_${++seq}`;
      await c.im.rest("im_open_login_svc/account_import", { UserID: id, Nick: `Nick ${seq}` });
      return id;
    };

    /** The requester applies from their app; answers what their app was told (the callback's answer in Tencent mode). */
    async function apply(groupId: string, userId: string, message: string): Promise<{ errorCode: number; errorInfo: string } | null> {
      const at = new Date().toISOString();
      if (strictTencent) {
        const plan = planWebhook("Group.CallbackBeforeApplyJoinGroup", {
          GroupId: groupId,
          Type: "Public",
          Requestor_Account: userId,
          ApplyMsg: message,
        });
        const answer = await answerAtTheDoor(plan);
        if (!answer) {
          const phone = await c.im.client(userId);
          await phone.joinGroup(groupId, message);
          await phone.logout();
        }
        await runWebhookPlan({ ...plan!, findApplication: undefined });
        return answer;
      }
      const phone = await c.im.client(userId);
      await phone.joinGroup(groupId, message);
      await phone.logout();
      await runWebhookPlan(
        planWebhook("Group.CallbackAfterApplyJoinGroup", { GroupId: groupId, Requestor_Account: userId, EventTime: Date.parse(at) })!,
      );
      return null;
    }
    const applications = async (groupId: string) =>
      (await listApplications({ groupId, status: "all", sort: "oldest", limit: 50 }, null)).items;
    const auditOf = (ruleId: string) =>
      c.db.all<{ action: string; target: string; result: string }>(
        "SELECT action, target, result FROM audit WHERE actor_email = ? ORDER BY id",
        [`rule:${ruleId}`],
      );

    it("a refusing rule refuses the matching application as it arrives, as the rule's: audited, counted, shown with its name", async () => {
      const rule = await enabledRule({
        name: `Spam links ${seq}`,
        scope: {},
        when: { messageContainsAny: ["ｓｐａｍ-link"] },
        then: { action: "refuse", reason: "No spam links" },
      });
      const groupId = await group();
      const [spammer, friend] = [await account(), await account()];
      const answer = await apply(groupId, spammer, "join me at SPAM-LINK.example");
      if (strictTencent) expect(answer).toEqual({ errorCode: 10100, errorInfo: "No spam links" });
      await apply(groupId, friend, "hello");
      const [refused, waiting] = await applications(groupId);
      expect(refused).toMatchObject({
        requesterId: spammer,
        status: "refused",
        handledVia: "rule",
        ruleId: rule.id,
        handledBy: rule.name,
        reason: "No spam links",
      });
      expect(waiting).toMatchObject({ requesterId: friend, status: "pending" });
      expect(await auditOf(rule.id)).toEqual([{ action: "application.refuse", target: refused.id, result: "ok" }]);
      // The audit log's actor filter finds exactly this rule's decisions (rule:1 is not rule:12).
      await c.db.run("INSERT INTO audit (at, actor_email, action, request_id) VALUES (?, ?, 'application.refuse', 'x')", [
        new Date().toISOString(),
        `rule:${rule.id}0`,
      ]);
      const listed = await queryAudit(c.db, { actor: `rule:${rule.id}`, limit: 50 });
      expect(listed.items.map((e) => [e.actor.email, e.target])).toEqual([[`rule:${rule.id}`, refused.id]]);
      const row = await c.db.get<{ matched: number }>("SELECT matched FROM rules WHERE id = ?", [Number(rule.id)]);
      expect(Number(row!.matched)).toBe(1);
    });

    it("an approving rule lets the requester in; an admin can reverse it, once, and only a rule's approval", async () => {
      const rule = await enabledRule({
        name: `Partners ${seq}`,
        scope: {},
        when: { requesterPrefix: "arrival_" },
        then: { action: "approve" },
      });
      const groupId = await group();
      const partner = await account();
      expect(await apply(groupId, partner, "")).toBeNull();
      const [approved] = await applications(groupId);
      expect(approved).toMatchObject({ status: "approved", handledVia: "rule", handledBy: rule.name });
      expect((await c.gateway.getRoles(groupId, [partner])).get(partner)).toBe("Member");

      // Two admins at once: one removes, the other is told it was done; the member is removed once.
      const [admin, colleague] = [await person("admin"), await person("admin")];
      const outcomes = await Promise.allSettled([
        reverseRuleApproval({ id: approved.id, reason: "Not a partner" }, admin),
        reverseRuleApproval({ id: approved.id }, colleague),
      ]);
      const done = outcomes.filter((o) => o.status === "fulfilled");
      expect(done).toHaveLength(1);
      const reversed = (done[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof reverseRuleApproval>>>).value;
      expect(reversed).toMatchObject({ status: "approved", reversal: { by: expect.stringMatching(/@arrival\.test$/) } });
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
      expect((await c.gateway.getRoles(groupId, [partner])).get(partner)).toBe("NotMember");
      const removals = await c.db.all("SELECT id FROM audit WHERE action = 'application.reverse' AND target = ?", [approved.id]);
      expect(removals).toHaveLength(1);

      // A rule's approval of someone made an admin of the group since is not undone from here.
      const promoted = await account();
      await apply(groupId, promoted, "");
      const second = (await applications(groupId)).find((a) => a.requesterId === promoted)!;
      await c.gateway.setMemberRole(groupId, promoted, "Admin");
      expect(await refusal(reverseRuleApproval({ id: second.id }, admin))).toMatchObject({
        code: "conflict",
        details: { reason: { key: "notPlainMember" } },
      });
      expect((await c.gateway.getRoles(groupId, [promoted])).get(promoted)).toBe("Admin");
      await updateRule({ id: rule.id, version: rule.version, enabled: false }, admin);

      // Disabled, it decides nothing: the next one waits for a person, whose approval is not the rule's to reverse.
      const other = await account();
      await apply(groupId, other, "hi");
      const pending = (await applications(groupId)).find((a) => a.requesterId === other)!;
      expect(pending).toMatchObject({ status: "pending" });
      await handleApplication({ id: pending.id, approve: true }, await person("moderator"));
      expect(await refusal(reverseRuleApproval({ id: pending.id }, admin))).toMatchObject({ code: "conflict" });
    });

    it("a holding rule leaves it for a person, flagged; with the switch off nothing is decided or held", async () => {
      const admin = await person("admin");
      const rule = await enabledRule({ name: `Empty ${seq}`, scope: {}, when: { messageEmpty: true }, then: { action: "hold" } });
      const groupId = await group();
      await apply(groupId, await account(), "");
      expect((await applications(groupId))[0]).toMatchObject({
        status: "pending",
        flags: expect.arrayContaining(["held"]),
        ruleId: rule.id,
        ruleName: rule.name,
      });
      await setRulesEnabled({ enabled: false }, admin);
      try {
        await apply(groupId, await account(), "");
        expect((await applications(groupId))[1]).toMatchObject({ status: "pending", flags: [] });
      } finally {
        await setRulesEnabled({ enabled: true }, admin);
        await updateRule({ id: rule.id, version: rule.version, enabled: false }, admin);
      }
    });
  });
}

suite("the local IM server's extension", false);
suite("Tencent's way (the console's inbox)", true);
