// What a valid new group and a valid profile change look like (reference §3.2 and §3.4).
// Pure: given the request body (and, for changes, the group as it is), decide or refuse.
import { Code, fail, invalid } from "./errors";
import { type Body, optArray, optEnum, optInt, optOnOff, optString, reqString } from "./fields";
import { checkCustomGroupId } from "./group-id";
import {
  APPLY_JOIN_OPTIONS,
  type ApplyJoinOption,
  type GroupType,
  INVITE_JOIN_OPTIONS,
  type InviteJoinOption,
  TYPE_RULES,
  isGroupType,
} from "./group-types";
import { LIMITS, checkBytes } from "./limits";

export interface KeyValue {
  Key: string;
  Value: string;
}

export interface InitialMember {
  userId: string;
  role: "Admin" | "Member";
}

export interface GroupDraft {
  type: GroupType;
  groupId: string | undefined;
  name: string;
  introduction: string;
  notification: string;
  faceUrl: string;
  owner: string | null;
  maxMembers: number;
  applyJoinOption: ApplyJoinOption;
  inviteJoinOption: InviteJoinOption;
  muteAll: boolean;
  supportTopic: boolean;
  appDefinedData: KeyValue[];
  members: InitialMember[];
}

/** The editable part of a group as stored; what `modify_group_base_info` compares against. */
export interface GroupProfile {
  type: GroupType;
  name: string;
  introduction: string;
  notification: string;
  faceUrl: string;
  maxMembers: number;
  applyJoinOption: ApplyJoinOption;
  inviteJoinOption: InviteJoinOption;
  muteAll: boolean;
  appDefinedData: KeyValue[];
}

export type ProfileChanges = Partial<Omit<GroupProfile, "type">>;

function profileText(body: Body, field: string, max: number): string | undefined {
  const value = optString(body, field);
  if (value !== undefined) checkBytes(field, value, max);
  return value;
}

function checkName(name: string): void {
  if (name.trim() === "") invalid("Name must not be empty");
  checkBytes("Name", name, LIMITS.groupName);
}

function maxMembersFor(type: GroupType, field: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ceiling = TYPE_RULES[type].maxMembersCeiling;
  if (value < 1 || value > ceiling) invalid(`${field} must be between 1 and ${ceiling} for ${type} groups`);
  return value;
}

/** Join options outside Public are fixed by the type (docs/group-system.md § Join options); asking for another one is refused. */
function checkApplyJoinOption(type: GroupType, wanted: ApplyJoinOption, current: ApplyJoinOption): void {
  if (wanted !== current && !TYPE_RULES[type].applyJoinOptionChangeable) {
    fail(Code.NO_PERMISSION, `the join option of a ${type} group is fixed at ${current}`);
  }
}

function checkInviteJoinOption(type: GroupType, wanted: InviteJoinOption | undefined): void {
  if (wanted !== undefined && !TYPE_RULES[type].inviteSupported) {
    fail(Code.NO_PERMISSION, `${type} groups do not support InviteJoinOption`);
  }
}

function checkMuteAll(type: GroupType, muteAll: boolean | undefined): void {
  if (muteAll && !TYPE_RULES[type].supportsMuting) fail(Code.NO_PERMISSION, `${type} groups cannot be muted`);
}

/** Custom data: `[{Key, Value}]`, keys ≤16 bytes and unique, values ≤512 bytes. */
export function parseKeyValues(body: Body, field: string, keyMax: number, valueMax: number): KeyValue[] | undefined {
  const list = optArray(body, field);
  if (list === undefined) return undefined;
  const seen = new Set<string>();
  return list.map((item) => {
    if (typeof item !== "object" || item === null) invalid(`${field} items must be {Key, Value} objects`);
    const entry = item as Body;
    const key = reqString(entry, "Key");
    const value = optString(entry, "Value") ?? "";
    checkBytes(`${field} key`, key, keyMax);
    checkBytes(`${field} value of ${key}`, value, valueMax);
    if (seen.has(key)) invalid(`${field} repeats the key ${key}`);
    seen.add(key);
    return { Key: key, Value: value };
  });
}

/** Applies a change list to stored custom data: an empty Value deletes the key. */
export function mergeKeyValues(current: KeyValue[], changes: KeyValue[]): KeyValue[] {
  const merged = new Map(current.map((kv) => [kv.Key, kv.Value]));
  for (const { Key, Value } of changes) {
    if (Value === "") merged.delete(Key);
    else merged.set(Key, Value);
  }
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}

function parseInitialMembers(body: Body, type: GroupType, owner: string | null): InitialMember[] {
  const list = optArray(body, "MemberList");
  if (list === undefined || list.length === 0) return [];
  if (type === "AVChatRoom") fail(Code.NO_PERMISSION, "AVChatRoom groups cannot be created with members");
  if (list.length > LIMITS.createMembers) {
    fail(Code.TOO_MANY_ACCOUNTS, `MemberList holds ${list.length} members; at most ${LIMITS.createMembers}`);
  }
  const members = new Map<string, InitialMember>();
  for (const item of list) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) invalid("MemberList items must be objects");
    const entry = item as Body;
    const userId = reqString(entry, "Member_Account");
    const role = optString(entry, "Role");
    if (role !== undefined) {
      if (role !== "Admin") invalid(`Role must be Admin in MemberList (got ${role})`);
      if (userId === owner) invalid("the owner cannot be given a Role in MemberList");
      if (!TYPE_RULES[type].hasAdmins) invalid(`${type} groups have no admins`);
    }
    if (userId === owner) continue;
    members.set(userId, { userId, role: role === "Admin" ? "Admin" : "Member" });
  }
  return [...members.values()];
}

