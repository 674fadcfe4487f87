import { afterEach, describe, expect, it } from "vitest";
import { createInProcessBus, getBus, publishEvent, type EventBus } from "./bus";
import { eventStreamResponse, formatEvent } from "./event-stream";

const decoder = new TextDecoder();
const opened: AbortController[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.abort()));

function open(stillAllowed = () => true, heartbeatMs = 60_000) {
  const client = new AbortController();
  opened.push(client);
  const res = eventStreamResponse(client.signal, stillAllowed, heartbeatMs);
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
  return { res, client, reader, readUntil };
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

  it("beats every interval, and ends at a beat once the account may no longer listen", async () => {
    let allowed = true;
    const s = open(() => allowed, 20);
    await s.readUntil(": heartbeat");
    allowed = false;
    for (;;) if ((await s.reader.read()).done) break;
  });
});
