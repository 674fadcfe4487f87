import "server-only";
import { z } from "zod";
import { groupIdSchema } from "@/lib/schemas/group";
import type { LiveEventDraft } from "@/lib/schemas/live-event";
import type { RuleDecision } from "@/lib/server/rules/evaluate";

/**
 * What the console does about one webhook. The body names the group and what happened, but it is only a
 * hint: a Sign covers the time, not the body, so the group's state is always re-read from the IM server,
 * and what the IM server answers decides which events go out.
 */
export type WebhookPlan = {
  groupId: string;
  at: string;
  /** Re-read the group into the directory (upsert, or remove when the IM server says it is gone). */
  sync: boolean;
  /** Re-count the group's pending applications. */
  refreshPending: boolean;
  /**
   * Look for the requester's pending application after each of these delays (ms): it may not be stored yet.
   * `applicationId` when the webhook names it (the local IM server's AfterApplyJoinGroup): read by ID, not found
   * among the group's newest.
   */
  findApplication?: { requesterId: string; delaysMs: number[]; applicationId?: string };
  /** Local mode: this application was decided; the applications model re-reads it before the events go out. */
  handledApplication?: string;
  /** For the console's own inbox, kept when the IM server has no applications extension (Tencent). */
  inbox?: InboxWork;
  /** Published when the IM server still has the group (or was not asked). */
  ifPresent: LiveEventDraft[];
  /** Published when the IM server says the group is gone. */
  ifGone: LiveEventDraft[];
};

export type InboxWork =
  /**
   * Someone applies to join (Before: the IM server has not decided yet; only a group needing approval keeps it).
   * `rule`: what a rule decided while the callback waited (a refusal was the answer itself).
   */
  | { kind: "applied"; requesterId: string; message: string; restType?: string; rule?: RuleDecision }
  /** These users got in (approved in the app, added, or joined): their pending applications are settled. */
  | { kind: "joined"; userIds: string[]; operator: string };

/** Beyond this many members in one webhook, one event stands for all (listeners refresh per group anyway). */
export const MAX_MEMBER_EVENTS = 20;

/** BeforeApplyJoinGroup comes before the application is stored: look soon, then once more. */
export const BEFORE_APPLY_DELAYS_MS = [300, 1000];

// The group ID as the console accepts it anywhere (printable ASCII, at most 48 bytes): a forged one is no plan.
const head = z.object({ GroupId: groupIdSchema, EventTime: z.union([z.number(), z.string()]).optional() });
const members = z.array(z.object({ Member_Account: z.string() })).catch([]);
const requester = z.object({ Requestor_Account: z.string().min(1) });
const application = requester.extend({ ApplyMsg: z.string().catch(""), Type: z.string().optional().catch(undefined) });
const joined = z.object({ NewMemberList: members, Operator_Account: z.string().catch("") });

type Builder = (body: unknown, groupId: string) => Omit<WebhookPlan, "groupId" | "at">;

const groupChanged: Builder = (_, groupId) => ({
  sync: true,
  refreshPending: false,
  ifPresent: [{ type: "group.updated", groupId }],
  ifGone: [{ type: "group.dismissed", groupId }],
});

function memberEvents(type: "member.joined" | "member.left", groupId: string, list: { Member_Account: string }[]): LiveEventDraft[] {
  if (list.length === 0 || list.length > MAX_MEMBER_EVENTS) return [{ type, groupId }];
  return list.map((m) => ({ type, groupId, userId: m.Member_Account }));
}

// An approval lets a member in, so membership changes re-count pending applications too.
const membership =
  (type: "member.joined" | "member.left", field: string): Builder =>
  (body, groupId) => ({
    sync: true,
    refreshPending: true,
    ifPresent: memberEvents(type, groupId, members.parse((body as Record<string, unknown>)[field])),
    ifGone: [{ type: "group.dismissed", groupId }],
  });

const applicationIdOf = z.object({ ApplicationId: z.union([z.string(), z.number()]).transform(String) });

const newApplication =
  (delaysMs: number[]): Builder =>
  (body) => {
    const named = applicationIdOf.safeParse(body);
    return {
      sync: false,
      refreshPending: false,
      findApplication: {
        requesterId: requester.parse(body).Requestor_Account,
        delaysMs,
        ...(named.success && /^[1-9]\d{0,15}$/.test(named.data.ApplicationId) ? { applicationId: named.data.ApplicationId } : {}),
      },
      ifPresent: [],
      ifGone: [],
    };
  };

