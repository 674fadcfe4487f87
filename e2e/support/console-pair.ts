import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { freshPostgresSchema } from "../../lib/server/store/fresh-schema";
import { E2E } from "./env";
import { childEnv, freePort, OWN_ADMIN, start, stopped, waitFor } from "./own-console";

/**
 * Two console instances behind one (imaginary) load balancer: one IM server in strict Tencent mode (so the
 * consoles keep their own inbox, the hardest shared state), one PostgreSQL database (a fresh schema of
 * TEST_DATABASE_URL), shared secrets. The IM server sends its webhooks to the first instance only, as a
 * load balancer would to whichever instance it picks.
 */
export async function consolePair(databaseUrl: string, extraEnv: Record<string, string> = {}) {
  const dataDir = path.join(E2E.dataDir, `pair-${randomBytes(4).toString("hex")}`);
  mkdirSync(dataDir, { recursive: true });
  const schema = await freshPostgresSchema(databaseUrl);
  const [imPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
  const secrets = {
    IM_SECRET_KEY: randomBytes(32).toString("hex"),
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    IM_CALLBACK_TOKEN: randomBytes(16).toString("hex"),
  };
  const imUrl = `http://127.0.0.1:${imPort}`;
  const log: string[] = [];
  const children: ChildProcess[] = [];
  const base = childEnv(secrets);

  const im = start(
    ["--import", "tsx", "im-server/src/main.ts"],
    {
      ...base,
      IM_SERVER_PORT: String(imPort),
      IM_DATA_DIR: path.join(dataDir, "im"),
      IM_CALLBACK_URL: `http://127.0.0.1:${portA}/api/im/callback`,
      IM_STRICT_TENCENT: "1",
      IM_DEMO: "0",
      IM_SIMULATOR_RATE: "0",
    },
    log,
  );
  children.push(im);
  await waitFor(`${imUrl}/health`, "the IM server", 60, im, log);

  const instance = async (port: number, name: string) => {
    const launcher = start(
      ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
      {
        ...base,
        SKIP_BUILD: "1",
        PORT: String(port),
        DATA_DIR: path.join(dataDir, name),
        DATABASE_URL: schema.url,
        CONSOLE_INSTANCES: "2",
        IM_BASE_URL: imUrl,
        CONSOLE_ADMIN_EMAIL: OWN_ADMIN.email,
        CONSOLE_ADMIN_PASSWORD: OWN_ADMIN.password,
        NEXTAUTH_URL: `http://localhost:${port}`,
        ...extraEnv,
      },
      log,
    );
    children.push(launcher);
    await waitFor(`http://localhost:${port}/api/health`, `console ${name}`, 90, launcher, log);
    return { baseUrl: `http://localhost:${port}`, launcher };
  };
  // Started together, as a deployment would: both migrate and bootstrap the same database at once.
  const [a, b] = await Promise.all([instance(portA, "a"), instance(portB, "b")]);

  return {
    a,
    b,
    imUrl,
    secrets,
    /** The pair's own schema of the test database, for a story that sets the scene in the store itself. */
    databaseUrl: schema.url,
    log,
    async stop() {
      for (const child of children.reverse()) await stopped(child);
      await schema.drop();
    },
  };
}
