// POST /api/groups/{id}/messages/purge — recall everything a sender sent among the newest 1,000 messages
import { purgeAnswerSchema, purgeRequestSchema } from "@/lib/schemas/moderation";
import { purgeSender } from "@/lib/server/groups/message-removal";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "moderator",
      summary: "Recall everything one sender sent among the group's newest 1,000 messages (silently, as Tencent does)",
      description: "AVChatRoom groups: 422 (the IM server would accept it and do nothing). An unknown sender: 404.",
      body: purgeRequestSchema,
      output: purgeAnswerSchema,
    },
    ({ params, body, actor }) => purgeSender({ groupId: params.id, ...body }, actor),
  ),
});
