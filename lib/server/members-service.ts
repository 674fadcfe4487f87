import "server-only";
import type { AddResult } from "@/lib/im/members";
import type { Member } from "@/lib/schemas/member";
import type { Page } from "@/lib/schemas/group";
import type { SessionUser } from "@/lib/schemas/user";
import { ApiError } from "./api-error";
import { getContext } from "./context";
import { publishEvent } from "./live/bus";
import { getGroupDetail } from "./group-admin-service";
import { audited } from "./audited";
import { syncGroup } from "./groups-service";

type Actor = { actor: SessionUser; requestId: string };

const NO_MEMBER_LIST = "AVChatRoom groups keep no member list: users join by themselves and are not listed or added here";

/** Member pages: Community pages with the IM server's string cursor, the other types with an offset. */
function encodeCursor(v: string | number) {
  return Buffer.from(JSON.stringify({ v })).toString("base64url");
}
function decodeCursor(raw: string): string | number {
  try {
    const { v } = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if ((typeof v === "number" && Number.isInteger(v) && v >= 0) || typeof v === "string") return v;
  } catch {
    /* fall through */
  }
  throw ApiError.because("bad_request", "badCursor", "That page cursor is not valid; start from the first page");
}

export async function listMembers(groupId: string, query: { cursor?: string; limit: number }): Promise<Page<Member>> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "noMemberList", NO_MEMBER_LIST);
  const community = group.type === "Community";
  const at = query.cursor ? decodeCursor(query.cursor) : community ? "" : 0;
  const page = await im.listMembers(groupId, { limit: query.limit, community, offset: typeof at === "number" ? at : 0, next: typeof at === "string" ? at : "" });
  const profiles = await im.getProfiles(page.members.map((m) => m.userId));
  const items = page.members.map((m) => ({ ...m, nickname: profiles.get(m.userId)?.nickname ?? "" }));
  const offset = typeof at === "number" ? at + items.length : 0;
  const nextCursor = community ? (page.next ? encodeCursor(page.next) : null) : offset < page.total && items.length > 0 ? encodeCursor(offset) : null;
  return { items, nextCursor, total: page.total };
}

/** Adds (for Work groups: invites) users; every user gets its own result. */
export async function addMembers(groupId: string, userIds: string[], { actor, requestId }: Actor): Promise<{ results: AddResult[] }> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "noMemberList", NO_MEMBER_LIST);
  return audited({ actor, action: "member.add", groupId, target: userIds.join(","), requestId }, async () => {
    const results = await im.addMembers(groupId, userIds);
    await syncGroup(groupId);
    for (const r of results) if (r.result === "added") publishEvent({ type: "member.joined", groupId, userId: r.userId });
    return { results };
  }, (r) => ({ after: r.results }));
}

export async function removeMember(groupId: string, userId: string, reason: string | undefined, { actor, requestId }: Actor): Promise<void> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "noMemberList", NO_MEMBER_LIST);
  if (group.ownerId === userId) throw ApiError.because("validation", "ownerNotRemovable", "The owner cannot be removed; transfer ownership first");
  await audited({ actor, action: "member.remove", groupId, target: userId, after: reason ? { reason } : undefined, requestId }, async () => {
    await im.removeMembers(groupId, [userId], reason);
    await syncGroup(groupId);
    publishEvent({ type: "member.left", groupId, userId });
  });
}

export async function setMemberRole(groupId: string, userId: string, role: "Admin" | "Member", { actor, requestId }: Actor): Promise<{ userId: string; role: string }> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "noMemberList", NO_MEMBER_LIST);
  if (group.type === "Work") throw ApiError.because("validation", "workNoAdmins", "Work groups have no admins: only the owner and members");
  if (group.ownerId === userId) throw ApiError.because("validation", "ownerRoleFixed", "The owner's role cannot be changed; transfer ownership instead");
  return audited({ actor, action: "member.role", groupId, target: userId, after: { role }, requestId }, async () => {
    await im.setMemberRole(groupId, userId, role);
    publishEvent({ type: "group.updated", groupId, userId });
    return { userId, role };
  });
}
