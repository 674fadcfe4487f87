// One webhook of the storm: the change first, through the IM server's REST API (as an app's users would make it),
// then the webhook Tencent would send for it, signed, timed from sending to the answer.
import { createHash } from "node:crypto";
import type { ImCaller } from "../lib/im-rest";
import type { StormGroups } from "./storm-state";

export type StormKind = "join" | "exit" | "info" | "message" | "apply" | "handled";

/**
 * A busy app's mix, per 100 webhooks, in an even order (a random draw would bunch a command past the IM server's
 * 200 a second): 500 a second is 140 joins, 110 exits, 40 profile changes, 175 messages, 25 applications and 10
 * AfterHandleJoinApplication (which Tencent does not send: the console must shrug it off without an IM call).
 */
const PER_HUNDRED: [StormKind, number][] = [
  ["join", 28],
  ["exit", 22],
  ["info", 8],
  ["message", 35],
  ["apply", 5],
  ["handled", 2],
];
export const STORM_MIX: StormKind[] = (() => {
  const slots: { kind: StormKind; at: number }[] = [];
  for (const [kind, n] of PER_HUNDRED) for (let i = 0; i < n; i++) slots.push({ kind, at: (i + 0.5) / n });
  return slots.sort((a, b) => a.at - b.at).map((s) => s.kind);
})();

export type StormContext = { hook: string; token: string; sdkAppId: number; call: ImCaller; groups: StormGroups };

const ADMIN = "administrator";

function pickFrom<T>(g: StormGroups, list: readonly T[]): T {
  return list[Math.floor(g.random() * list.length)];
}

/** The change behind one webhook, made first; the body Tencent would send for it, or null when there is none to make. */
async function change(c: StormContext, kind: StormKind, n: number): Promise<{ command: string; body: Record<string, unknown> } | null> {
  const g = c.groups;
  const groupId = kind === "apply" ? pickFrom(g, g.needPermission) : pickFrom(g, g.ids);
  const members = g.members.get(groupId)!;
  const owner = g.owners.get(groupId)!;
  const leaving = [...members].filter((u) => u !== owner && !g.busy.has(`${groupId}|${u}`));
  if (kind === "exit" && leaving.length === 0) kind = "join";
  const stranger = () => {
    for (;;) {
      const u = pickFrom(g, g.accounts);
      if (!members.has(u) && !g.busy.has(`${groupId}|${u}`)) return u;
    }
  };
  const head = { GroupId: groupId, Type: "Public", EventTime: Date.now() };
  const made = async (user: string, work: () => Promise<unknown>) => {
    g.busy.add(`${groupId}|${user}`);
    try {
      await work();
    } catch (err) {
      g.failures++;
      g.failureCodes.set(
        String(err).match(/: (\d+) /)?.[1] ?? "other",
        (g.failureCodes.get(String(err).match(/: (\d+) /)?.[1] ?? "other") ?? 0) + 1,
      );
    } finally {
      g.busy.delete(`${groupId}|${user}`);
    }
  };
  switch (kind) {
    case "join": {
      const u = stranger();
      members.add(u);
      await made(u, () =>
        c.call("group_open_http_svc/add_group_member", { GroupId: groupId, MemberList: [{ Member_Account: u }], Silence: 1 }),
      );
      const body = { ...head, JoinType: "Invited", Operator_Account: ADMIN, NewMemberList: [{ Member_Account: u }] };
      return { command: "Group.CallbackAfterNewMemberJoin", body };
    }
    case "exit": {
      const u = pickFrom(g, leaving);
      members.delete(u);
      await made(u, () => c.call("group_open_http_svc/delete_group_member", { GroupId: groupId, MemberToDel_Account: [u], Silence: 1 }));
      const body = { ...head, ExitType: "Kicked", Operator_Account: ADMIN, ExitMemberList: [{ Member_Account: u }] };
      return { command: "Group.CallbackAfterMemberExit", body };
    }
    case "info": {
      const name = `Storm ${n} 嵐`;
      await made(ADMIN, () => c.call("group_open_http_svc/modify_group_base_info", { GroupId: groupId, Name: name }));
      return { command: "Group.CallbackAfterGroupInfoChanged", body: { ...head, Operator_Account: ADMIN, Name: name } };
    }
    case "message": {
      const from = pickFrom(g, [...members]);
      const random = n;
      const text = `storm message ${n}`;
      const msgBody = [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }];
      let seq = 0;
      await made(`msg${n}`, async () => {
        const sent = await c.call("group_open_http_svc/send_group_msg", {
          GroupId: groupId,
          From_Account: from,
          Random: random,
          MsgBody: msgBody,
        });
        seq = Number(sent.MsgSeq ?? 0);
      });
      const body = {
        ...head,
        From_Account: from,
        Operator_Account: from,
        Random: random,
        MsgSeq: seq,
        MsgTime: Math.floor(Date.now() / 1000),
        MsgBody: msgBody,
      };
      return { command: "Group.CallbackAfterSendMsg", body };
    }
    case "apply":
      // Tencent keeps no application before it is decided: nothing to change, the console's inbox keeps it.
      return { command: "Group.CallbackBeforeApplyJoinGroup", body: { ...head, Requestor_Account: stranger(), ApplyMsg: `storm ${n}` } };
    case "handled":
      return {
        command: "Group.CallbackAfterHandleJoinApplication",
        body: { ...head, ApplicationId: String(n + 1), Requestor_Account: stranger(), Decision: "Reject", Handler_Account: owner },
      };
  }
}

export async function sendWebhook(
  c: StormContext,
  kind: StormKind,
  n: number,
): Promise<{ kind: StormKind; ms: number; status: number } | null> {
  const made = await change(c, kind, n);
  if (!made) return null;
  const requestTime = Math.floor(Date.now() / 1000);
  const query = new URLSearchParams({
    SdkAppid: String(c.sdkAppId),
    CallbackCommand: made.command,
    contenttype: "json",
    ClientIP: "127.0.0.1",
    OptPlatform: "RESTAPI",
    RequestTime: String(requestTime),
    Sign: createHash("sha256").update(`${c.token}${requestTime}`).digest("hex"),
  });
  const started = performance.now();
  try {
    const res = await fetch(`${c.hook}?${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ CallbackCommand: made.command, ...made.body }),
    });
    await res.arrayBuffer();
    return { kind, ms: performance.now() - started, status: res.status };
  } catch {
    // No answer (a connection closed under it): Tencent would count it as failed; so does the storm (status 0).
    return { kind, ms: performance.now() - started, status: 0 };
  }
}
