import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveLaunchEnv as resolve } from "./embedded-env";

const resolveLaunchEnv = (env: Record<string, string>, opts: { demo: boolean }) => resolve(env as NodeJS.ProcessEnv, opts);

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "launch-env-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the embedded launch environment", () => {
  it("points the local IM server's webhooks at the console, with the token both sides share", async () => {
    const dir = freshDir();
    const env = await resolveLaunchEnv({ DATA_DIR: dir, PORT: "3456" }, { demo: false });
    expect(env.IM_CALLBACK_URL).toBe("http://127.0.0.1:3456/api/im/callback");
    const secrets = JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8"));
    expect(env.IM_CALLBACK_TOKEN).toBe(secrets.IM_CALLBACK_TOKEN);
    expect(env.IM_CALLBACK_TOKEN).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps what the operator set, and treats an empty token as unset", async () => {
    const dir = freshDir();
    const set = await resolveLaunchEnv(
      { DATA_DIR: dir, IM_CALLBACK_URL: "http://console.internal/api/im/callback", IM_CALLBACK_TOKEN: "mine" },
      { demo: false },
    );
    expect(set).toMatchObject({ IM_CALLBACK_URL: "http://console.internal/api/im/callback", IM_CALLBACK_TOKEN: "mine" });
    const empty = await resolveLaunchEnv({ DATA_DIR: dir, IM_CALLBACK_TOKEN: "" }, { demo: false });
    expect(empty.IM_CALLBACK_TOKEN).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves webhooks alone when an external IM server is used", async () => {
    const env = await resolveLaunchEnv({ DATA_DIR: freshDir(), IM_BASE_URL: "https://adminapisgp.im.qcloud.com" }, { demo: false });
    expect(env.IM_CALLBACK_URL).toBeUndefined();
  });
});
