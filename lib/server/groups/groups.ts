import "server-only";
import { ImError } from "@/lib/im/errors";
import type { CreateGroupInput, Group, ListGroupsQuery } from "@/lib/schemas/group";
import type { Page } from "@/lib/schemas/page";
import type { Actor } from "@/lib/server/platform/actor";
import type { Asker } from "@/lib/server/platform/scope";
import { ApiError } from "@/lib/server/platform/api-error";
import { audited } from "@/lib/server/audit/audited";
import { getContext } from "@/lib/server/platform/context";
import { forgetGroup } from "@/lib/server/applications/group-gone";
import { queryDirectory, readState, upsertGroups } from "@/lib/server/directory";
import { publishEvent } from "@/lib/server/live/bus";

// Other services still import it from here.
export { audited };

/**
 * Lists come from the console's directory: fast at any size and within Tencent's 1/s listing limit. A scoped
 * asker's list holds their groups alone (docs/scopes.md § Lists and counts).
 */
export function listGroups(query: ListGroupsQuery, who: Asker): Promise<Page<Group>> {
  return queryDirectory(getContext().db, query, who);
}

/** Re-read one group from the IM server into the directory (after our own writes and webhooks). */
export async function syncGroup(id: string): Promise<Group | null> {
  const { db, im } = getContext();
  try {
    const readAt = new Date().toISOString();
    const group = await im.getGroup(id);
    await upsertGroups(db, [group], Number((await readState(db, "crawl.generation")) ?? 0), readAt);
    return group;
  } catch (err) {
    if (err instanceof ImError && (err.code === 10010 || err.code === 10015)) {
      await forgetGroup(db, id);
      return null;
    }
    throw err;
  }
}

export async function createGroup(input: CreateGroupInput, { user: actor, requestId }: Actor): Promise<Group> {
  const { im } = getContext();
  return audited(
    { actor, action: "group.create", groupId: input.id, after: input, requestId },
    async () => {
      const id = await im.createGroup(input);
      const group = await syncGroup(id);
      if (!group) throw new ApiError("internal", "The group was created but could not be read back");
      publishEvent({ type: "group.created", groupId: group.id });
      return group;
    },
    (group) => ({ groupId: group.id, after: group }),
  );
}
