import { z } from "zod";
import type { ImSend } from "./transport";

export type MemberRole = "Owner" | "Admin" | "Member";
/** add_group_member's per-user Result: 0 failed, 1 added, 2 already a member, 3 waiting for the invitee. */
export type AddResult = { userId: string; result: "failed" | "added" | "already_member" | "invited" };

const ADD_RESULT = ["failed", "added", "already_member", "invited"] as const;

const wireMemberSchema = z.object({
  Member_Account: z.string(),
  Role: z.enum(["Owner", "Admin", "Member"]).catch("Member"),
  JoinTime: z.number().default(0),
  // Unix seconds the mute ends; 0 when not muted, 4294967295 for a mute without end (reference §9.5).
  MuteUntil: z.number().default(0),
});

/** The most users one get_role_in_group asks about (Tencent's limit; the local IM server enforces it too). */
export const ROLE_QUERY_MAX = 500;

const roleListSchema = z.array(
  z.object({ Member_Account: z.string(), Role: z.enum(["Owner", "Admin", "Member", "NotMember"]).catch("NotMember") }),
);

/** The most members one get_group_member_info answers (reference §3.6). */
export const MEMBER_PAGE_MAX = 6000;

export function memberCommands(send: ImSend) {
  return {
    /**
     * A page of members (at most MEMBER_PAGE_MAX); Community groups page with the string cursor `next`, the
     * others with an offset. Only the fields the console shows are asked for, the mute's end among them.
     */
    async listMembers(groupId: string, opts: { limit: number; offset?: number; next?: string; community: boolean }) {
      const env = await send("group_open_http_svc/get_group_member_info", {
        GroupId: groupId,
        Limit: opts.limit,
        MemberInfoFilter: ["Role", "JoinTime", "MuteUntil"],
        ...(opts.community ? { Next: opts.next ?? "" } : { Offset: opts.offset ?? 0 }),
      });
      const page = z
        .object({ MemberNum: z.number(), MemberList: z.array(wireMemberSchema).default([]), Next: z.string().optional() })
        .parse(env);
      return {
        total: page.MemberNum,
        next: page.Next ?? "",
        members: page.MemberList.map((m) => ({
          userId: m.Member_Account,
          role: m.Role,
          joinedAt: new Date(m.JoinTime * 1000).toISOString(),
          muteUntil: m.MuteUntil,
        })),
      };
    },

    async addMembers(groupId: string, userIds: string[]): Promise<AddResult[]> {
      const env = await send("group_open_http_svc/add_group_member", {
        GroupId: groupId,
        MemberList: userIds.map((id) => ({ Member_Account: id })),
      });
      const list = z.array(z.object({ Member_Account: z.string(), Result: z.number() })).parse(env.MemberList ?? []);
      return list.map((m) => ({ userId: m.Member_Account, result: ADD_RESULT[m.Result] ?? "failed" }));
    },

    async removeMembers(groupId: string, userIds: string[], reason?: string): Promise<void> {
      await send("group_open_http_svc/delete_group_member", {
        GroupId: groupId,
        MemberToDel_Account: userIds,
        ...(reason ? { Reason: reason } : {}),
      });
    },

    async setMemberRole(groupId: string, userId: string, role: "Admin" | "Member"): Promise<void> {
      await send("group_open_http_svc/modify_group_member_info", { GroupId: groupId, Member_Account: userId, Role: role });
    },

    /**
     * Each user's role in the group, "NotMember" for the others: as many calls as the list needs, ROLE_QUERY_MAX
     * users each (a group's 800 pending requesters asked in one call would be refused whole).
     */
    async getRoles(groupId: string, userIds: string[]): Promise<Map<string, MemberRole | "NotMember">> {
      const roles = new Map<string, MemberRole | "NotMember">();
      for (let i = 0; i < userIds.length; i += ROLE_QUERY_MAX) {
        const batch = userIds.slice(i, i + ROLE_QUERY_MAX);
        const env = await send("group_open_http_svc/get_role_in_group", { GroupId: groupId, User_Account: batch });
        for (const u of roleListSchema.parse(env.UserIdList ?? [])) roles.set(u.Member_Account, u.Role);
      }
      return roles;
    },

    /** The groups a user is in (AVChatRooms left out, as Tencent does by default), with their role in each. */
    async joinedGroups(
      userId: string,
      limit: number,
    ): Promise<{ total: number; items: { id: string; name: string; type: string; role: string; muteUntil: number }[] }> {
      const env = await send("group_open_http_svc/get_joined_group_list", {
        Member_Account: userId,
        Limit: limit,
        Offset: 0,
        ResponseFilter: { GroupBaseInfoFilter: ["Type", "Name"], SelfInfoFilter: ["Role", "MuteUntil"] },
      });
      const page = z
        .object({
          TotalCount: z.number().default(0),
          GroupIdList: z
            .array(
              z.object({
                GroupId: z.string(),
                Name: z.string().default(""),
                Type: z.string().default(""),
                // MuteUntil: Unix seconds, 0 when not muted (a member field, as in get_group_member_info).
                SelfInfo: z
                  .object({ Role: z.string().default("Member"), MuteUntil: z.number().default(0) })
                  .default({ Role: "Member", MuteUntil: 0 }),
              }),
            )
            .default([]),
        })
        .parse(env);
      return {
        total: page.TotalCount,
        items: page.GroupIdList.map((g) => ({
          id: g.GroupId,
          name: g.Name,
          type: g.Type,
          role: g.SelfInfo.Role,
          muteUntil: g.SelfInfo.MuteUntil,
        })),
      };
    },

    /** Nicknames and faces (≤100 per call). */
    async getProfiles(userIds: string[]): Promise<Map<string, { nickname: string; faceUrl: string }>> {
      const out = new Map<string, { nickname: string; faceUrl: string }>();
      for (let i = 0; i < userIds.length; i += 100) {
        const env = await send("profile/portrait_get", {
          To_Account: userIds.slice(i, i + 100),
          TagList: ["Tag_Profile_IM_Nick", "Tag_Profile_IM_Image"],
        });
        const items = z
          .array(z.object({ To_Account: z.string(), ProfileItem: z.array(z.object({ Tag: z.string(), Value: z.unknown() })).default([]) }))
          .parse(env.UserProfileItem ?? []);
        for (const item of items) {
          const tag = (t: string) => String(item.ProfileItem.find((p) => p.Tag === t)?.Value ?? "");
          out.set(item.To_Account, { nickname: tag("Tag_Profile_IM_Nick"), faceUrl: tag("Tag_Profile_IM_Image") });
        }
      }
      return out;
    },
  };
}
