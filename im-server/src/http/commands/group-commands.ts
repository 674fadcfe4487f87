// group_open_http_svc: groups as a whole — list, create, read, change, dismiss (reference §3.1–3.5).
import { decodeGroupCursor, encodeGroupCursor } from "../../domain/cursors";
import { Code, fail, invalid } from "../../domain/errors";
import { type Body, optEnum, optInt, optNameList, optObject, optString, reqArray, reqString } from "../../domain/fields";
import { parseCreateGroup } from "../../domain/group-profile";
import { LISTABLE_GROUP_TYPES } from "../../domain/group-types";
import { LIMITS } from "../../domain/limits";
import type { Actor, ServiceContext } from "../../services/context";
import { createGroup, destroyGroup, modifyGroup } from "../../services/groups";
import { JsonBytes } from "../envelope";
import { groupInfoAnswer } from "../group-info";
import type { GroupInfoFilters } from "../wire";
import type { CommandTable } from "./command";

/**
 * Operator attribution (From_Account): must be an imported account or the App admin itself;
 * defaults to the calling admin.
 */
export function attributedActor(ctx: ServiceContext, actor: Actor, body: Body, field = "From_Account"): Actor {
  const from = optString(body, field);
  if (from === undefined || from === "" || from === actor.userId) return actor;
  if (!ctx.store.accounts.exists(from)) fail(Code.ACCOUNT_NOT_FOUND, `${field} ${from} is not imported`);
  return { ...actor, userId: from };
}

export const groupCommands: CommandTable = {
  "group_open_http_svc/get_appid_group_list": {
    run: ({ ctx, body }) => {
      const limit = optInt(body, "Limit", 1, LIMITS.groupListPage) ?? LIMITS.groupListPage;
      const afterSeq = decodeGroupCursor(body.Next);
      const type = optEnum(body, "GroupType", LISTABLE_GROUP_TYPES);
      const page = ctx.store.groups.page(afterSeq, limit, type);
      const last = page.groups[page.groups.length - 1];
      return {
        TotalCount: ctx.store.groups.count(type),
        GroupIdList: page.groups.map((g) => ({ GroupId: g.groupId })),
        // A uint64 written as a raw JSON integer; 0 means the listing is complete.
        Next: page.more && last ? encodeGroupCursor(last.seq) : 0n,
      };
    },
  },

  "group_open_http_svc/create_group": {
    run: async ({ ctx, actor, body }) => {
      const group = await createGroup(ctx, actor, parseCreateGroup(body));
      return group.type === "Community" ? { Type: "Community", GroupId: group.groupId, HugeGroupFlag: 0 } : { GroupId: group.groupId };
    },
  },

  "group_open_http_svc/get_group_info": {
    run: ({ ctx, body }) => {
      const requested = reqArray(body, "GroupIdList");
      // Tencent answers more than 50 IDs with a parameter error, not "too many accounts".
      if (requested.length > LIMITS.groupInfoIds) invalid(`GroupIdList holds ${requested.length} IDs; at most ${LIMITS.groupInfoIds}`);
      if (requested.some((id) => typeof id !== "string")) invalid("GroupIdList must hold strings");
      const responseFilter = optObject(body, "ResponseFilter");
      const filters: GroupInfoFilters = {
        hasFilter: responseFilter !== undefined,
        base: optNameList(responseFilter, "GroupBaseInfoFilter"),
        members: optNameList(responseFilter, "MemberInfoFilter"),
        groupDataKeys: optNameList(responseFilter, "AppDefinedDataFilter_Group"),
        memberDataKeys: optNameList(responseFilter, "AppDefinedDataFilter_GroupMember"),
      };
      // Bytes, not objects: a whole answer splices each member list in as SQLite writes it (http/group-info.ts).
      return new JsonBytes(groupInfoAnswer(ctx.store, requested as string[], ctx.config.sdkAppId, ctx.now(), filters));
    },
  },

  "group_open_http_svc/modify_group_base_info": {
    run: ({ ctx, actor, body }) => {
      const groupId = reqString(body, "GroupId");
      modifyGroup(ctx, attributedActor(ctx, actor, body), groupId, body);
      return {};
    },
  },

  "group_open_http_svc/destroy_group": {
    run: ({ ctx, actor, body }) => {
      destroyGroup(ctx, actor, reqString(body, "GroupId"), "dismissed");
      return {};
    },
  },
};
