// openim/sendmsg: a one-to-one message, e.g. telling an applicant the outcome (reference §8).
// Parameter errors answer 90001 (the message service's code); an unknown account 70107.
import { Code, fail } from "../../domain/errors";
import { type Body, optInt, optString, reqArray, reqString } from "../../domain/fields";
import { LIMITS, checkBytes } from "../../domain/limits";
import { sendMessage } from "../../services/accounts";
import { type CommandTable, withParamCode } from "./command";

const ELEMENT_TYPES = ["TIMTextElem", "TIMCustomElem"];

export const messageCommands: CommandTable = {
  "openim/sendmsg": {
    run: ({ ctx, actor, body }) => {
      const { from, to, msgBody, text } = withParamCode(Code.MSG_INVALID_PARAM, () => {
        const to = reqString(body, "To_Account");
        const from = optString(body, "From_Account") || actor.userId;
        if (optInt(body, "MsgRandom", 0, 4294967295) === undefined) fail(Code.MSG_INVALID_PARAM, "MsgRandom is required");
        optInt(body, "SyncOtherMachine", 1, 2);
        const msgBody = reqArray(body, "MsgBody");
        let text = "";
        for (const item of msgBody) {
          const element = (item ?? {}) as Body;
          const type = reqString(element, "MsgType");
          if (!ELEMENT_TYPES.includes(type)) fail(Code.MSG_INVALID_PARAM, `MsgType ${type} is not supported (${ELEMENT_TYPES.join(", ")})`);
          const content = element.MsgContent;
          if (typeof content !== "object" || content === null) fail(Code.MSG_INVALID_PARAM, "MsgContent must be an object");
          if (type === "TIMTextElem") text += reqString(content as Body, "Text");
        }
        checkBytes("MsgBody", JSON.stringify(msgBody), LIMITS.textMessage);
        return { from, to, msgBody, text };
      });
      for (const account of new Set([to, from])) {
        if (account !== ctx.config.adminId && !ctx.store.accounts.exists(account)) {
          fail(Code.ACCOUNT_NOT_IMPORTED, `account ${account} is not imported`);
        }
      }
      const { msgTime, msgKey } = sendMessage(ctx, actor, { from, to, body: msgBody, text });
      return { MsgTime: msgTime, MsgKey: msgKey };
    },
  },
};
