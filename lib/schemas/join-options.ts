// Which join options each group type takes, apart from zod: the group page's join settings read it in
// the browser, the schemas (lib/schemas/group.ts re-exports it) on the server.
import type { GROUP_TYPES, JOIN_OPTIONS } from "./constants";

type GroupType = (typeof GROUP_TYPES)[number];
type JoinOption = (typeof JOIN_OPTIONS)[number];

/** The join options each type allows (docs/group-system.md § Join options); the first is the type's default. */
export const JOIN_OPTIONS_BY_TYPE: Record<GroupType, readonly JoinOption[]> = {
  Work: ["DisableApply"],
  Public: ["NeedPermission", "FreeAccess", "DisableApply"],
  Meeting: ["FreeAccess"],
  Community: ["FreeAccess"],
  AVChatRoom: ["FreeAccess"],
};

/** Why a type cannot take a join option: a translation key for the editor, English words for the 422. */
export function joinOptionRefusal(
  type: GroupType,
  option: JoinOption,
): { key: string; values: { type: GroupType }; message: string } | null {
  if (JOIN_OPTIONS_BY_TYPE[type].includes(option)) return null;
  if (type === "Work")
    return { key: "joinWorkOnly", values: { type }, message: "Work groups are invitation only: members invite others, nobody can apply" };
  return {
    key: "joinAlwaysFree",
    values: { type },
    message: `${type} groups are always free to join; their join option cannot be changed`,
  };
}
