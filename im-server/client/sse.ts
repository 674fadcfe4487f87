// Minimal server-sent-events reader over fetch (no EventSource needed in Node), with reconnects
// that resume from the last received id.

export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id: string | undefined;
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") id = value;
        else if (field === "event") event = value;
        else if (field === "data") data.push(value);
      }
      if (data.length) yield { id, event, data: data.join("\n") };
    }
  }
}

export interface StreamOptions {
  url: () => string;
  onMessage: (message: SseMessage) => void;
  onError?: (error: unknown) => void;
  /** Id to resume after (sent as Last-Event-ID). */
  lastEventId?: string;
  retryMs?: number;
}

/** Keeps one stream open until stopped, reconnecting with Last-Event-ID after a drop. */
export class EventStream {
  private readonly abort = new AbortController();
  private lastEventId: string | undefined;
  private stopped = false;

  constructor(private readonly options: StreamOptions) {
    this.lastEventId = options.lastEventId;
  }

  get lastId(): string | undefined {
    return this.lastEventId;
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const response = await fetch(this.options.url(), {
          headers: this.lastEventId ? { "last-event-id": this.lastEventId } : {},
          signal: this.abort.signal,
        });
        if (!response.ok || !response.body) throw new Error(`event stream answered HTTP ${response.status}: ${await response.text()}`);
        for await (const message of readSse(response.body)) {
          if (message.id !== undefined) this.lastEventId = message.id;
          this.options.onMessage(message);
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.onError?.(error);
      }
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, this.options.retryMs ?? 1000));
    }
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
  }
}
