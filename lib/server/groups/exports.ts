import "server-only";
import { GROUPS_CSV_COLUMNS } from "@/lib/schemas/exports";
import type { Group, ListGroupsQuery } from "@/lib/schemas/group";
import { MEMBERS_CSV_COLUMNS, type MemberFilters } from "@/lib/schemas/member";
import type { Actor } from "@/lib/server/platform/actor";
import { csvStream, type CsvOutcome } from "@/lib/server/platform/csv";
import { log } from "@/lib/server/platform/log";
import { listGroups } from "./groups";
import { matcher, memberListOf } from "./member-list";
import { takeMemberRead } from "./member-read-limits";
import { nicknamesOf, readMemberPage, toMember } from "./member-roster";

/**
 * The CSV exports (docs/members.md § Exports): streamed page by page as the client reads, RFC 4180, UTF-8 with
 * a BOM, formula-safe (the platform's CSV helper). Exports are reads: not audited, but each one's end is logged
 * beside its request's line (same request ID) with how many rows went out and how it ended.
 */

/** Groups per directory read: the list's own query, so an export sees exactly what the list shows. */
const GROUP_BATCH = 1000;
/** Members per IM call while exporting (a sixth of Tencent's most, so the first bytes come early). */
const MEMBER_BATCH = 1000;

const today = () => new Date().toISOString().slice(0, 10);
/** A file name keeps to letters, digits, dash and underscore: group IDs hold `@`, `#` and worse. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 60);

function download(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

const logEnd = (what: string, actor: Actor, groupId?: string) => (o: CsvOutcome) =>
  log(o.outcome === "failed" ? "error" : "info", "export", {
    requestId: actor.requestId,
    userId: actor.user.id,
    export: what,
    ...(groupId ? { groupId } : {}),
    rows: o.rows,
    ms: o.ms,
    outcome: o.outcome,
    ...(o.error ? { error: o.error } : {}),
  });

const groupCells = (g: Group) => [
  g.id,
  g.name,
  g.type,
  g.joinOption,
  String(g.memberCount),
  String(g.maxMemberCount),
  g.ownerId,
  g.pendingApplications === null ? null : String(g.pendingApplications),
  g.createdAt,
  String(g.muteAll),
  g.introduction,
];

/**
 * GET /api/groups.csv: every group the list would show for these filters, in its order, read through the
 * list's own function a page at a time, as this actor: a scoped user's export holds their groups alone.
 */
export function exportGroupsCsv(filters: Omit<ListGroupsQuery, "cursor" | "limit">, actor: Actor): Response {
  let cursor: string | undefined;
  const next = async () => {
    const page = await listGroups({ ...filters, cursor, limit: GROUP_BATCH }, actor);
    cursor = page.nextCursor ?? undefined;
    return { records: page.items.map(groupCells), more: page.nextCursor !== null };
  };
  return download(csvStream(GROUPS_CSV_COLUMNS, next, logEnd("groups.csv", actor)), `groups-${today()}.csv`);
}

/**
 * GET /api/groups/{id}/members.csv: the members matching the list's filters, every one of them (an export is
 * not a keystroke: no 20,000 cap), read from the IM server a page at a time with their nicknames.
 */
export async function exportMembersCsv(groupId: string, filters: MemberFilters, actor: Actor): Promise<Response> {
  // Refusals (no such group, an AVChatRoom) come before the first byte, in the error contract.
  const group = await memberListOf(groupId);
  const community = group.type === "Community";
  let offset = 0;
  let nextAt = "";
  const next = async () => {
    const page = await readMemberPage(groupId, { community, offset, next: nextAt, limit: MEMBER_BATCH });
    offset += page.members.length;
    nextAt = page.next;
    const nicknames = await nicknamesOf(page.members.map((m) => m.userId));
    const matches = page.members.filter(matcher(filters, nicknames)).map((m) => toMember(m, nicknames));
    const more = community ? nextAt !== "" : page.members.length === MEMBER_BATCH && offset < page.total;
    return {
      records: matches.map((m) => [m.userId, m.nickname, m.role, m.joinedAt, m.mutedUntil === null ? "forever" : m.mutedUntil]),
      more,
    };
  };
  const name = `members-${safeName(groupId)}-${today()}.csv`;
  // The export holds one of its user's member-read slots until it ends, however it ends (docs/members.md § Limits).
  const release = takeMemberRead();
  const logged = logEnd("members.csv", actor, groupId);
  return download(
    csvStream(MEMBERS_CSV_COLUMNS, next, (o) => {
      release();
      logged(o);
    }),
    name,
  );
}
