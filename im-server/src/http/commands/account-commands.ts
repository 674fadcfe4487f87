// im_open_login_svc (accounts) and profile (nickname, face) commands, reference §8.
import { checkUserId, userIdProblem } from "../../domain/accounts";
import { Code, fail } from "../../domain/errors";
import { type Body, optString, reqArray, reqString } from "../../domain/fields";
import { LIMITS, checkBytes } from "../../domain/limits";
import { importAccount, importAccounts } from "../../services/accounts";
import { type CommandTable, withParamCode } from "./command";

const TAG_NICK = "Tag_Profile_IM_Nick";
const TAG_IMAGE = "Tag_Profile_IM_Image";

function boundedList(body: Body, field: string, code: number): unknown[] {
  const list = reqArray(body, field);
  if (list.length > LIMITS.accountBatch) fail(code, `${field} holds ${list.length} items; at most ${LIMITS.accountBatch}`);
  return list;
}

export const accountCommands: CommandTable = {
  "im_open_login_svc/account_import": {
    run: ({ ctx, body }) => {
      const { userId, nick, faceUrl } = withParamCode(Code.ACCOUNT_INVALID_PARAM, () => {
        const userId = body.UserID ?? body.Identifier; // Identifier: the field's name in older docs
        checkUserId(userId);
        const nick = optString(body, "Nick");
        const faceUrl = optString(body, "FaceUrl");
        if (nick !== undefined) checkBytes("Nick", nick, LIMITS.nick);
        if (faceUrl !== undefined) checkBytes("FaceUrl", faceUrl, LIMITS.faceUrl);
        return { userId, nick, faceUrl };
      });
      importAccount(ctx, userId, nick, faceUrl);
      return {};
    },
  },

  "im_open_login_svc/multiaccount_import": {
    run: ({ ctx, body }) => {
      const accounts = withParamCode(Code.ACCOUNT_INVALID_PARAM, () => boundedList(body, "Accounts", Code.ACCOUNT_INVALID_PARAM));
      const valid = accounts.filter((id): id is string => userIdProblem(id) === null);
      importAccounts(ctx, valid);
      return { FailAccounts: accounts.filter((id) => userIdProblem(id) !== null).map(String) };
    },
  },

  "im_open_login_svc/account_check": {
    run: ({ ctx, body }) => {
      const items = withParamCode(Code.ACCOUNT_INVALID_PARAM, () =>
        boundedList(body, "CheckItem", Code.ACCOUNT_INVALID_PARAM).map((item) => reqString((item ?? {}) as Body, "UserID")),
      );
      const found = ctx.store.accounts.many(items);
      return {
        ResultItem: items.map((userId) => ({
          UserID: userId,
          ResultCode: 0,
          ResultInfo: "",
          AccountStatus: found.has(userId) ? "Imported" : "NotImported",
        })),
      };
    },
  },

  "profile/portrait_get": {
    run: ({ ctx, body }) => {
      const { accounts, tags } = withParamCode(Code.PROFILE_INVALID_PARAM, () => {
        const accounts = boundedList(body, "To_Account", Code.PROFILE_INVALID_PARAM);
        const tags = reqArray(body, "TagList");
        if (accounts.some((a) => typeof a !== "string") || tags.some((t) => typeof t !== "string")) {
          fail(Code.PROFILE_INVALID_PARAM, "To_Account and TagList must hold strings");
        }
        return { accounts: accounts as string[], tags: tags as string[] };
      });
      const found = ctx.store.accounts.many(accounts);
      return {
        UserProfileItem: accounts.map((userId) => {
          const account = found.get(userId);
          if (!account)
            return { To_Account: userId, ProfileItem: [], ResultCode: Code.PROFILE_ACCOUNT_NOT_FOUND, ResultInfo: "account not imported" };
          const values: Record<string, string> = { [TAG_NICK]: account.nick, [TAG_IMAGE]: account.faceUrl };
          return {
            To_Account: userId,
            ProfileItem: tags.filter((tag) => tag in values).map((tag) => ({ Tag: tag, Value: values[tag] })),
            ResultCode: 0,
            ResultInfo: "",
          };
        }),
      };
    },
  },

  "profile/portrait_set": {
    run: ({ ctx, body }) => {
      const { userId, nick, image } = withParamCode(Code.PROFILE_INVALID_PARAM, () => {
        const userId = reqString(body, "From_Account");
        let nick: string | undefined;
        let image: string | undefined;
        for (const item of reqArray(body, "ProfileItem")) {
          const entry = (item ?? {}) as Body;
          const tag = reqString(entry, "Tag");
          const value = optString(entry, "Value") ?? "";
          if (tag === TAG_NICK) nick = value;
          else if (tag === TAG_IMAGE) image = value;
          else fail(Code.PROFILE_INVALID_PARAM, `unsupported profile tag ${tag} (supported: ${TAG_NICK}, ${TAG_IMAGE})`);
        }
        if (nick !== undefined) checkBytes(TAG_NICK, nick, LIMITS.nick);
        if (image !== undefined) checkBytes(TAG_IMAGE, image, LIMITS.faceUrl);
        return { userId, nick, image };
      });
      if (!ctx.store.accounts.exists(userId)) fail(Code.PROFILE_ACCOUNT_NOT_FOUND, `account ${userId} is not imported`);
      importAccount(ctx, userId, nick, image);
      return {};
    },
  },
};
