import "server-only";

import type { RouteModules } from "@/lib/server/http/openapi/document";

/**
 * Every route module under app/api, by its path in the reference ({id} for [id]). Loaded on demand: the
 * reference is built on its first request, and GET /api/openapi.json is itself one of these modules (a lazy
 * import, so the circle is harmless). It lives with the routes because only the app knows them all;
 * lib/server/http/openapi builds the document from whatever list it is given.
 * lib/server/http/openapi/registry.test.ts walks app/api and fails when this list and the files differ.
 */
export const ROUTE_MODULES: RouteModules = {
  "/api/app-users/{userId}": () => import("@/app/api/app-users/[userId]/route"),
  "/api/app-users/{userId}/notes": () => import("@/app/api/app-users/[userId]/notes/route"),
  "/api/app-users/{userId}/notes/{noteId}": () => import("@/app/api/app-users/[userId]/notes/[noteId]/route"),
  "/api/applications": () => import("@/app/api/applications/route"),
  "/api/applications/bulk": () => import("@/app/api/applications/bulk/route"),
  "/api/applications/{id}/approve": () => import("@/app/api/applications/[id]/approve/route"),
  "/api/applications/{id}/claim": () => import("@/app/api/applications/[id]/claim/route"),
  "/api/applications/{id}/reversal": () => import("@/app/api/applications/[id]/reversal/route"),
  "/api/applications/{id}/refuse": () => import("@/app/api/applications/[id]/refuse/route"),
  "/api/audit": () => import("@/app/api/audit/route"),
  "/api/audit.csv": () => import("@/app/api/audit.csv/route"),
  "/api/directory": () => import("@/app/api/directory/route"),
  "/api/directory/crawl": () => import("@/app/api/directory/crawl/route"),
  "/api/events": () => import("@/app/api/events/route"),
  "/api/groups": () => import("@/app/api/groups/route"),
  "/api/groups.csv": () => import("@/app/api/groups.csv/route"),
  "/api/groups/{id}": () => import("@/app/api/groups/[id]/route"),
  "/api/groups/{id}/bans": () => import("@/app/api/groups/[id]/bans/route"),
  "/api/groups/{id}/bans/{userId}": () => import("@/app/api/groups/[id]/bans/[userId]/route"),
  "/api/groups/{id}/dismissal": () => import("@/app/api/groups/[id]/dismissal/route"),
  "/api/groups/{id}/events": () => import("@/app/api/groups/[id]/events/route"),
  "/api/groups/{id}/members": () => import("@/app/api/groups/[id]/members/route"),
  "/api/groups/{id}/members/{userId}": () => import("@/app/api/groups/[id]/members/[userId]/route"),
  "/api/groups/{id}/messages": () => import("@/app/api/groups/[id]/messages/route"),
  "/api/groups/{id}/messages/purge": () => import("@/app/api/groups/[id]/messages/purge/route"),
  "/api/groups/{id}/messages/recall": () => import("@/app/api/groups/[id]/messages/recall/route"),
  "/api/groups/{id}/mutes": () => import("@/app/api/groups/[id]/mutes/route"),
  "/api/groups/{id}/members.csv": () => import("@/app/api/groups/[id]/members.csv/route"),
  "/api/groups/{id}/notifications": () => import("@/app/api/groups/[id]/notifications/route"),
  "/api/groups/{id}/owner": () => import("@/app/api/groups/[id]/owner/route"),
  "/api/health": () => import("@/app/api/health/route"),
  "/api/health/details": () => import("@/app/api/health/details/route"),
  "/api/im/callback": () => import("@/app/api/im/callback/route"),
  "/api/me": () => import("@/app/api/me/route"),
  "/api/me/sign-out-everywhere": () => import("@/app/api/me/sign-out-everywhere/route"),
  "/api/me/sso-link": () => import("@/app/api/me/sso-link/route"),
  "/api/openapi.json": () => import("@/app/api/openapi.json/route"),
  "/api/ready": () => import("@/app/api/ready/route"),
  "/api/rules": () => import("@/app/api/rules/route"),
  "/api/rules/dry-run": () => import("@/app/api/rules/dry-run/route"),
  "/api/rules/enabled": () => import("@/app/api/rules/enabled/route"),
  "/api/rules/{id}": () => import("@/app/api/rules/[id]/route"),
  "/api/stats/moderation": () => import("@/app/api/stats/moderation/route"),
  "/api/users": () => import("@/app/api/users/route"),
  "/api/users/sign-in-failures": () => import("@/app/api/users/sign-in-failures/route"),
  "/api/users/{id}": () => import("@/app/api/users/[id]/route"),
  "/api/users/{id}/sso": () => import("@/app/api/users/[id]/sso/route"),
  "/api/jobs": () => import("@/app/api/jobs/route"),
  "/api/jobs/{id}": () => import("@/app/api/jobs/[id]/route"),
  "/api/views": () => import("@/app/api/views/route"),
  "/api/views/{id}": () => import("@/app/api/views/[id]/route"),
};

/** Route files the reference leaves out, and why. */
export const UNDOCUMENTED: Record<string, string> = {
  "/api/auth/{...nextauth}":
    "next-auth's own endpoints (sign-in, sign-out, session, CSRF): their shapes and errors are next-auth's, not this API's contract; the sign-in flow scripts use is told in the document's description",
  "/api/{...path}": "not a route: it answers 404 in the error contract for every /api path no route has",
};
