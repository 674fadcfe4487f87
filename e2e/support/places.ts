import { expect } from "@playwright/test";
import { ImClientError } from "../../im-server/client";
import { newAppUser, type TestServers } from "./app-users";
import type { AppUser, Place } from "./deciding-stories";
import { E2E } from "./env";
import { imDirect } from "./im-direct";
import { STRICT } from "./strict-env";

/** App users of one of the suite's IM servers, through the client API (what the SDK does on a phone). */
function phones(servers: TestServers) {
  return async (nick: string): Promise<AppUser> => {
    const { userId, phone } = await newAppUser(nick, servers);
    return {
      userId,
      apply: async (groupId, message) => expect((await phone.joinGroup(groupId, message)).status).toBe("applied"),
      join: (groupId, message) =>
        phone.joinGroup(groupId, message).then(
          (r) => ({ status: r.status }),
          (err: unknown) => {
            if (err instanceof ImClientError) return { error: { code: err.code, info: err.info } };
            throw err;
          },
        ),
      done: () => phone.logout(),
    };
  };
}

/** The main console: the local IM server keeps applications, the console a copy. */
export const MAIN: Place = { baseUrl: E2E.baseUrl, admin: E2E.admin, appUser: phones(E2E) };

/** The console in front of an IM server behaving exactly like Tencent: the console's own inbox. */
export const STRICT_PLACE: Place = { baseUrl: STRICT.baseUrl, admin: STRICT.admin, appUser: phones(STRICT) };

let seq = 0;

/** Two instances on PostgreSQL: the first moderator on one, the second on the other; app users on their IM server. */
export function pairPlace(
  pair: { a: { baseUrl: string }; b: { baseUrl: string }; imUrl: string; secrets: { IM_SECRET_KEY: string } },
  admin: Place["admin"],
): Place {
  const im = imDirect(pair.imUrl, pair.secrets.IM_SECRET_KEY);
  return {
    baseUrl: pair.a.baseUrl,
    secondUrl: pair.b.baseUrl,
    admin,
    async appUser(nick) {
      const userId = `place_${Date.now().toString(36)}_${++seq}`;
      await im.rest("im_open_login_svc/account_import", { UserID: userId, Nick: nick });
      return {
        userId,
        apply: async (groupId, message) =>
          expect(await im.asUser(userId, "joinGroup", { groupID: groupId, message })).toMatchObject({ data: { status: "applied" } }),
        join: async (groupId, message) => {
          const envelope = await im.asUser(userId, "joinGroup", { groupID: groupId, message });
          return { status: String((envelope.data as { status?: string } | undefined)?.status) };
        },
        done: async () => undefined,
      };
    },
  };
}