export function parseCreateGroup(body: Body): GroupDraft {
  const type = body.Type;
  if (!isGroupType(type)) invalid("Type must be one of Private, Public, ChatRoom, AVChatRoom, Community");
  const rules = TYPE_RULES[type];

  const name = reqString(body, "Name");
  checkName(name);
  const introduction = profileText(body, "Introduction", LIMITS.introduction) ?? "";
  const notification = profileText(body, "Notification", LIMITS.notification) ?? "";
  const faceUrl = profileText(body, "FaceUrl", LIMITS.faceUrl) ?? "";

  const groupId = optString(body, "GroupId");
  if (groupId !== undefined) checkCustomGroupId(groupId, type);

  const ownerField = optString(body, "Owner_Account");
  const owner = ownerField === undefined || ownerField === "" ? null : ownerField;

  const maxMembers = maxMembersFor(type, "MaxMemberCount", optInt(body, "MaxMemberCount", 0)) ?? rules.maxMembersCeiling;

  const applyJoinOption = optEnum(body, "ApplyJoinOption", APPLY_JOIN_OPTIONS) ?? rules.defaultApplyJoinOption;
  checkApplyJoinOption(type, applyJoinOption, rules.defaultApplyJoinOption);

  const inviteField = optEnum(body, "InviteJoinOption", INVITE_JOIN_OPTIONS);
  checkInviteJoinOption(type, inviteField);

  const muteAll = optOnOff(body, "MuteAllMember") ?? false;
  checkMuteAll(type, muteAll);

  const supportTopic = optInt(body, "SupportTopic", 0, 1);
  if (supportTopic === 1 && type !== "Community") fail(Code.NO_PERMISSION, "only Community groups support topics");

  const appDefinedData = parseKeyValues(body, "AppDefinedData", LIMITS.groupDataKey, LIMITS.groupDataValue) ?? [];
  const members = parseInitialMembers(body, type, owner);
  const initialCount = members.length + (owner ? 1 : 0);
  if (initialCount > maxMembers) fail(Code.GROUP_FULL, `${initialCount} initial members exceed MaxMemberCount ${maxMembers}`);

  return {
    type,
    groupId,
    name,
    introduction,
    notification,
    faceUrl,
    owner,
    maxMembers,
    applyJoinOption,
    inviteJoinOption: inviteField ?? rules.defaultInviteJoinOption,
    muteAll,
    supportTopic: supportTopic === 1,
    appDefinedData,
    members,
  };
}

/**
 * The fields of a `modify_group_base_info` body that actually change the group. Refuses a
 * MaxMemberNum below the current member count and join-option changes the type forbids.
 */
export function parseProfileChanges(body: Body, group: GroupProfile, memberCount: number): ProfileChanges {
  const { type } = group;
  const changes: ProfileChanges = {};

  const name = optString(body, "Name");
  if (name !== undefined) {
    checkName(name);
    changes.name = name;
  }
  const introduction = profileText(body, "Introduction", LIMITS.introduction);
  if (introduction !== undefined) changes.introduction = introduction;
  const notification = profileText(body, "Notification", LIMITS.notification);
  if (notification !== undefined) changes.notification = notification;
  const faceUrl = profileText(body, "FaceUrl", LIMITS.faceUrl);
  if (faceUrl !== undefined) changes.faceUrl = faceUrl;

  // Tencent ignores MaxMemberNum for AVChatRoom: it is unlimited anyway.
  const maxMembers = type === "AVChatRoom" ? undefined : maxMembersFor(type, "MaxMemberNum", optInt(body, "MaxMemberNum", 0));
  if (maxMembers !== undefined) {
    if (maxMembers < memberCount) invalid(`MaxMemberNum ${maxMembers} is below the current ${memberCount} members`);
    changes.maxMembers = maxMembers;
  }

  const applyJoinOption = optEnum(body, "ApplyJoinOption", APPLY_JOIN_OPTIONS);
  if (applyJoinOption !== undefined) {
    checkApplyJoinOption(type, applyJoinOption, group.applyJoinOption);
    changes.applyJoinOption = applyJoinOption;
  }
  const inviteJoinOption = optEnum(body, "InviteJoinOption", INVITE_JOIN_OPTIONS);
  checkInviteJoinOption(type, inviteJoinOption);
  if (inviteJoinOption !== undefined) changes.inviteJoinOption = inviteJoinOption;

  const muteAll = optOnOff(body, "MuteAllMember");
  checkMuteAll(type, muteAll);
  if (muteAll !== undefined) changes.muteAll = muteAll;

  const data = parseKeyValues(body, "AppDefinedData", LIMITS.groupDataKey, LIMITS.groupDataValue);
  if (data !== undefined) changes.appDefinedData = mergeKeyValues(group.appDefinedData, data);

  // Keep only real changes, so InfoSeq and the webhooks reflect what happened.
  for (const key of Object.keys(changes) as (keyof ProfileChanges)[]) {
    if (JSON.stringify(changes[key]) === JSON.stringify(group[key])) delete changes[key];
  }
  return changes;
}
