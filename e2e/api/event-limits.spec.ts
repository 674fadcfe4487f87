import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInApi } from "../support/api";
import { E2E } from "../support/env";

/**
 * A console user may hold ten live-update streams open at once (a tab each): the eleventh is refused in the
 * error contract, and a stream that ends gives its slot back. A user of its own, so the shared admin's
 * browser stories running alongside count nothing here.
 */
const PER_USER = 10;

let viewer: APIRequestContext;
let cookie: string;
const open: AbortController[] = [];

test.beforeAll(async () => {
  const admin = await signedInApi();
  const email = `streams-${Date.now().toString(36)}@event-limits.test`;
  const created = await admin.post("/api/users", { data: { email, name: "Many tabs", password: "event-limits-password", role: "viewer" } });
  expect(created.status()).toBe(201);
  await admin.dispose();
  viewer = await signedInApi(email, "event-limits-password");
  cookie = (await viewer.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
});
test.afterAll(async () => {
  open.splice(0).forEach((c) => c.abort());
  await viewer?.dispose();
});

/** Opens `/api/events` as a tab would, with plain fetch: the body is left unread and stays open until aborted. */
async function openStream() {
  const abort = new AbortController();
  const res = await fetch(`${E2E.baseUrl}/api/events`, { headers: { accept: "text/event-stream", cookie }, signal: abort.signal });
  if (res.status === 200) open.push(abort);
  return { res, close: () => abort.abort() };
}

test("ten streams open for one user; the eleventh gets 429 rate_limited in the contract; closing one lets another open", async () => {
  const tabs = [];
  for (let i = 0; i < PER_USER; i++) {
    const tab = await openStream();
    expect(tab.res.status, `stream ${i + 1}`).toBe(200);
    tabs.push(tab);
  }

  const eleventh = await openStream();
  expect(eleventh.res.status).toBe(429);
  expect(eleventh.res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(await eleventh.res.json()).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });

  // The server learns of the closed connection as soon as the socket closes: give it that moment.
  tabs[0].close();
  await expect
    .poll(
      async () => {
        const again = await openStream();
        if (again.res.status !== 200) await again.res.body?.cancel();
        return again.res.status;
      },
      { timeout: 5_000 },
    )
    .toBe(200);

  const beyond = await openStream();
  expect(beyond.res.status, "the reopened stream holds the freed slot").toBe(429);
  await beyond.res.body?.cancel();
});
