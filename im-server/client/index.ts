// A small client for the local IM server's client API, with the SDK's method names, for tests and
// demos. It signs its own UserSig from the secret key, so it is never meant for a real app.
import { genUserSig } from "../src/usersig";
import { EventStream } from "./sse";
import type { GroupApplication, GroupMessage, JoinedGroup } from "./types";

export type { GroupApplication, GroupMessage, JoinedGroup } from "./types";

export interface MemberInfo {
  userID: string;
  nickName: string;
  faceURL: string;
}

/** V2TIMGroupListener callbacks (reference §7); `onEvent` additionally sees every raw event. */
export interface GroupListener {
  onMemberEnter?(groupID: string, memberList: MemberInfo[]): void;
  onMemberInvited?(groupID: string, opUser: MemberInfo, memberList: MemberInfo[]): void;
  onMemberLeave?(groupID: string, member: MemberInfo): void;
  onMemberKicked?(groupID: string, opUser: MemberInfo, memberList: MemberInfo[]): void;
  onQuitFromGroup?(groupID: string): void;
  onReceiveJoinApplication?(groupID: string, member: MemberInfo, opReason: string): void;
  onApplicationProcessed?(groupID: string, opUser: MemberInfo, isAgreeJoin: boolean, opReason: string): void;
  onGroupDismissed?(groupID: string, opUser: MemberInfo): void;
  onGroupRecycled?(groupID: string, opUser: MemberInfo): void;
  onReceiveRESTCustomData?(groupID: string, customData: string): void;
  onGroupInfoChanged?(groupID: string, changeInfos: { type: string; value: unknown }[]): void;
  onGrantAdministrator?(groupID: string, opUser: MemberInfo, memberList: MemberInfo[]): void;
  onRevokeAdministrator?(groupID: string, opUser: MemberInfo, memberList: MemberInfo[]): void;
  /** V2TIMAdvancedMsgListener's, for group messages (the whole payload; see GroupMessage). */
  onRecvNewMessage?(message: GroupMessage): void;
  onRecvMessageRevoked?(msgID: string, operateUser: MemberInfo, reason: string): void;
  onEvent?(name: string, payload: Record<string, unknown>, id: number): void;
}

// Event name → the payload keys, in the listener's parameter order.
const PARAMETERS: Record<string, string[]> = {
  onMemberEnter: ["groupID", "memberList"],
  onMemberInvited: ["groupID", "opUser", "memberList"],
  onMemberLeave: ["groupID", "member"],
  onMemberKicked: ["groupID", "opUser", "memberList"],
  onQuitFromGroup: ["groupID"],
  onReceiveJoinApplication: ["groupID", "member", "opReason"],
  onApplicationProcessed: ["groupID", "opUser", "isAgreeJoin", "opReason"],
  onGroupDismissed: ["groupID", "opUser"],
  onGroupRecycled: ["groupID", "opUser"],
  onReceiveRESTCustomData: ["groupID", "customData"],
  onGroupInfoChanged: ["groupID", "changeInfos"],
  onGrantAdministrator: ["groupID", "opUser", "memberList"],
  onRevokeAdministrator: ["groupID", "opUser", "memberList"],
  onRecvMessageRevoked: ["msgID", "operateUser", "reason"],
};

export class ImClientError extends Error {
  constructor(
    readonly code: number,
    readonly info: string,
    readonly envelope: Record<string, unknown>,
  ) {
    super(`${code}: ${info}`);
    this.name = "ImClientError";
  }
}

export interface ImClientOptions {
  baseUrl: string;
  sdkAppId: number;
  secretKey: string;
  /** Reported to webhooks as OptPlatform. */
  platform?: "Web" | "Android" | "iOS" | "Windows" | "Mac" | "iPad";
  /** UserSig validity in seconds. */
  sigExpire?: number;
}

export interface JoinResult {
  groupID: string;
  status: "joined" | "applied";
  applicationID?: string;
}

export class ImClient {
  private userId: string | null = null;
  private userSig = "";
  private stream: EventStream | null = null;
  private readonly listeners = new Set<GroupListener>();

  constructor(private readonly options: ImClientOptions) {}

