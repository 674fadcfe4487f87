import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import type { Group } from "@/lib/schemas/group";
import type { SettleProbe, UnsettledEntry, Verdict } from "@/lib/server/audit/settle";

const isGone = (err: unknown) => err instanceof ImError && (err.code === 10010 || err.code === 10015);

async function groupOrNull(im: ImGateway, id: string): Promise<Group | null> {
  try {
    return await im.getGroup(id);
  } catch (err) {
    if (isGone(err)) return null;
    throw err;
  }
}

/** Whether the members are where the change meant to put them; a group that is gone cannot say. */
async function memberVerdict(im: ImGateway, { action, groupId, target, after }: UnsettledEntry): Promise<Verdict> {
  if (!groupId || !target) return "unknown";
  const userIds = target.split(",");
  let roles: Map<string, string>;
  try {
    roles = await im.getRoles(groupId, userIds);
  } catch (err) {
    if (isGone(err)) return "unknown";
    throw err;
  }
  const inGroup = userIds.filter((id) => (roles.get(id) ?? "NotMember") !== "NotMember").length;
  if (action === "member.remove") return inGroup === 0 ? "ok" : "not_applied";
  if (action === "member.role") return roles.get(target) === after.role ? "ok" : "not_applied";
  // Some in and some out: those may have been members before, or refused by the app's backend.
  return inGroup === userIds.length ? "ok" : inGroup === 0 ? "not_applied" : "unknown";
}

/** What became of a group or member change whose audit entry has no result: the IM server's group says. */
export function groupSettleProbe(im: ImGateway): SettleProbe {
  return {
    actions: ["group.create", "group.dismiss", "group.update", "group.owner", "member.add", "member.remove", "member.role"],
    async verdict(entry) {
      const { action, groupId, target, after } = entry;
      if (action.startsWith("member.")) return memberVerdict(im, entry);
      if (!groupId) return "unknown";
      const g = await groupOrNull(im, groupId);
      switch (action) {
        case "group.create":
          return g ? "ok" : "not_applied";
        case "group.dismiss":
          return g ? "not_applied" : "ok";
        case "group.update":
          if (!g) return "unknown";
          return Object.entries(after).every(([k, v]) => g[k as keyof Group] === v) ? "ok" : "not_applied";
        case "group.owner":
          return g ? (g.ownerId === target ? "ok" : "not_applied") : "unknown";
        default:
          return "unknown";
      }
    },
  };
}
