import "server-only";
import type { ImGateway } from "@/lib/im/gateway";

/**
 * Where join applications live: on the IM server when it offers the applications extension (the local
 * IM server), else in the console's own inbox, fed by webhooks (Tencent Cloud Chat, where applications
 * are SDK-only). The routes and shapes are the same either way; only the services ask.
 */
export async function usesConsoleInbox(im: Pick<ImGateway, "capabilities">): Promise<boolean> {
  return !(await im.capabilities()).applications;
}
