// GET /api/events — server-sent events: the console's live updates (viewer); at most 10 open per user, else 429
import { eventStreamResponse } from "@/lib/server/live/event-stream";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { watchSession } from "@/lib/server/auth/session";
import type { SessionUser } from "@/lib/schemas/user";

export const dynamic = "force-dynamic";

// Checked at every heartbeat: a session ended by any means (password, role, disabling, signing out, 12 hours)
// stops its stream, and the page, reconnecting, learns why and goes to the sign-in page.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "Server-sent events: the console's live updates, until the session ends",
      description: [
        "Events `application.created`, `application.handled`, `group.created`, `group.updated`, `group.dismissed`,",
        "`member.joined`, `member.left`, each with data `{ groupId, applicationId?, userId?, at }`. At most 10 open per",
        "console user and 1,000 per instance (beyond that 429 `rate_limited`). A scoped user is sent only their groups' events",
        "(and `job.progress` and `rules.changed`, which name no group).",
      ].join(" "),
      produces: "text/event-stream",
      errors: ["rate_limited"],
    },
    async ({ req, user }) => {
      // Events are filtered by the scope the stream opened with; a change of the user ends it at once (and this
      // check at the next beat, as a backstop), and the reconnect gets the new scope (docs/scopes.md § Events).
      const opened = JSON.stringify(user.scope ?? null);
      const sameScope = (now: SessionUser) => JSON.stringify(now.scope ?? null) === opened;
      return eventStreamResponse(req.signal, await watchSession(sameScope), { userId: user.id, scope: user.scope ?? null });
    },
  ),
});
