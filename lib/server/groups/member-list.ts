import "server-only";
import { ImError } from "@/lib/im/errors";
import type { Group } from "@/lib/schemas/group";
import type { ListMembersQuery, MemberFilters, MemberPage } from "@/lib/schemas/member";
import { getDirectoryGroup } from "@/lib/server/directory";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { getGroupDetail } from "./admin";
import type { RosterMember } from "./member-cache";
import { nicknamesOf, readMemberPage, readRoster, toMember } from "./member-roster";

/** The IM server's "a request parameter is not valid" (reference §6). */
const IM_INVALID_PARAMETER = 10004;

export const NO_MEMBER_LIST = "AVChatRoom groups keep no member list: users join by themselves and are not listed or added here";

/**
 * The group whose members are asked for, and whether it has a list at all. The directory's copy is enough (a
 * group's type never changes) and costs no IM call per keystroke; a group it does not know is read live.
 */
export async function memberListOf(groupId: string): Promise<Pick<Group, "id" | "type">> {
  const group = (await getDirectoryGroup(getContext().db, groupId)) ?? (await getGroupDetail(groupId));
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "noMemberList", NO_MEMBER_LIST);
  return group;
}

export const hasFilters = (f: MemberFilters) => f.q !== undefined || f.role !== undefined || f.muted !== undefined;

/** Whether one member matches the filters: `q` in the user ID or the nickname, without case. */
export function matcher(f: MemberFilters, nicknames: Map<string, string>, nowSeconds = Date.now() / 1000) {
  const q = f.q?.toLowerCase();
  return (m: RosterMember) =>
    (f.role === undefined || m.role === f.role) &&
    (f.muted === undefined || m.muteUntil > nowSeconds === f.muted) &&
    (q === undefined || m.userId.toLowerCase().includes(q) || (nicknames.get(m.userId) ?? "").toLowerCase().includes(q));
}

/**
 * Cursors: without filters the IM server's own position (an offset, or a Community's `Next`); with filters an
 * offset into the matches, bound to the filters it was made for (another search's cursor is refused).
 */
/** Far past any group's size (a Community holds at most 100,000, reference §2): a bigger offset is forged. */
const MAX_OFFSET = 10_000_000;
const BAD_CURSOR = "That page cursor is not valid for this list; start from the first page";
type Cursor = { v: string | number; f?: string };
const filterKey = (f: MemberFilters) => JSON.stringify([f.q ?? "", f.role ?? "", f.muted ?? ""]);
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

function decodeCursor(raw: string, filters: string | undefined): string | number {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    const offset = typeof c?.v === "number" && Number.isSafeInteger(c.v) && c.v >= 0 && c.v <= MAX_OFFSET;
    if ((offset || (typeof c?.v === "string" && filters === undefined)) && c.f === filters) return c.v;
  } catch {
    /* fall through */
  }
  throw ApiError.because("bad_request", "badCursor", BAD_CURSOR);
}

/** GET /api/groups/{id}/members: a page as the IM server has it, or the matches of a search over the roster. */
export async function listMembers(groupId: string, query: ListMembersQuery): Promise<MemberPage> {
  const group = await memberListOf(groupId);
  const community = group.type === "Community";
  return hasFilters(query) ? searchMembers(groupId, community, query) : pageOfMembers(groupId, community, query);
}

async function pageOfMembers(groupId: string, community: boolean, query: ListMembersQuery): Promise<MemberPage> {
  const at = query.cursor ? decodeCursor(query.cursor, undefined) : community ? "" : 0;
  // A Community pages by the IM server's `Next`, the others by offset: the other kind is a forged cursor.
  if ((typeof at === "number") === community) throw ApiError.because("bad_request", "badCursor", BAD_CURSOR);
  const page = await readMemberPage(groupId, {
    limit: query.limit,
    community,
    offset: typeof at === "number" ? at : 0,
    next: typeof at === "string" ? at : "",
  }).catch((err: unknown) => {
    // A Community's `Next` is the IM server's own token: one it cannot read was forged or has expired.
    if (err instanceof ImError && err.code === IM_INVALID_PARAMETER && query.cursor)
      throw ApiError.because("bad_request", "badCursor", BAD_CURSOR);
    throw err;
  });
  const nicknames = await nicknamesOf(page.members.map((m) => m.userId));
  const items = page.members.map((m) => toMember(m, nicknames));
  const offset = typeof at === "number" ? at + items.length : 0;
  const nextCursor = community
    ? page.next
      ? encodeCursor({ v: page.next })
      : null
    : offset < page.total && items.length > 0
      ? encodeCursor({ v: offset })
      : null;
  return { items, nextCursor, total: page.total };
}

async function searchMembers(groupId: string, community: boolean, query: ListMembersQuery): Promise<MemberPage> {
  const key = filterKey(query);
  const from = query.cursor ? (decodeCursor(query.cursor, key) as number) : 0;
  const roster = await readRoster(groupId, community);
  // Nicknames of everyone only when a search needs them; role and mute filters need them for the page alone.
  const searched = query.q !== undefined ? await nicknamesOf(roster.members.map((m) => m.userId)) : new Map<string, string>();
  const matches = roster.members.filter(matcher(query, searched));
  const slice = matches.slice(from, from + query.limit);
  const nicknames = query.q !== undefined ? searched : await nicknamesOf(slice.map((m) => m.userId));
  const end = from + slice.length;
  return {
    items: slice.map((m) => toMember(m, nicknames)),
    nextCursor: end < matches.length ? encodeCursor({ v: end, f: key }) : null,
    total: matches.length,
    details: { partial: roster.partial, scanned: roster.members.length },
  };
}
