// Test helper: a group as the directory holds it, every field filled with a plain value unless the test says.
import type { Group } from "@/lib/schemas/group";

export const directoryGroup = (g: Pick<Group, "id"> & Partial<Group>): Group => ({
  name: g.id,
  type: "Public",
  ownerId: "owner",
  memberCount: 1,
  maxMemberCount: 2000,
  joinOption: "NeedPermission",
  introduction: "",
  notification: "",
  faceUrl: "",
  muteAll: false,
  supportTopic: false,
  createdAt: "2025-01-01T00:00:00.000Z",
  pendingApplications: 0,
  ...g,
});
