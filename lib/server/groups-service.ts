import "server-only";
import { ImError } from "@/lib/im/errors";
import type { CreateGroupInput, Group, ListGroupsQuery, Page } from "@/lib/schemas/group";
import type { SessionUser } from "@/lib/schemas/user";
import { ApiError } from "./api-error";
import { recordIntent, recordResult } from "./audit";
import { getContext } from "./context";
import { apiErrorFromIm } from "./im-error-words";

/** Opaque list cursor: the IM server's uint64 `Next`, bound to the filter it was made for. */
function encodeCursor(next: string, type: string | undefined): string {
  return Buffer.from(JSON.stringify({ n: next, t: type ?? null })).toString("base64url");
}

function decodeCursor(cursor: string, type: string | undefined): string {
  try {
    const { n, t } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof n === "string" && /^\d{1,20}$/.test(n) && (t ?? undefined) === type) return n;
  } catch {
    /* fall through */
  }
  throw new ApiError("bad_request", "That page cursor is not valid for this list; start from the first page");
}

/** A page of groups read straight from the IM server: IDs by `get_appid_group_list`, then profiles in batches of 50. */
export async function listGroups(query: ListGroupsQuery): Promise<Page<Group>> {
  const { im } = getContext();
  const next = query.cursor ? decodeCursor(query.cursor, query.type) : undefined;
  const page = await im.listGroupIds({ limit: query.limit, next, type: query.type });
  const groups = await im.getGroups(page.ids);
  return { items: groups, nextCursor: page.next === "0" ? null : encodeCursor(page.next, query.type), total: page.total };
}

export async function createGroup(input: CreateGroupInput, actor: SessionUser, requestId: string): Promise<Group> {
  const { db, im } = getContext();
  const auditId = recordIntent(db, { actor, action: "group.create", groupId: input.id, after: input, requestId });
  try {
    const id = await im.createGroup(input);
    const group = await im.getGroup(id);
    recordResult(db, auditId, "ok", { groupId: id, after: group });
    return group;
  } catch (err) {
    const apiError = err instanceof ImError ? apiErrorFromIm(err) : err;
    recordResult(db, auditId, apiError instanceof ApiError ? apiError.code : "internal");
    throw apiError;
  }
}
