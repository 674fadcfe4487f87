import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { createImGateway } from "@/lib/im/gateway";
import { ADMIN, SDKAPPID, SECRET, startServer, type TestServer } from "@/im-server/test/helpers";
import { recordAlertError, recordAlertOk } from "@/lib/server/alerts/status";
import { openSqliteTestStore, type TestStore } from "@/lib/server/store/test-stores";

/**
 * The real health and readiness handlers, store and gateway in front of a real local IM server that logs every
 * request it receives: anyone may ask as often as they like, and the IM server still hears one account check
 * per 2 s.
 */
let im: TestServer;
let db: TestStore;
let logDir: string;
const holder = globalThis as typeof globalThis & { __groupConsole?: unknown; __shutdown?: { closing: boolean } };

beforeAll(async () => {
  logDir = mkdtempSync(path.join(tmpdir(), "health-requests-"));
  im = await startServer({ requestLog: path.join(logDir, "requests.log") });
  db = openSqliteTestStore();
  vi.stubEnv("IM_SECRET_KEY", SECRET);
  vi.stubEnv("NEXTAUTH_SECRET", "health-test-nextauth-secret");
  vi.stubEnv("IM_ADMIN_ID", ADMIN);
  // Alerts on, to a receiver nobody runs: health reports what the store says of them, whoever sent.
  vi.stubEnv("ALERT_WEBHOOK_URL", "https://alerts.example.com/hook?token=not-for-health");
  holder.__groupConsole = {
    db,
    im: createImGateway({ baseUrl: im.url, sdkAppId: SDKAPPID, secretKey: SECRET, adminId: ADMIN, timeoutMs: 2_000 }),
  };
});
afterAll(async () => {
  delete holder.__groupConsole;
  vi.unstubAllEnvs();
  await db.close();
  await im.close();
  rmSync(logDir, { recursive: true, force: true });
});

/** How many account checks the IM server has received so far. */
function accountChecks(): number {
  return readFileSync(path.join(logDir, "requests.log"), "utf8")
    .split("\n")
    .filter((line) => line.endsWith("/v4/im_open_login_svc/account_check")).length;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("health and readiness for anyone who asks", () => {
  it("twenty callers within 2 s, at once and one after another, cost the IM server one account check; after 2 s, one more", async () => {
    const atOnce = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? health() : ready())));
    // The check they shared was answered by now; its answer is good for 2 s from then.
    const answered = Date.now();
    const oneByOne = [];
    for (let i = 0; i < 10; i++) oneByOne.push(await (i % 2 ? health() : ready()));
    expect([...atOnce, ...oneByOne].map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(Date.now() - answered, "the ten calls one after another took under 2 s").toBeLessThan(2_000);
    expect(accountChecks()).toBe(1);

    await sleep(2_100 - (Date.now() - answered));
    expect((await health()).status).toBe(200);
    expect(accountChecks()).toBe(2);
  });

  it("says whether each side answers and when the directory was last crawled, but nothing of how the console is configured", async () => {
    const body = await (await health()).json();
    expect(body).toEqual({
      status: "ok",
      im: { ok: true, latencyMs: expect.any(Number) },
      store: { ok: true },
      directory: { lastFullCrawlAt: null, crawling: false },
      alerts: { lastOkAt: null, lastError: null },
    });
    expect(body.im).not.toHaveProperty("extensions");
    expect((await (await ready()).json()).im).not.toHaveProperty("extensions");
  });

  it("turns readiness to 503 the moment the console is told to stop, though a ready answer is at hand", async () => {
    expect((await ready()).status).toBe(200);
    const shutdown = holder.__shutdown!;
    shutdown.closing = true;
    try {
      const res = await ready();
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({ code: "im_unavailable", message: expect.stringContaining("stopping") });
    } finally {
      shutdown.closing = false;
    }
  });

  it("tells how the last alert went, as the store has it, and nothing of where alerts go", async () => {
    await recordAlertOk(db, new Date("2030-01-01T12:00:00.000Z"));
    await recordAlertError(db, "2030-01-01T12:01:00.000Z: burst alert not delivered: HTTP 500 (4 tries)");
    await sleep(2_100);
    const body = await (await health()).json();
    expect(body.alerts).toEqual({
      lastOkAt: "2030-01-01T12:00:00.000Z",
      lastError: "2030-01-01T12:01:00.000Z: burst alert not delivered: HTTP 500 (4 tries)",
    });
    expect(JSON.stringify(body)).not.toContain("alerts.example.com");
  });
});
