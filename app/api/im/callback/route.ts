// POST /api/im/callback — the IM server's webhooks (Tencent callback format, signed; no session)
import { receiveWebhook } from "@/lib/server/live/receive-webhook";

export const POST = receiveWebhook;
