import type { APIRequestContext } from "@playwright/test";
import { E2E } from "./env";

export type ReceivedEvent = { type: string; data: { groupId: string; applicationId?: string; userId?: string; at: string } };

/**
 * Listens to `/api/events` as a signed-in browser would, with plain fetch (Playwright's request context
 * cannot read a response that never ends). Every event since opening is kept, so none is missed.
 */
export async function openLiveEvents(api: APIRequestContext) {
  const { cookies } = await api.storageState();
  const abort = new AbortController();
  const res = await fetch(`${E2E.baseUrl}/api/events`, {
    headers: { accept: "text/event-stream", cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    signal: abort.signal,
  });
  const received: ReceivedEvent[] = [];
  let wake = () => {};
  /** Settles when the server ends the stream (or the test closes it). */
  const ended = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) received.push({ type, data: JSON.parse(data) });
          wake();
        }
      }
    } catch {
      /* closed by the test */
    }
  })();

  return {
    response: res,
    received,
    ended,
    /** The first event (since opening) that matches, waiting for it if need be. */
    async next(match: (e: ReceivedEvent) => boolean, timeoutMs = 10_000): Promise<ReceivedEvent> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        const left = end - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.min(left, 250));
        });
      }
    },
    close: () => abort.abort(),
  };
}

export const about = (groupId: string, type?: string) => (e: ReceivedEvent) => e.data.groupId === groupId && (!type || e.type === type);
