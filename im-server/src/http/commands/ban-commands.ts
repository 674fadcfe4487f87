// group_open_http_svc: bans (reference §9.2–§9.4). With IM_BAN_ENABLED=0 the three commands answer
// 10003, as on a Tencent edition without the feature, so a console can tell "no bans here".
import { Code, fail, invalid } from "../../domain/errors";
import { optInt, optString, reqString, stringList } from "../../domain/fields";
import { LIMITS, checkBytes } from "../../domain/limits";
import { banMembers, unbanMembers } from "../../services/bans";
import type { ServiceContext } from "../../services/context";
import { liveGroup } from "../../services/context";
import type { CommandTable } from "./command";

function requireBans(ctx: ServiceContext, command: string): void {
  if (ctx.config.banEnabled === false)
    fail(Code.INVALID_COMMAND, `${command} is not available: member banning is not enabled for this app`);
}

export const banCommands: CommandTable = {
  "group_open_http_svc/ban_group_member": {
    run: ({ ctx, actor, body }) => {
      requireBans(ctx, "ban_group_member");
      const groupId = reqString(body, "GroupId");
      const userIds = stringList(body, "Members_Account", LIMITS.banAccounts);
      const duration = optInt(body, "Duration", 1, 4294967295) ?? invalid("Duration is required");
      const description = optString(body, "Description") ?? "";
      checkBytes("Description", description, LIMITS.banDescription);
      banMembers(ctx, actor, groupId, userIds, duration, description);
      return {};
    },
  },

  "group_open_http_svc/unban_group_member": {
    run: ({ ctx, body }) => {
      requireBans(ctx, "unban_group_member");
      unbanMembers(ctx, reqString(body, "GroupId"), stringList(body, "Members_Account", LIMITS.banAccounts));
      return {};
    },
  },

  "group_open_http_svc/get_group_ban_member": {
    run: ({ ctx, body }) => {
      requireBans(ctx, "get_group_ban_member");
      const group = liveGroup(ctx, reqString(body, "GroupId"));
      const offset = optInt(body, "Offset", 0) ?? invalid("Offset is required");
      const limit = optInt(body, "Limit", 1, LIMITS.banPage) ?? LIMITS.banPage;
      const { items, total } = ctx.store.bans.active(group.groupId, ctx.now(), offset, limit);
      const end = offset + items.length;
      return {
        BannedAccountList: items.map((ban) => ({ Member_Account: ban.userId, BannedUntil: ban.bannedUntil })),
        NextOffset: end < total ? end : 0,
      };
    },
  },
};
