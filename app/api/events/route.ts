// GET /api/events — server-sent events: the console's live updates (viewer); at most 10 open per user, else 429
import { eventStreamResponse } from "@/lib/server/live/event-stream";
import { route } from "@/lib/server/route";
import { watchSession } from "@/lib/server/session";

export const dynamic = "force-dynamic";

// Checked at every heartbeat: a session ended by any means (password, role, disabling, signing out, 12 hours)
// stops its stream, and the page, reconnecting, learns why and goes to the sign-in page.
export const GET = route({ role: "viewer" }, async ({ req, user }) => eventStreamResponse(req.signal, await watchSession(), { userId: user.id }));
