import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/server/platform/api-error";
import { createInProcessBus, getBus, publishEvent, type EventBus } from "./bus";
import { eventStreamResponse, formatEvent } from "./event-stream";
import { createStreamSlots, STREAMS_PER_USER, type StreamSlots } from "./stream-slots";

const decoder = new TextDecoder();
const opened: AbortController[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.abort()));

let users = 0;
/** A console user of its own, so that no story counts another story's streams. */
const newUserId = () => `stream-user-${++users}`;

type Options = { userId?: string; stillAllowed?: () => boolean | Promise<boolean>; heartbeatMs?: number; slots?: StreamSlots };

function open({ userId = newUserId(), stillAllowed = () => true, heartbeatMs = 60_000, slots }: Options = {}) {
  const client = new AbortController();
  const res = eventStreamResponse(client.signal, stillAllowed, { userId, heartbeatMs, slots });
  opened.push(client);
  const reader = res.body!.getReader();
  let buffer = "";
  const readUntil = async (needle: string) => {
    while (!buffer.includes(needle)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${JSON.stringify(needle)}; got ${JSON.stringify(buffer)}`);
      buffer += decoder.decode(value);
    }
    return buffer;
  };
  const ended = async () => {
    for (;;) if ((await reader.read()).done) return;
  };
  return { res, client, reader, readUntil, ended };
}

/** What opening one stream too many throws; the route answers it as 429 in the error contract. */
function refusal(attempt: () => unknown): ApiError {
  try {
    attempt();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error("the stream was opened");
}

describe("the event stream", () => {
  it("formats an event as an SSE message named by its type", () => {
    expect(formatEvent({ type: "member.joined", groupId: "g#1", userId: "u1", at: "2024-01-01T00:00:00.000Z" })).toBe(
      'event: member.joined\ndata: {"groupId":"g#1","userId":"u1","at":"2024-01-01T00:00:00.000Z"}\n\n',
    );
  });

  it("sends the headers that keep proxies from buffering, then every published event", async () => {
    const s = open();
    expect(s.res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(s.res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(s.res.headers.get("x-accel-buffering")).toBe("no");
    await s.readUntil(": connected");
    publishEvent({ type: "group.created", groupId: "g1" });
    const text = await s.readUntil("group.created");
    expect(text).toMatch(/event: group\.created\ndata: \{"groupId":"g1","at":"[^"]+"\}\n\n/);
  });

  it("ends when the client goes away, and stops listening", async () => {
    const holder = globalThis as { __liveBus?: EventBus };
    const real = holder.__liveBus;
    const inner = createInProcessBus();
    let listeners = 0;
    holder.__liveBus = {
      ...inner,
      subscribe(fn, onGap) {
        listeners++;
        const off = inner.subscribe(fn, onGap);
        return () => {
          listeners--;
          off();
        };
      },
    };
    try {
      const s = open();
      await s.readUntil(": connected");
      expect(listeners).toBe(1);
      s.client.abort();
      expect((await s.reader.read()).done).toBe(true);
      expect(listeners).toBe(0);
    } finally {
      holder.__liveBus = real;
    }
  });

  it("ends when events from other console instances may have been missed, so the browser reconnects and refetches", async () => {
    const s = open();
    await s.readUntil(": connected");
    getBus().reportGap();
    expect((await s.reader.read()).done).toBe(true);
  });

  it("ends at once, before another event, when its user is changed (a role, a scope, the account), on this instance or another", async () => {
    const userId = newUserId();
    const [mine, other] = [open({ userId }), open({ userId, heartbeatMs: 60_000 })];
    const someoneElse = open();
    await Promise.all([mine, other, someoneElse].map((s) => s.readUntil(": connected")));
    getBus().userChanged(userId);
    getBus().userChanged(newUserId(), "relayed");
    publishEvent({ type: "group.updated", groupId: "after-the-change" });
    await mine.ended();
    await other.ended();
    await expect(mine.readUntil("after-the-change")).rejects.toThrow("stream ended");
    await someoneElse.readUntil("after-the-change");
  });

  it("beats every interval, and ends at a beat once the account may no longer listen", async () => {
    let allowed = true;
    const s = open({ stillAllowed: () => allowed, heartbeatMs: 20 });
    await s.readUntil(": heartbeat");
    allowed = false;
    await s.ended();
  });

  it("ends at a beat when the store cannot say whether the account may still listen: it fails closed", async () => {
    let storeAnswers = true;
    const stillAllowed = () => {
      if (!storeAnswers) throw new Error("the store is not answering");
      return true;
    };
    const s = open({ stillAllowed, heartbeatMs: 20 });
    await s.readUntil(": heartbeat");
    storeAnswers = false;
    await s.ended();
  });
});

describe("how many streams may be open at once", () => {
  it(`lets a console user open ${STREAMS_PER_USER} streams and refuses the next with 429 rate_limited; another user still gets one`, async () => {
    const alice = newUserId();
    const streams = Array.from({ length: STREAMS_PER_USER }, () => open({ userId: alice }));
    await Promise.all(streams.map((s) => s.readUntil(": connected")));

    const refused = refusal(() => open({ userId: alice }));
    expect(refused.code).toBe("rate_limited");
    expect(refused.status).toBe(429);

    await open().readUntil(": connected");
  });

  it("gives a slot back the moment its client goes away", async () => {
    const bob = newUserId();
    const streams = Array.from({ length: STREAMS_PER_USER }, () => open({ userId: bob }));
    expect(refusal(() => open({ userId: bob })).code).toBe("rate_limited");

    streams[0].client.abort();
    await open({ userId: bob }).readUntil(": connected");
    expect(refusal(() => open({ userId: bob })).code).toBe("rate_limited");
  });

  it("caps the whole instance too, whoever the users are", () => {
    const slots = createStreamSlots({ perUser: STREAMS_PER_USER, perInstance: 3 });
    for (let i = 0; i < 3; i++) open({ slots });
    expect(refusal(() => open({ slots })).code).toBe("rate_limited");
    expect(slots.openCount()).toBe(3);
  });

  it("gives a slot back however the stream ends: missed events, an account no longer allowed, a store that cannot say, a client too far behind", async () => {
    // One slot in all: each stream below can only open once the one before it has given its slot back.
    const slots = createStreamSlots({ perUser: 1, perInstance: 1 });
    const userId = newUserId();
    const next = (stillAllowed?: () => boolean) => {
      expect(slots.openCount()).toBe(0);
      return open({ userId, slots, stillAllowed, heartbeatMs: 20 });
    };

    const missedEvents = next();
    await missedEvents.readUntil(": connected");
    getBus().reportGap();
    await missedEvents.ended();

    await next(() => false).ended();

    await next(() => {
      throw new Error("the store is not answering");
    }).ended();

    // A client that reads nothing while events keep coming is cut off, not queued for forever.
    const stalled = next();
    for (let i = 0; i <= 1_001 && slots.openCount() > 0; i++) publishEvent({ type: "group.updated", groupId: `g${i}` });
    expect(slots.openCount()).toBe(0);
    void stalled;

    await next().readUntil(": connected");
  });
});
