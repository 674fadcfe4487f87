import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { anonymousApi, signedInApi } from "../support/api";
import { childEnv, ownConsole, start, stopped, waitFor, type OwnConsole } from "../support/own-console";

/**
 * Health and readiness answer anyone, without a session: they must tell a stranger nothing of how the console
 * is configured, and cost the IM server nothing however often they are asked.
 */
test("anyone learns whether the console is healthy, not which IM server it is in front of; an admin learns that too", async () => {
  const anonymous = await anonymousApi();
  for (const p of ["/api/health", "/api/ready"]) {
    const res = await anonymous.get(p);
    expect(res.status(), p).toBe(200);
    const body = await res.json();
    expect(body, p).toMatchObject({
      status: "ok",
      im: { ok: true },
      store: { ok: true },
      directory: { lastFullCrawlAt: expect.any(String) },
    });
    expect(Object.keys(body.im).sort(), p).toEqual(["latencyMs", "ok"]);
    expect(JSON.stringify(body), p).not.toContain("extensions");
  }
  expect((await anonymous.get("/api/health/details")).status()).toBe(401);
  await anonymous.dispose();

  const admin = await signedInApi();
  const details = await admin.get("/api/health/details");
  expect(details.status()).toBe(200);
  expect((await details.json()).im).toMatchObject({ ok: true, extensions: { applications: true } });
  await admin.dispose();
});

test.describe("a console whose IM server counts every request it receives", () => {
  test.describe.configure({ timeout: 90_000 });
  let own: OwnConsole;
  let im: ReturnType<typeof start> | undefined;
  let anonymous: APIRequestContext;
  let requestLog: string;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    // The console of its own, in front of an IM server started here with its request log on.
    own = await ownConsole("health-quota", { imServer: false });
    requestLog = path.join(own.dataDir, "im-requests.log");
    const imLog: string[] = [];
    im = start(
      ["--import", "tsx", "im-server/src/main.ts"],
      {
        ...childEnv(own.secrets),
        IM_SERVER_PORT: new URL(own.imUrl).port,
        IM_DATA_DIR: path.join(own.dataDir, "im"),
        IM_CALLBACK_URL: `http://127.0.0.1:${new URL(own.baseUrl).port}/api/im/callback`,
        IM_DEMO: "0",
        IM_SIMULATOR_RATE: "0",
        IM_REQUEST_LOG: requestLog,
      },
      imLog,
    );
    await waitFor(`${own.imUrl}/health`, "the IM server", 60, im, imLog);
    await own.start();
    anonymous = await anonymousApi();
  });
  test.afterAll(async () => {
    await anonymous?.dispose();
    await own?.stop();
    await stopped(im);
  });

  /** When the IM server received each account check (ms since the epoch). */
  const accountChecks = () =>
    readFileSync(requestLog, "utf8")
      .split("\n")
      .filter((line) => line.endsWith("/v4/im_open_login_svc/account_check"))
      .map((line) => Number(line.split(" ")[0]));

  test("twenty rapid calls to health and readiness, twice over, reach the IM server at most once per 2 s", async () => {
    const ask = (i: number) => anonymous.get(`${own.baseUrl}${i % 2 ? "/api/health" : "/api/ready"}`).then((r) => r.status());
    const bursts: { from: number; to: number }[] = [];
    for (let round = 0; round < 2; round++) {
      const from = Date.now();
      const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(i)));
      for (let i = 0; i < 10; i++) statuses.push(await ask(i));
      expect(statuses).toEqual(Array(20).fill(200));
      bursts.push({ from, to: Date.now() });
      await new Promise((r) => setTimeout(r, 2_500));
    }

    const checks = accountChecks();
    for (const { from, to } of bursts)
      expect(checks.filter((at) => at >= from && at <= to).length, "account checks during twenty calls").toBeLessThanOrEqual(1);
    // Over the whole run, the launcher's own polling included: a check begins 2 s after the last one was
    // answered, so the IM server hears them over 2 s apart (a little slack for how each side reads its clock).
    const gaps = checks.slice(1).map((at, i) => at - checks[i]);
    for (const gap of gaps) expect(gap, `gaps between account checks: ${gaps.join(", ")} ms`).toBeGreaterThanOrEqual(1_900);
  });
});
