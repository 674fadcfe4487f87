import { z } from "zod";
import type { CreateGroupInput, Group, GroupPatch, GroupType } from "@/lib/schemas/group";
import { ImError } from "./errors";
import { GROUP_INFO_FILTER, toGroup, toRestType, wireGroupInfoSchema } from "./group-wire";
import type { ImSend } from "./transport";

const GROUP_INFO_BATCH = 50;

const idListSchema = z.object({
  TotalCount: z.number(),
  GroupIdList: z.array(z.object({ GroupId: z.string() })).default([]),
  Next: z.union([z.string(), z.number()]).transform(String),
});

export type GroupIdPage = { ids: string[]; next: string; total: number };

export function groupCommands(send: ImSend) {
  return {
    /** One page of group IDs; `next` is Tencent's uint64 cursor as a decimal string, "0" when done. */
    async listGroupIds(opts: { limit: number; next?: string; type?: GroupType }): Promise<GroupIdPage> {
      const env = await send("group_open_http_svc/get_appid_group_list", {
        Limit: opts.limit,
        Next: opts.next ?? "0",
        ...(opts.type ? { GroupType: toRestType(opts.type) } : {}),
      });
      const page = idListSchema.parse(env);
      return { ids: page.GroupIdList.map((g) => g.GroupId), next: page.Next, total: page.TotalCount };
    },

    /** Profiles of many groups, 50 per call; groups that are gone are left out. */
    async getGroups(ids: string[]): Promise<Group[]> {
      const out: Group[] = [];
      for (let i = 0; i < ids.length; i += GROUP_INFO_BATCH) {
        const env = await send("group_open_http_svc/get_group_info", {
          GroupIdList: ids.slice(i, i + GROUP_INFO_BATCH),
          ResponseFilter: GROUP_INFO_FILTER,
        });
        const infos = z.array(wireGroupInfoSchema).parse(env.GroupInfo ?? []);
        for (const info of infos) if (info.ErrorCode === 0) out.push(toGroup(info));
      }
      return out;
    },

    async getGroup(id: string): Promise<Group> {
      const env = await send("group_open_http_svc/get_group_info", { GroupIdList: [id], ResponseFilter: GROUP_INFO_FILTER });
      const [info] = z.array(wireGroupInfoSchema).parse(env.GroupInfo ?? []);
      if (!info) throw new ImError(10010, "group not found", "group_open_http_svc/get_group_info");
      if (info.ErrorCode !== 0) throw new ImError(info.ErrorCode, info.ErrorInfo ?? "", "group_open_http_svc/get_group_info");
      return toGroup(info);
    },

    async modifyGroup(id: string, patch: GroupPatch): Promise<void> {
      await send("group_open_http_svc/modify_group_base_info", {
        GroupId: id,
        ...(patch.name !== undefined ? { Name: patch.name } : {}),
        ...(patch.introduction !== undefined ? { Introduction: patch.introduction } : {}),
        ...(patch.notification !== undefined ? { Notification: patch.notification } : {}),
        ...(patch.faceUrl !== undefined ? { FaceUrl: patch.faceUrl } : {}),
        ...(patch.joinOption !== undefined ? { ApplyJoinOption: patch.joinOption } : {}),
        ...(patch.muteAll !== undefined ? { MuteAllMember: patch.muteAll ? "On" : "Off" } : {}),
        ...(patch.maxMemberCount !== undefined ? { MaxMemberNum: patch.maxMemberCount } : {}),
      });
    },

    async destroyGroup(id: string): Promise<void> {
      await send("group_open_http_svc/destroy_group", { GroupId: id });
    },

    async changeOwner(id: string, newOwnerId: string): Promise<void> {
      await send("group_open_http_svc/change_group_owner", { GroupId: id, NewOwner_Account: newOwnerId });
    },

    /** Reaches members as onReceiveRESTCustomData; no user IDs = everyone. */
    async sendSystemNotification(id: string, content: string, userIds?: string[]): Promise<void> {
      await send("group_open_http_svc/send_group_system_notification", {
        GroupId: id,
        Content: content,
        ...(userIds?.length ? { ToMembers_Account: userIds } : {}),
      });
    },

    async createGroup(input: CreateGroupInput): Promise<string> {
      const env = await send("group_open_http_svc/create_group", {
        Type: toRestType(input.type),
        Name: input.name,
        ...(input.id ? { GroupId: input.id } : {}),
        ...(input.ownerId ? { Owner_Account: input.ownerId } : {}),
        ...(input.joinOption ? { ApplyJoinOption: input.joinOption } : {}),
        ...(input.introduction ? { Introduction: input.introduction } : {}),
        ...(input.notification ? { Notification: input.notification } : {}),
        ...(input.faceUrl ? { FaceUrl: input.faceUrl } : {}),
        ...(input.maxMemberCount ? { MaxMemberCount: input.maxMemberCount } : {}),
        ...(input.supportTopic !== undefined ? { SupportTopic: input.supportTopic ? 1 : 0 } : {}),
        ...(input.memberIds?.length ? { MemberList: input.memberIds.map((id) => ({ Member_Account: id })) } : {}),
      });
      return z.object({ GroupId: z.string() }).parse(env).GroupId;
    },
  };
}
