import { expect, test } from "@playwright/test";
import { anonymousApi, signedInApi } from "../support/api";
import { about, openLiveEvents } from "../support/live-events";

test("a signed-out caller gets 401 in the error contract, not a stream", async () => {
  const anon = await anonymousApi();
  const res = await anon.get("/api/events", { maxRedirects: 0 });
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("unauthenticated");
  await anon.dispose();
});

test("the stream is unbuffered server-sent events, and a group created through the API shows up on it", async () => {
  const api = await signedInApi();
  const live = await openLiveEvents(api);
  expect(live.response.status).toBe(200);
  expect(live.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  expect(live.response.headers.get("cache-control")).toBe("no-cache, no-transform");
  expect(live.response.headers.get("x-accel-buffering")).toBe("no");

  const id = `live-${Date.now().toString(36)}`;
  expect((await api.post("/api/groups", { data: { type: "Community", name: "Streamed", id: `@TGS#_${id}` } })).status()).toBe(201);
  const event = await live.next(about(`@TGS#_${id}`, "group.created"));
  expect(event.data).toEqual({ groupId: `@TGS#_${id}`, at: expect.any(String) });
  expect(Number.isNaN(Date.parse(event.data.at))).toBe(false);
  live.close();
  await api.dispose();
});
