import { z } from "zod";
import type { ImSend } from "./transport";

export function messageCommands(send: ImSend) {
  return {
    /**
     * A one-to-one text from the App admin (openim/sendmsg), e.g. to tell an applicant the outcome where
     * the IM server has no way to do it. Not synced to the admin's other devices.
     */
    async sendText(toUserId: string, text: string): Promise<{ msgKey: string }> {
      const env = await send("openim/sendmsg", {
        SyncOtherMachine: 2,
        To_Account: toUserId,
        MsgRandom: Math.floor(Math.random() * 4294967295),
        MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }],
      });
      return { msgKey: z.object({ MsgKey: z.string().default("") }).parse(env).MsgKey };
    },
  };
}
