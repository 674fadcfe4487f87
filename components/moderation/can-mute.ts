import type { GroupType } from "@/lib/schemas/group";

/** Work groups cannot mute a member (the IM server refuses, as Tencent does): mute-all is what they have. */
export const canMuteMembers = (type: GroupType) => type !== "Work";
