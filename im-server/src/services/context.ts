// What every service needs, and the outbox that turns a committed change into listener events and
// After* webhooks. Events are written inside the transaction (they commit or vanish with the change);
// streams are woken and webhooks queued only after the commit.
import { randomInt } from "node:crypto";
import { Code, fail } from "../domain/errors";
import type { ImServerConfig } from "../config";
import type { Store } from "../store/store";
import type { Group } from "../store/groups-repo";
import type { CallbackOrigin, Webhooks } from "../webhooks/webhooks";
import type { EventBus } from "./event-bus";

export interface ServiceContext {
  store: Store;
  config: ImServerConfig;
  bus: EventBus;
  webhooks: Webhooks;
  /** Unix seconds. */
  now(): number;
}

/** Who is acting: the App admin over REST (possibly attributing to someone) or a user's client. */
export interface Actor extends CallbackOrigin {
  userId: string;
  viaRest: boolean;
}

/** A member as the SDK's listener parameters describe one (V2TIMGroupMemberInfo). */
export interface MemberInfo {
  userID: string;
  nickName: string;
  faceURL: string;
}

export function memberInfos(ctx: ServiceContext, userIds: readonly string[]): MemberInfo[] {
  const accounts = ctx.store.accounts.many(userIds);
  return userIds.map((id) => ({ userID: id, nickName: accounts.get(id)?.nick ?? "", faceURL: accounts.get(id)?.faceUrl ?? "" }));
}

export function memberInfo(ctx: ServiceContext, userId: string): MemberInfo {
  return memberInfos(ctx, [userId])[0];
}

/** The group, or 10010 when it does not exist or was dismissed. */
export function liveGroup(ctx: ServiceContext, groupId: string): Group {
  return ctx.store.groups.getLive(groupId) ?? fail(Code.GROUP_NOT_FOUND, `group ${groupId} does not exist or was dismissed`);
}

export function groupFacts(ctx: ServiceContext, group: Group) {
  return {
    type: group.type,
    applyJoinOption: group.applyJoinOption,
    inviteJoinOption: group.inviteJoinOption,
    memberCount: ctx.store.members.count(group.groupId),
    maxMembers: group.maxMembers,
  };
}

export class Outbox {
  private readonly woken = new Set<string>();
  private readonly callbacks: { command: string; body: Record<string, unknown>; strictOk: boolean }[] = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly origin: CallbackOrigin,
  ) {}

  /** Records a listener event for each recipient (call inside the transaction). */
  event(to: Iterable<string>, name: string, payload: Record<string, unknown>): void {
    const recipients = [...to];
    if (recipients.length === 0) return;
    this.ctx.store.events.add(recipients, name, payload, this.ctx.now());
    for (const id of recipients) this.woken.add(id);
  }

  /** Queues an After* callback for after the commit. Extension callbacks are skipped in strict mode. */
  webhook(command: string, body: Record<string, unknown>, options: { extension?: boolean } = {}): void {
    this.callbacks.push({ command, body, strictOk: !options.extension });
  }

  /** Call once the transaction committed. */
  flush(): void {
    this.ctx.bus.notify(this.woken);
    for (const { command, body, strictOk } of this.callbacks) {
      if (strictOk || !this.ctx.config.strictTencent) this.ctx.webhooks.after(command, body, this.origin);
    }
  }
}

/** Runs `work` in one transaction with an outbox, flushing the outbox only if it committed. */
export function commit<T>(ctx: ServiceContext, origin: CallbackOrigin, work: (out: Outbox) => T): T {
  const out = new Outbox(ctx, origin);
  const result = ctx.store.tx(() => work(out));
  out.flush();
  return result;
}

/** Tencent message keys look like `{random}_{seq}_{time}`. */
export function messageKey(now: number): string {
  return `${randomInt(1, 2 ** 31)}_${randomInt(1, 2 ** 31)}_${now}`;
}