const beforeApply: Builder = (body, groupId) => {
  const a = application.parse(body);
  return {
    ...newApplication(BEFORE_APPLY_DELAYS_MS)(body, groupId),
    inbox: { kind: "applied", requesterId: a.Requestor_Account, message: a.ApplyMsg, ...(a.Type ? { restType: a.Type } : {}) },
  };
};

const memberJoined: Builder = (body, groupId) => {
  const j = joined.parse(body);
  return {
    ...membership("member.joined", "NewMemberList")(body, groupId),
    inbox: { kind: "joined", userIds: j.NewMemberList.map((m) => m.Member_Account), operator: j.Operator_Account },
  };
};

const BUILDERS: Record<string, Builder> = {
  // Gone already: its AfterGroupDestroyed follows and says so.
  "Group.CallbackAfterCreateGroup": (_, groupId) => ({
    sync: true,
    refreshPending: false,
    ifPresent: [{ type: "group.created", groupId }],
    ifGone: [],
  }),
  "Group.CallbackAfterGroupDestroyed": groupChanged,
  "Group.CallbackAfterGroupInfoChanged": groupChanged,
  "Group.CallbackAfterChangeGroupOwner": groupChanged,
  "Group.CallbackAfterMemberFieldChanged": groupChanged,
  "Group.CallbackAfterNewMemberJoin": memberJoined,
  "Group.CallbackAfterMemberExit": membership("member.left", "ExitMemberList"),
  "Group.CallbackBeforeApplyJoinGroup": beforeApply,
  // Messages: published as they are, without re-reading anything (one message each; the group's state is
  // unchanged, and a busy group would otherwise cost an IM read per message). The body only names what to refetch.
  "Group.CallbackAfterSendMsg": (body, groupId) => {
    const from = z.object({ From_Account: z.string().min(1) }).safeParse(body);
    return {
      sync: false,
      refreshPending: false,
      ifPresent: [{ type: "message.sent", groupId, ...(from.success ? { userId: from.data.From_Account } : {}) }],
      ifGone: [],
    };
  },
  "Group.CallbackAfterRecallMsg": (_, groupId) => ({
    sync: false,
    refreshPending: false,
    ifPresent: [{ type: "message.recalled", groupId }],
    ifGone: [],
  }),
  // Extensions of the local IM server (not sent in strict Tencent mode).
  "Group.CallbackAfterApplyJoinGroup": newApplication([0]),
  "Group.CallbackAfterHandleJoinApplication": (body, groupId) => {
    const b = z
      .object({ ApplicationId: z.union([z.string(), z.number()]).transform(String), Requestor_Account: z.string().optional() })
      .parse(body);
    return {
      sync: false,
      refreshPending: true,
      handledApplication: b.ApplicationId,
      ifPresent: [
        {
          type: "application.handled",
          groupId,
          applicationId: b.ApplicationId,
          ...(b.Requestor_Account ? { userId: b.Requestor_Account } : {}),
        },
      ],
      ifGone: [],
    };
  },
};

/** Tencent sends EventTime in ms, as a number or (in some samples) a quoted string. */
function eventTime(raw: number | string | undefined, now: () => Date): string {
  const ms = typeof raw === "string" ? Number(raw) : raw;
  return ms !== undefined && Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : now().toISOString();
}

/** The plan for one webhook, or null when there is nothing to do (other commands, or a body that names no group). */
export function planWebhook(command: string, body: unknown, now: () => Date = () => new Date()): WebhookPlan | null {
  const build = Object.hasOwn(BUILDERS, command) ? BUILDERS[command] : undefined;
  const parsed = head.safeParse(body);
  if (!build || !parsed.success) return null;
  const groupId = parsed.data.GroupId;
  let plan: ReturnType<Builder>;
  try {
    plan = build(body, groupId);
  } catch {
    return null;
  }
  const at = eventTime(parsed.data.EventTime, now);
  const stamp = (events: LiveEventDraft[]) => events.map((e) => ({ ...e, at }));
  return { ...plan, groupId, at, ifPresent: stamp(plan.ifPresent), ifGone: stamp(plan.ifGone) };
}
