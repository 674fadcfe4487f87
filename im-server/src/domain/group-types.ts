// The five group types and everything that differs between them (docs/group-system.md; the wire facts in im-server/README.md).
// One table, so no rule about a type lives anywhere else.

export const GROUP_TYPES = ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

/** `get_appid_group_list` also accepts the legacy BChatRoom filter (which simply matches nothing here). */
export const LISTABLE_GROUP_TYPES = [...GROUP_TYPES, "BChatRoom"] as const;

export const APPLY_JOIN_OPTIONS = ["FreeAccess", "NeedPermission", "DisableApply"] as const;
export type ApplyJoinOption = (typeof APPLY_JOIN_OPTIONS)[number];

export const INVITE_JOIN_OPTIONS = ["FreeAccess", "NeedPermission", "DisableInvite"] as const;
export type InviteJoinOption = (typeof INVITE_JOIN_OPTIONS)[number];

export const MEMBER_ROLES = ["Owner", "Admin", "Member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export type JoinMethod = "invitation" | "application" | "free";

export interface TypeRules {
  /** Name used by the console and by the client SDK (`Work`, `Meeting`, …). */
  sdkName: string;
  joinMethod: JoinMethod;
  defaultApplyJoinOption: ApplyJoinOption;
  /** Only Public groups let the operator choose who may apply; elsewhere the type decides. */
  applyJoinOptionChangeable: boolean;
  /** SDK default: Work lets members invite, every other type forbids it until changed. */
  defaultInviteJoinOption: InviteJoinOption;
  inviteSupported: boolean;
  /** Default and ceiling of MaxMemberCount; AVChatRoom's 1,000,000 stands for "unlimited". */
  maxMembersCeiling: number;
  hasAdmins: boolean;
  ownerMayQuit: boolean;
  /** AVChatRoom keeps no member list a REST caller may read or edit. */
  restMemberManagement: boolean;
  /** Work groups cannot be muted. */
  supportsMuting: boolean;
  /** Only the owner may dismiss from a client; nobody may dismiss Work from a client. */
  clientDismissible: boolean;
}

export const TYPE_RULES: Record<GroupType, TypeRules> = {
  Private: {
    sdkName: "Work",
    joinMethod: "invitation",
    defaultApplyJoinOption: "DisableApply",
    applyJoinOptionChangeable: false,
    defaultInviteJoinOption: "FreeAccess",
    inviteSupported: true,
    maxMembersCeiling: 6000,
    hasAdmins: false,
    ownerMayQuit: true,
    restMemberManagement: true,
    supportsMuting: false,
    clientDismissible: false,
  },
  Public: {
    sdkName: "Public",
    joinMethod: "application",
    defaultApplyJoinOption: "NeedPermission",
    applyJoinOptionChangeable: true,
    defaultInviteJoinOption: "DisableInvite",
    inviteSupported: true,
    maxMembersCeiling: 6000,
    hasAdmins: true,
    ownerMayQuit: false,
    restMemberManagement: true,
    supportsMuting: true,
    clientDismissible: true,
  },
  ChatRoom: {
    sdkName: "Meeting",
    joinMethod: "free",
    defaultApplyJoinOption: "FreeAccess",
    applyJoinOptionChangeable: false,
    defaultInviteJoinOption: "DisableInvite",
    inviteSupported: true,
    maxMembersCeiling: 6000,
    hasAdmins: true,
    ownerMayQuit: false,
    restMemberManagement: true,
    supportsMuting: true,
    clientDismissible: true,
  },
  AVChatRoom: {
    sdkName: "AVChatRoom",
    joinMethod: "free",
    defaultApplyJoinOption: "FreeAccess",
    applyJoinOptionChangeable: false,
    defaultInviteJoinOption: "DisableInvite",
    inviteSupported: false,
    maxMembersCeiling: 1_000_000,
    hasAdmins: false,
    ownerMayQuit: false,
    restMemberManagement: false,
    supportsMuting: true,
    clientDismissible: true,
  },
  Community: {
    sdkName: "Community",
    joinMethod: "free",
    defaultApplyJoinOption: "FreeAccess",
    applyJoinOptionChangeable: false,
    defaultInviteJoinOption: "DisableInvite",
    inviteSupported: true,
    maxMembersCeiling: 100_000,
    hasAdmins: true,
    ownerMayQuit: false,
    restMemberManagement: true,
    supportsMuting: true,
    clientDismissible: true,
  },
};

export function isGroupType(value: unknown): value is GroupType {
  return typeof value === "string" && (GROUP_TYPES as readonly string[]).includes(value);
}

export function isApplyJoinOption(value: unknown): value is ApplyJoinOption {
  return typeof value === "string" && (APPLY_JOIN_OPTIONS as readonly string[]).includes(value);
}

export function isInviteJoinOption(value: unknown): value is InviteJoinOption {
  return typeof value === "string" && (INVITE_JOIN_OPTIONS as readonly string[]).includes(value);
}

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === "string" && (MEMBER_ROLES as readonly string[]).includes(value);
}

export function sdkTypeName(type: GroupType): string {
  return TYPE_RULES[type].sdkName;
}
