// Test helper: the console over a real local IM server behaving exactly like Tencent (as strict-console.ts),
// which also counts the IM commands the console sends and collects the live events it publishes, and can
// start the IM server as another edition (e.g. without bans). For the enclosing describe block (or the file).
import { afterAll, beforeAll } from "vitest";
import { ADMIN, SDKAPPID, SECRET, startServer, type TestServer } from "../../../im-server/test/helpers";
import type { ImServerConfig } from "../../../im-server/src/config";
import { createImGateway, type ImGateway } from "@/lib/im/gateway";
import type { CreateGroupInput } from "@/lib/schemas/group";
import type { LiveEvent } from "@/lib/schemas/live-event";
import type { SessionUser } from "@/lib/schemas/user";
import { getBus } from "@/lib/server/live/bus";
import type { Actor } from "@/lib/server/platform/actor";
import type { Store } from "@/lib/server/store/store";
import { openSqliteTestStore, type TestStore } from "@/lib/server/store/test-stores";

export type ModerationConsole = {
  im: TestServer;
  db: TestStore;
  gateway: ImGateway;
  /** The IM commands the console sent (last word of the path), in order; empty it to count afresh. */
  commands: string[];
  /** The live events published since the block began; empty it to look afresh. */
  events: LiveEvent[];
  /** Imports `n` app users and answers their IDs. */
  users(n: number): Promise<string[]>;
  /** A group of this type owned by a new user, with `members` more users in it. */
  group(type: string, members?: number): Promise<{ groupId: string; owner: string; members: string[] }>;
  /** Sends a text as `from` and answers its seq. */
  say(groupId: string, from: string, text: string): Promise<number>;
};

const holder = globalThis as { __groupConsole?: { db: Store; im: ImGateway } };
let seq = 0;

export const moderator: Actor = {
  ip: null,
  user: { id: "7", email: "mod@console.test", name: "Mod", role: "moderator" } as SessionUser,
  requestId: "req-moderation",
};

export function moderationConsole(overrides: Partial<ImServerConfig>, use: (c: ModerationConsole) => void): void {
  let started: ModerationConsole | undefined;
  let unsubscribe = () => {};
  beforeAll(async () => {
    const im = await startServer({ strictTencent: true, ...overrides });
    const db = openSqliteTestStore();
    const commands: string[] = [];
    const events: LiveEvent[] = [];
    const gateway = createImGateway({
      baseUrl: im.url,
      sdkAppId: SDKAPPID,
      secretKey: SECRET,
      adminId: ADMIN,
      timeoutMs: 2000,
      observe: (command, run) => {
        commands.push(command.split("/").pop() ?? command);
        return run();
      },
    });
    unsubscribe = getBus().subscribe((e) => void events.push(e));
    holder.__groupConsole = { db, im: gateway };
    const users = async (n: number) => {
      const ids = Array.from({ length: n }, () => `mod_user_${++seq}`);
      await im.rest("im_open_login_svc/multiaccount_import", { Accounts: ids });
      return ids;
    };
    started = {
      im,
      db,
      gateway,
      commands,
      events,
      users,
      async group(type, n = 2) {
        const [owner, ...members] = await users(n + 1);
        const input = { type, name: `Moderated ${++seq}`, ...(type !== "AVChatRoom" ? { ownerId: owner } : {}) };
        const groupId = await gateway.createGroup(input as CreateGroupInput);
        if (members.length && type !== "AVChatRoom") await gateway.addMembers(groupId, members);
        return { groupId, owner, members };
      },
      async say(groupId, from, text) {
        const env = await im.rest("group_open_http_svc/send_group_msg", {
          GroupId: groupId,
          From_Account: from,
          Random: ++seq,
          MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }],
        });
        if (env.ErrorCode !== 0) throw new Error(`send_group_msg: ${env.ErrorCode} ${env.ErrorInfo}`);
        return env.MsgSeq as number;
      },
    };
    use(started);
  });
  afterAll(async () => {
    unsubscribe();
    delete holder.__groupConsole;
    await started?.db.close();
    await started?.im.close();
  });
}
