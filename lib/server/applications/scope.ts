import "server-only";
import type { SessionUser } from "@/lib/schemas/user";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { inScope, scopeOf, type Asker } from "@/lib/server/platform/scope";
import { inboxGroupOf } from "./inbox/repo";

// An application belongs to one group: a scoped user reaches it only through their groups (docs/scopes.md).

const unknownApplication = () => ApiError.because("not_found", "applicationNotFound", "There is no application with that ID");

/**
 * Throws what an unknown application answers unless the asker may reach this one. Its group is read from the
 * console's applications model, never from the IM server: an application the model does not hold yet is
 * unknown to a scoped user until it does (a webhook brings it within moments).
 */
export async function assertApplicationInScope(id: string, who: Asker): Promise<void> {
  if (scopeOf(who) === null) return;
  const groupId = await inboxGroupOf(getContext().db, id);
  if (groupId === undefined || !inScope(who, groupId)) throw unknownApplication();
}

/** The check an application's routes hand to route() (`scopeCheck`): its `[id]` is an application's. */
export const applicationRouteScope = (params: Record<string, string>, user: SessionUser) =>
  assertApplicationInScope(params.id ?? "", { scope: user.scope });
