// GET /api/events — server-sent events: the console's live updates (viewer); at most 10 open per user, else 429
import { getContext } from "@/lib/server/context";
import { eventStreamResponse } from "@/lib/server/live/event-stream";
import { route } from "@/lib/server/route";
import { findUserById } from "@/lib/server/users";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer" }, ({ req, user }) => {
  const stillAllowed = async () => {
    const current = await findUserById(getContext().db, user.id);
    return current !== null && !current.disabled;
  };
  return eventStreamResponse(req.signal, stillAllowed, { userId: user.id });
});
