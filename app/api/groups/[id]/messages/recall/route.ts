// POST /api/groups/{id}/messages/recall — recall up to 10 messages by seq, a result per seq
import { recallAnswerSchema, recallRequestSchema } from "@/lib/schemas/moderation";
import { recallMessages } from "@/lib/server/groups/message-removal";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "moderator",
      summary: "Recall up to 10 messages by seq; one result per seq, in order",
      description: [
        "A seq with no message, or one already recalled, gets `error.code` `not_found` and is not sent; when none can",
        "be recalled the request is 404 `not_found` with the results in `details.results`.",
      ].join(" "),
      body: recallRequestSchema,
      output: recallAnswerSchema,
    },
    ({ params, body, actor }) => recallMessages({ groupId: params.id, ...body }, actor),
  ),
});
