// Store objects → Tencent wire objects (GroupInfo, member objects, applications), honouring the
// response filters. Kept apart from the commands so every command answers with the same shapes.
import type { KeyValue } from "../domain/group-profile";
import type { Account } from "../store/accounts-repo";
import type { Application } from "../store/applications-repo";
import type { Group } from "../store/groups-repo";
import type { Member } from "../store/members-repo";
import type { Fields } from "./envelope";

/** A list of field names to keep; undefined keeps all. */
export type FieldFilter = readonly string[] | undefined;

function pick(fields: Fields, keep: FieldFilter, always: readonly string[]): Fields {
  if (!keep) return fields;
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) if (always.includes(key) || keep.includes(key)) out[key] = value;
  return out;
}

function filterKeys(data: KeyValue[], keys: FieldFilter): KeyValue[] {
  return keys ? data.filter((kv) => keys.includes(kv.Key)) : data;
}

export function groupBaseFields(group: Group, sdkAppId: number, memberNum: number): Fields {
  return {
    Type: group.type,
    Appid: sdkAppId,
    Name: group.name,
    Introduction: group.introduction,
    Notification: group.notification,
    FaceUrl: group.faceUrl,
    Owner_Account: group.owner ?? "",
    CreateTime: group.createdAt,
    InfoSeq: group.infoSeq,
    LastInfoTime: group.lastInfoTime,
    LastMsgTime: 0,
    NextMsgSeq: 1,
    MemberNum: memberNum,
    MaxMemberNum: group.maxMembers,
    ApplyJoinOption: group.applyJoinOption,
    InviteJoinOption: group.inviteJoinOption,
    MuteAllMember: group.muteAll ? "On" : "Off",
    ...(group.type === "Community" ? { SupportTopic: group.supportTopic ? 1 : 0 } : {}),
  };
}

export interface MemberFilters {
  fields: FieldFilter;
  appDataKeys: FieldFilter;
}

export function memberObject(member: Member, now: number, filters: MemberFilters = { fields: undefined, appDataKeys: undefined }): Fields {
  const full: Fields = {
    Member_Account: member.userId,
    Role: member.role,
    JoinTime: member.joinedAt,
    MsgSeq: 0,
    MsgFlag: member.msgFlag,
    LastSendMsgTime: 0,
    MuteUntil: member.muteUntil > now ? member.muteUntil : 0,
    NameCard: member.nameCard,
    AppMemberDefinedData: filterKeys(member.appMemberDefinedData, filters.appDataKeys),
  };
  // Custom member data comes back when asked for by key or by field name, or with no filter at all.
  const keep = filters.fields && filters.appDataKeys ? [...filters.fields, "AppMemberDefinedData"] : filters.fields;
  return pick(full, keep, ["Member_Account"]);
}

export interface GroupInfoFilters {
  /** undefined: no ResponseFilter at all, so everything is returned. */
  base: FieldFilter;
  members: FieldFilter;
  groupDataKeys: FieldFilter;
  memberDataKeys: FieldFilter;
  hasFilter: boolean;
}

/** Whether a get_group_info item lists the members; AVChatRoom keeps no member list to return (reference §3.3). */
export function listsMembers(group: Group, filters: GroupInfoFilters): boolean {
  return (!filters.hasFilter || filters.members !== undefined) && group.type !== "AVChatRoom";
}

/** One GroupInfo item of get_group_info: `members` is the member list, or only their number when the item lists none. */
export function groupInfoObject(
  group: Group,
  sdkAppId: number,
  members: Member[] | number,
  now: number,
  filters: GroupInfoFilters,
): Fields {
  const base = groupBaseFields(group, sdkAppId, typeof members === "number" ? members : members.length);
  const item: Fields = { GroupId: group.groupId, ErrorCode: 0, ErrorInfo: "" };
  if (!filters.hasFilter) Object.assign(item, base);
  else if (filters.base) Object.assign(item, pick(base, filters.base, []));

  const wantsGroupData = !filters.hasFilter || filters.groupDataKeys !== undefined || filters.base?.includes("AppDefinedData");
  if (wantsGroupData) item.AppDefinedData = filterKeys(group.appDefinedData, filters.groupDataKeys);

  if (typeof members !== "number" && listsMembers(group, filters)) {
    item.MemberList = members.map((m) => memberObject(m, now, { fields: filters.members, appDataKeys: filters.memberDataKeys }));
  }
  return item;
}

/** Extension: the shape of one join application. */
export function applicationObject(app: Application, groupName: string, requester: Account | undefined): Fields {
  const status = app.status === "pending" ? "Pending" : app.status === "approved" ? "Approved" : "Refused";
  return {
    ApplicationId: String(app.id),
    GroupId: app.groupId,
    GroupName: groupName,
    Requestor_Account: app.requester,
    Requestor_Nick: requester?.nick ?? "",
    Requestor_FaceUrl: requester?.faceUrl ?? "",
    ApplyMsg: app.message,
    ApplyTime: app.createdAt,
    Status: status,
    Handler_Account: app.handledBy ?? "",
    HandleTime: app.handledAt ?? 0,
    HandleMsg: app.reason ?? "",
  };
}
