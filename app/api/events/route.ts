// GET /api/events — server-sent events: the console's live updates (viewer)
import { getContext } from "@/lib/server/context";
import { eventStreamResponse } from "@/lib/server/live/event-stream";
import { route } from "@/lib/server/route";
import { findUserById } from "@/lib/server/users";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer" }, ({ req, user }) =>
  eventStreamResponse(req.signal, async () => {
    const current = await findUserById(getContext().db, user.id);
    return current !== null && !current.disabled;
  }),
);
