// GET /api/groups/{id}/messages — the group's messages, newest first, optionally of one sender
import { messagesAnswerSchema, messagesQuerySchema } from "@/lib/schemas/moderation";
import { listMessages } from "@/lib/server/groups/messages";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "moderator",
      summary: "The group's messages, newest first (recalled ones marked), paged back by seq",
      description: [
        "With `sender`, only that sender's messages among the newest 1,000 (Tencent has no sender filter; the",
        "console reads back and filters): `details.scanned` is how many messages this page read and `details.partial`",
        "is true when the group has older messages the window leaves out. AVChatRoom groups keep no history: 422.",
      ].join(" "),
      query: messagesQuerySchema,
      output: messagesAnswerSchema,
    },
    ({ params, query }) => listMessages(params.id, query),
  ),
});
