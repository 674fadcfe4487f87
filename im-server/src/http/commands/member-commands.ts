// group_open_http_svc: members — read, add, remove, roles, owner, mutes, notifications,
// joined groups (reference §3.6–3.13, §8).
import { decodeStringCursor, encodeStringCursor } from "../../domain/cursors";
import { Code, fail, invalid } from "../../domain/errors";
import { type Body, optEnum, optInt, optNameList, optObject, optString, reqArray, reqString, stringList } from "../../domain/fields";
import { LIMITS, checkBytes } from "../../domain/limits";
import { LISTABLE_GROUP_TYPES, MEMBER_ROLES, type MemberRole, isMemberRole } from "../../domain/group-types";
import { parseKeyValues } from "../../domain/group-profile";
import { checkRestMemberManagement } from "../../domain/group-rules";
import { liveGroup } from "../../services/context";
import { changeOwner, modifyMember, muteMembers, sendSystemNotification } from "../../services/member-admin";
import { inviteMembers, removeMembers } from "../../services/membership";
import { requireAccounts } from "../../services/groups";
import { groupBaseFields, memberObject } from "../wire";
import type { CommandTable } from "./command";
import { attributedActor } from "./group-commands";

function silence(body: Body): boolean {
  return optInt(body, "Silence", 0, 1) === 1;
}

const MSG_FLAGS = ["AcceptAndNotify", "AcceptNotNotify", "Discard"] as const;
const OUTCOME_CODES = { refused: 0, added: 1, already: 2 } as const;

