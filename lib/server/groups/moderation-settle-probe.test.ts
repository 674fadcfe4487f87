import { describe, expect, it } from "vitest";
import type { AuditActionName } from "@/lib/schemas/audit";
import { recordIntent } from "@/lib/server/audit/intents";
import { settleUnfinishedAudit } from "@/lib/server/audit/settle";
import { moderationConsole, moderator, type ModerationConsole } from "@/lib/server/testing/moderation-console";
import { moderationSettleProbe } from "./moderation-settle-probe";

// The console stopped (or the IM server timed out) between a moderation command's audit intent and its answer:
// on the next start the IM server's muted and banned lists and the group's history say what really happened.
let c: ModerationConsole;
moderationConsole({}, (started) => void (c = started));

const intent = (action: AuditActionName, groupId: string, target: string) =>
  recordIntent(c.db, { actor: moderator.user, requestId: moderator.requestId, action, groupId, target });
const resultOf = async (id: number) => (await c.db.get<{ result: string }>("SELECT result FROM audit WHERE id = ?", [id]))?.result;

describe("settling a mute, ban or recall whose answer was lost", () => {
  it("a mute or ban that happened is ok, one that did not is not applied, half of one is unknown", async () => {
    const { groupId, members } = await c.group("Public", 3);
    const [aiko, ben, chen] = members;
    const muted = await intent("member.mute", groupId, aiko);
    await c.gateway.muteMembers(groupId, [aiko], 600); // it happened; only the answer was lost
    const neverMuted = await intent("member.mute", groupId, ben);
    const banned = await intent("member.ban", groupId, `${chen},${ben}`);
    await c.gateway.banMembers(groupId, [chen], 3600); // the first of two batches went through
    const unmuted = await intent("member.unmute", groupId, chen);

    await settleUnfinishedAudit(c.db, [moderationSettleProbe(c.gateway)]);
    expect([await resultOf(muted), await resultOf(neverMuted), await resultOf(banned), await resultOf(unmuted)]).toEqual([
      "settled:ok",
      "settled:not_applied",
      "settled:unknown",
      "settled:ok",
    ]);
  });

  it("a recall is ok when every message it named is recalled now, not applied when none is", async () => {
    const { groupId, members } = await c.group("Public", 1);
    const first = await c.say(groupId, members[0], "buy followers at spam.example");
    const second = await c.say(groupId, members[0], "hello");
    const recalled = await intent("message.recall", groupId, String(first));
    await c.gateway.recallMessages(groupId, [first]);
    const notRecalled = await intent("message.recall", groupId, String(second));

    await settleUnfinishedAudit(c.db, [moderationSettleProbe(c.gateway)]);
    expect([await resultOf(recalled), await resultOf(notRecalled)]).toEqual(["settled:ok", "settled:not_applied"]);
  });
});
