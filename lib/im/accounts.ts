import { z } from "zod";
import type { ImSend } from "./transport";

/** Tencent's most IDs per account_check. */
const CHECK_BATCH = 100;

const checkAnswerSchema = z.object({
  ResultItem: z.array(z.object({ UserID: z.string(), AccountStatus: z.string() })).default([]),
});

export function accountCommands(send: ImSend) {
  return {
    /**
     * Which of these user IDs are imported accounts of the app (account_check, 100 per call). Tencent refuses
     * a whole add_group_member (10019) when one account does not exist, so callers ask first.
     */
    async importedAccounts(userIds: string[]): Promise<Set<string>> {
      const imported = new Set<string>();
      for (let i = 0; i < userIds.length; i += CHECK_BATCH) {
        const env = await send("im_open_login_svc/account_check", {
          CheckItem: userIds.slice(i, i + CHECK_BATCH).map((UserID) => ({ UserID })),
        });
        for (const item of checkAnswerSchema.parse(env).ResultItem) if (item.AccountStatus === "Imported") imported.add(item.UserID);
      }
      return imported;
    },
  };
}
