import type { GroupType, JoinOption } from "@/lib/schemas/group";

export const TYPE_LABEL: Record<GroupType, string> = {
  Work: "Work",
  Public: "Public",
  Meeting: "Meeting",
  Community: "Community",
  AVChatRoom: "AVChatRoom",
};

export const TYPE_HINT: Record<GroupType, string> = {
  Work: "Members invite others; nobody can apply",
  Public: "Users apply; the owner or an admin approves",
  Meeting: "Anyone may join freely",
  Community: "Anyone may join freely; large, with optional topics",
  AVChatRoom: "Live-stream room: anyone joins, no member list",
};

export const JOIN_LABEL: Record<JoinOption, string> = {
  FreeAccess: "Anyone can join",
  NeedPermission: "Needs approval",
  DisableApply: "Invitation only",
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
