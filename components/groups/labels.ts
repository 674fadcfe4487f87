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

export const SORT_LABEL: Record<string, string> = {
  "-created": "Newest first",
  created: "Oldest first",
  name: "Name A→Z",
  "-name": "Name Z→A",
  "-members": "Most members",
  members: "Fewest members",
  "-pending": "Most pending applications",
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
/** "3 minutes ago": the unit grows with the distance. */
export function formatAge(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [["second", 60], ["minute", 60], ["hour", 24], ["day", 30], ["month", 12], ["year", Infinity]];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return relative.format(value, unit);
    value = Math.round(value / size);
  }
  return relative.format(value, "year");
}