  private query(): string {
    const params = new URLSearchParams({
      sdkappid: String(this.options.sdkAppId),
      identifier: this.userId ?? "",
      usersig: this.userSig,
      random: String(Math.floor(Math.random() * 4294967295)),
      contenttype: "json",
      platform: this.options.platform ?? "Web",
    });
    return params.toString();
  }

  /**
   * Signs in as `userId` and opens the event stream; resolves once the server confirmed the
   * stream, so events caused afterwards are never missed. `lastEventId` resumes an earlier session.
   */
  async login(userId: string, options: { lastEventId?: string } = {}): Promise<void> {
    this.userId = userId;
    this.userSig = genUserSig({
      sdkAppId: this.options.sdkAppId,
      key: this.options.secretKey,
      identifier: userId,
      expire: this.options.sigExpire ?? 86400,
    });
    let connected: () => void = () => {};
    let failed: (error: unknown) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      connected = resolve;
      failed = reject;
    });
    this.stream = new EventStream({
      url: () => `${this.options.baseUrl}/client/events?${this.query()}`,
      lastEventId: options.lastEventId,
      onMessage: (message) => {
        if (message.event === "connected") return connected();
        this.dispatch(message.event, JSON.parse(message.data) as Record<string, unknown>, Number(message.id));
      },
      onError: (error) => failed(error),
    });
    void this.stream.run();
    await ready.catch((error: unknown) => {
      this.stream?.stop();
      throw error;
    });
  }

  async logout(): Promise<void> {
    this.stream?.stop();
    this.stream = null;
    this.userId = null;
  }

  /** Id of the last event received, to resume with `login(userId, { lastEventId })`. */
  get lastEventId(): string | undefined {
    return this.stream?.lastId;
  }

  addGroupListener(listener: GroupListener): void {
    this.listeners.add(listener);
  }

  removeGroupListener(listener: GroupListener): void {
    this.listeners.delete(listener);
  }

  private dispatch(name: string, payload: Record<string, unknown>, id: number): void {
    const keys = name === "onRecvNewMessage" ? [""] : PARAMETERS[name];
    for (const listener of this.listeners) {
      listener.onEvent?.(name, payload, id);
      const callback = (listener as Record<string, unknown>)[name];
      if (keys && typeof callback === "function")
        callback.apply(
          listener,
          keys.map((key) => (key ? payload[key] : payload)),
        );
    }
  }

  private async call<T>(method: string, body: Record<string, unknown> = {}): Promise<T> {
    if (!this.userId) throw new Error("call login() first");
    const response = await fetch(`${this.options.baseUrl}/client/${method}?${this.query()}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const envelope = (await response.json()) as Record<string, unknown>;
    if (envelope.ErrorCode !== 0) throw new ImClientError(Number(envelope.ErrorCode), String(envelope.ErrorInfo), envelope);
    return envelope.data as T;
  }

  joinGroup(groupID: string, message = ""): Promise<JoinResult> {
    return this.call("joinGroup", { groupID, message });
  }

  quitGroup(groupID: string): Promise<void> {
    return this.call("quitGroup", { groupID });
  }

  /** result per member: 0 failed (refused by the app), 1 added, 2 already a member. */
  inviteUserToGroup(groupID: string, userIDList: string[]): Promise<{ memberID: string; result: number }[]> {
    return this.call("inviteUserToGroup", { groupID, userIDList });
  }

  getGroupApplicationList(): Promise<{ unreadCount: number; applicationList: GroupApplication[] }> {
    return this.call("getGroupApplicationList");
  }

  acceptGroupApplication(applicationID: string, reason = ""): Promise<GroupApplication> {
    return this.call("acceptGroupApplication", { applicationID, reason });
  }

  refuseGroupApplication(applicationID: string, reason = ""): Promise<GroupApplication> {
    return this.call("refuseGroupApplication", { applicationID, reason });
  }

  dismissGroup(groupID: string): Promise<void> {
    return this.call("dismissGroup", { groupID });
  }

  /** priority: V2TIMMessagePriority, 0 default, 1 high, 2 normal, 3 low. */
  sendGroupTextMessage(groupID: string, text: string, priority?: number): Promise<{ msgID: string; seq: number; timestamp: number }> {
    return this.call("sendGroupTextMessage", { groupID, text, priority });
  }

  getJoinedGroupList(): Promise<JoinedGroup[]> {
    return this.call("getJoinedGroupList");
  }
}