export const memberCommands: CommandTable = {
  "group_open_http_svc/get_group_member_info": {
    run: ({ ctx, body }) => {
      const group = liveGroup(ctx, reqString(body, "GroupId"));
      checkRestMemberManagement(group.type);
      const roleFilter = optNameList(body, "MemberRoleFilter");
      if (roleFilter?.some((role) => !isMemberRole(role))) invalid(`MemberRoleFilter may hold ${MEMBER_ROLES.join(", ")}`);
      const limit = optInt(body, "Limit", 1, LIMITS.memberPage);
      // Community pages with an opaque `Next` string instead of Offset (reference §3.6).
      const community = group.type === "Community";
      // "0" is tolerated as a first page from clients that send a number.
      const nextRaw = community ? (optString(body, "Next") ?? "").replace(/^0$/, "") : "";
      const offset = community ? (nextRaw ? (decodeStringCursor(nextRaw, ["number"])[0] as number) : 0) : (optInt(body, "Offset") ?? 0);
      const roles = (roleFilter ?? []) as MemberRole[];
      const members = ctx.store.members.list(group.groupId, { roles, offset, limit });
      const matching = ctx.store.members.countByRoles(group.groupId, roles);
      const now = ctx.now();
      const filters = { fields: optNameList(body, "MemberInfoFilter"), appDataKeys: optNameList(body, "AppDefinedDataFilter_GroupMember") };
      const end = offset + members.length;
      return {
        MemberNum: ctx.store.members.count(group.groupId),
        MemberList: members.map((m) => memberObject(m, now, filters)),
        ...(community ? { Next: end < matching ? encodeStringCursor([end]) : "" } : {}),
      };
    },
  },

  "group_open_http_svc/add_group_member": {
    run: async ({ ctx, actor, body }) => {
      const groupId = reqString(body, "GroupId");
      const list = reqArray(body, "MemberList");
      if (list.length > LIMITS.addMembers)
        fail(Code.TOO_MANY_ACCOUNTS, `MemberList holds ${list.length} members; at most ${LIMITS.addMembers}`);
      const userIds = [...new Set(list.map((item) => reqString((item ?? {}) as Body, "Member_Account")))];
      const outcomes = await inviteMembers(ctx, actor, groupId, userIds, { silence: silence(body) });
      return { MemberList: outcomes.map((o) => ({ Member_Account: o.userId, Result: OUTCOME_CODES[o.outcome] })) };
    },
  },

  "group_open_http_svc/delete_group_member": {
    run: ({ ctx, actor, body }) => {
      const groupId = reqString(body, "GroupId");
      const userIds = stringList(body, "MemberToDel_Account", LIMITS.deleteMembers);
      const reason = optString(body, "Reason");
      removeMembers(ctx, actor, groupId, userIds, { silence: silence(body), reason });
      return {};
    },
  },

  "group_open_http_svc/get_joined_group_list": {
    run: ({ ctx, body }) => {
      const userId = reqString(body, "Member_Account");
      requireAccounts(ctx, [userId]);
      const type = optEnum(body, "GroupType", LISTABLE_GROUP_TYPES);
      const supportTopic = optInt(body, "SupportTopic", 0, 1) === 1;
      if (supportTopic && type !== "Community") invalid("SupportTopic requires GroupType Community");
      const responseFilter = optObject(body, "ResponseFilter");
      const baseFilter = optNameList(responseFilter, "GroupBaseInfoFilter");
      const selfFilter = optNameList(responseFilter, "SelfInfoFilter");
      const result = ctx.store.members.joined(userId, {
        type,
        includeAVChatRoom: optInt(body, "WithHugeGroups", 0, 1) === 1,
        topicCommunities: supportTopic,
        offset: optInt(body, "Offset") ?? 0,
        limit: optInt(body, "Limit", 1, LIMITS.joinedGroupsPage),
      });
      const now = ctx.now();
      return {
        TotalCount: result.total,
        GroupIdList: result.items.map((membership) => {
          const group = ctx.store.groups.get(membership.groupId)!;
          const item: Record<string, unknown> = { GroupId: group.groupId };
          if (baseFilter) {
            const base = groupBaseFields(group, ctx.config.sdkAppId, ctx.store.members.count(group.groupId));
            for (const field of baseFilter) if (field in base) item[field] = base[field];
          }
          const self = memberObject(membership, now, { fields: undefined, appDataKeys: undefined });
          delete self.Member_Account;
          item.SelfInfo = selfFilter ? Object.fromEntries(Object.entries(self).filter(([key]) => selfFilter.includes(key))) : self;
          return item;
        }),
      };
    },
  },

  "group_open_http_svc/get_role_in_group": {
    run: ({ ctx, body }) => {
      const group = liveGroup(ctx, reqString(body, "GroupId"));
      checkRestMemberManagement(group.type);
      const userIds = stringList(body, "User_Account", LIMITS.roleQueryAccounts);
      return {
        UserIdList: userIds.map((id) => ({ Member_Account: id, Role: ctx.store.members.role(group.groupId, id) ?? "NotMember" })),
      };
    },
  },

  "group_open_http_svc/change_group_owner": {
    run: ({ ctx, actor, body }) => {
      changeOwner(ctx, attributedActor(ctx, actor, body), reqString(body, "GroupId"), reqString(body, "NewOwner_Account"));
      return {};
    },
  },

  "group_open_http_svc/modify_group_member_info": {
    run: ({ ctx, actor, body }) => {
      const groupId = reqString(body, "GroupId");
      const userId = reqString(body, "Member_Account");
      const nameCard = optString(body, "NameCard");
      if (nameCard !== undefined) checkBytes("NameCard", nameCard, LIMITS.nameCard);
      modifyMember(ctx, attributedActor(ctx, actor, body), groupId, userId, {
        role: optEnum(body, "Role", ["Admin", "Member"] as const),
        nameCard,
        msgFlag: optEnum(body, "MsgFlag", MSG_FLAGS),
        muteTime: optInt(body, "MuteTime", 0, 4294967295) ?? optInt(body, "ShutUpTime", 0, 4294967295),
        data: parseKeyValues(body, "AppMemberDefinedData", LIMITS.memberDataKey, LIMITS.memberDataValue),
      });
      return {};
    },
  },

  "group_open_http_svc/forbid_send_msg": {
    run: ({ ctx, actor, body }) => {
      const groupId = reqString(body, "GroupId");
      const userIds = stringList(body, "Members_Account", LIMITS.muteAccounts);
      const muteTime = optInt(body, "MuteTime", 0, 4294967295) ?? optInt(body, "ShutUpTime", 0, 4294967295);
      if (muteTime === undefined) invalid("MuteTime is required");
      muteMembers(ctx, actor, groupId, userIds, muteTime);
      return {};
    },
  },

  "group_open_http_svc/get_group_muted_account": {
    run: ({ ctx, body }) => {
      const group = liveGroup(ctx, reqString(body, "GroupId"));
      return {
        GroupId: group.groupId,
        MutedAccountList: ctx.store.members
          .muted(group.groupId, ctx.now())
          .map((m) => ({ Member_Account: m.userId, MutedUntil: m.muteUntil })),
      };
    },
  },

  "group_open_http_svc/send_group_system_notification": {
    run: ({ ctx, actor, body }) => {
      const groupId = reqString(body, "GroupId");
      const content = reqString(body, "Content");
      checkBytes("Content", content, LIMITS.systemNotification);
      const to = stringList(body, "ToMembers_Account", LIMITS.muteAccounts, false);
      sendSystemNotification(ctx, actor, groupId, content, to.length ? to : undefined);
      return {};
    },
  },
};
