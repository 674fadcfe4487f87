import "server-only";
import type { SessionUser } from "@/lib/schemas/user";
import { assertGroupInScope, scopeOf } from "@/lib/server/platform/scope";
import { GROUP_ROUTE } from "./path-params";

/**
 * How a route bound to a group through something else finds it (an application's routes: its group), and
 * throws that thing's own 404 when the user may not reach it. Runs before the handler, asks no IM server.
 */
export type ScopeCheck = (params: Record<string, string>, user: SessionUser) => Promise<void>;

/**
 * The one place scope is checked for a route (docs/scopes.md § Routes): before its handler runs, a scoped user
 * calling a route of a group outside their scope gets the 404 an unknown group gets, so every route under
 * app/api/groups/[id]/ is covered the day it is added. A route with `scopeCheck` is checked by it instead.
 */
export async function assertRouteInScope(
  user: SessionUser,
  pathname: string,
  params: Record<string, string>,
  scopeCheck?: ScopeCheck,
): Promise<void> {
  if (scopeOf(user) === null) return;
  if (scopeCheck) return scopeCheck(params, user);
  if (GROUP_ROUTE.test(pathname) && params.id !== undefined) assertGroupInScope(user, params.id);
}
