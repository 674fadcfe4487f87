import { z } from "zod";
import type { Group, GroupType, JoinOption } from "@/lib/schemas/group";

/** Tencent's REST type names (the SDK and the console use the new names). */
const REST_TYPE: Record<GroupType, string> = {
  Work: "Private",
  Public: "Public",
  Meeting: "ChatRoom",
  Community: "Community",
  AVChatRoom: "AVChatRoom",
};
const CONSOLE_TYPE: Record<string, GroupType> = Object.fromEntries(Object.entries(REST_TYPE).map(([k, v]) => [v, k as GroupType]));

export const toRestType = (type: GroupType): string => REST_TYPE[type];
export function toConsoleType(restType: string): GroupType {
  const type = CONSOLE_TYPE[restType];
  if (!type) throw new Error(`unknown REST group type ${restType}`);
  return type;
}

export const wireGroupInfoSchema = z.object({
  GroupId: z.string(),
  ErrorCode: z.number().default(0),
  ErrorInfo: z.string().optional(),
  Type: z.string().optional(),
  Name: z.string().optional(),
  Introduction: z.string().optional(),
  Notification: z.string().optional(),
  FaceUrl: z.string().optional(),
  Owner_Account: z.string().optional(),
  CreateTime: z.number().optional(),
  MemberNum: z.number().optional(),
  MaxMemberNum: z.number().optional(),
  ApplyJoinOption: z.string().optional(),
  MuteAllMember: z.string().optional(),
  ShutUpAllMember: z.string().optional(),
  SupportTopic: z.number().optional(),
});
export type WireGroupInfo = z.infer<typeof wireGroupInfoSchema>;

/** get_group_info's ResponseFilter for what the console reads: without one, every member of every group comes back too. */
export const GROUP_INFO_FILTER = {
  GroupBaseInfoFilter: Object.keys(wireGroupInfoSchema.shape).filter((field) => !["GroupId", "ErrorCode", "ErrorInfo"].includes(field)),
};

const JOIN: readonly JoinOption[] = ["FreeAccess", "NeedPermission", "DisableApply"];

export function toGroup(w: WireGroupInfo): Group {
  const joinOption = JOIN.find((j) => j === w.ApplyJoinOption) ?? "FreeAccess";
  return {
    id: w.GroupId,
    name: w.Name ?? "",
    type: toConsoleType(w.Type ?? ""),
    ownerId: w.Owner_Account ? w.Owner_Account : null,
    memberCount: w.MemberNum ?? 0,
    maxMemberCount: w.MaxMemberNum ?? 0,
    joinOption,
    introduction: w.Introduction ?? "",
    notification: w.Notification ?? "",
    faceUrl: w.FaceUrl ?? "",
    muteAll: (w.MuteAllMember ?? w.ShutUpAllMember) === "On",
    supportTopic: w.SupportTopic === 1,
    createdAt: new Date((w.CreateTime ?? 0) * 1000).toISOString(),
    pendingApplications: null,
  };
}
