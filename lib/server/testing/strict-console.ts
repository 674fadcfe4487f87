// Test helper: the console's context (its store and its gateway) over a real local IM server that behaves
// exactly like Tencent Cloud Chat, for the whole test file; the services under test find it as in production.
import { afterAll, beforeAll } from "vitest";
import { ADMIN, SDKAPPID, SECRET, startServer, type TestServer } from "../../../im-server/test/helpers";
import { createImGateway, type ImGateway } from "@/lib/im/gateway";
import type { Store } from "@/lib/server/store/store";
import { openSqliteTestStore, type TestStore } from "@/lib/server/store/test-stores";

export type StrictConsole = { im: TestServer; db: TestStore; gateway: ImGateway };

const holder = globalThis as { __groupConsole?: { db: Store; im: ImGateway } };

export function strictConsoleForThisFile(use: (c: StrictConsole) => void): void {
  consoleOverImServer({ strictTencent: true }, use);
}

/**
 * The same over a local IM server in either mode, for the enclosing describe block (or the file): with
 * `strictTencent: false` the services use the IM server's applications extension instead of the inbox.
 */
export function consoleOverImServer(opts: { strictTencent: boolean }, use: (c: StrictConsole) => void): void {
  let started: StrictConsole | undefined;
  beforeAll(async () => {
    const im = await startServer({ strictTencent: opts.strictTencent });
    const db = openSqliteTestStore();
    const gateway = createImGateway({ baseUrl: im.url, sdkAppId: SDKAPPID, secretKey: SECRET, adminId: ADMIN, timeoutMs: 2000 });
    holder.__groupConsole = { db, im: gateway };
    started = { im, db, gateway };
    use(started);
  });
  afterAll(async () => {
    delete holder.__groupConsole;
    await started?.db.close();
    await started?.im.close();
  });
}
