import type { Role } from "@/lib/schemas/user";

export const ROLE_LABEL: Record<Role, string> = { viewer: "Viewer", moderator: "Moderator", admin: "Admin" };

export const ROLE_HINT: Record<Role, string> = {
  viewer: "Sees groups, members and applications",
  moderator: "Also approves and refuses applications, removes members",
  admin: "Also creates and changes groups, manages console users, reads the audit log",
};
