// POST /api/im/callback — the IM server's webhooks (Tencent callback format, signed; no session)
import { z } from "zod";
import { receiveWebhook } from "@/lib/server/webhooks/receive";
import { declared } from "@/lib/server/http/openapi/declaration";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: declared(
    {
      role: "im-server",
      summary:
        "The IM server's webhooks, in Tencent's callback format (signed with Sign and RequestTime in the query); answered at once, worked on after",
      output: z.object({ ActionStatus: z.enum(["OK", "FAIL"]), ErrorCode: z.number().int(), ErrorInfo: z.string() }),
    },
    receiveWebhook,
  ),
});
