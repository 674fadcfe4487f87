// Outgoing Tencent-format webhooks. Before* callbacks are awaited (2 s) and may refuse the action;
// a timeout or a failed call lets it proceed, as Tencent's default policy does. After* callbacks go
// through a queue drained in order after the transaction committed, never delaying a response.
import { Code, ImServerError } from "../domain/errors";
import { callbackUrl } from "./sign";

export const CALLBACK_TIMEOUT_MS = 2000;
const QUEUE_LIMIT = 10_000;

export interface CallbackOrigin {
  /** `RESTAPI` for admin calls, the client's platform (`Web`, `Android`, …) otherwise. */
  platform: string;
  clientIp: string;
}

export interface WebhookOptions {
  url: string | undefined;
  token: string | undefined;
  sdkAppId: number;
  log: { warn(obj: unknown, msg?: string): void };
}

interface Queued {
  command: string;
  body: Record<string, unknown>;
  origin: CallbackOrigin;
}

export interface BeforeVerdict {
  /** Accounts the app refused individually (BeforeInviteJoinGroup's RefusedMembers_Account). */
  refusedMembers: string[];
}

export class Webhooks {
  private readonly queue: Queued[] = [];
  private draining: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: WebhookOptions) {}

  get enabled(): boolean {
    return this.options.url !== undefined;
  }

  private async post(command: string, body: Record<string, unknown>, origin: CallbackOrigin): Promise<Response> {
    const url = callbackUrl(this.options.url!, {
      sdkAppId: this.options.sdkAppId,
      command,
      clientIp: origin.clientIp,
      platform: origin.platform,
      token: this.options.token,
      requestTime: Math.floor(Date.now() / 1000),
    });
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ CallbackCommand: command, EventTime: Date.now(), ...body }),
      signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
    });
  }

  /**
   * Asks the app before an action. ErrorCode 1 → 10016; 10100–10200 → that code and ErrorInfo;
   * any other non-zero code refuses with 10016 too. Timeouts and broken replies allow.
   */
  async before(command: string, body: Record<string, unknown>, origin: CallbackOrigin): Promise<BeforeVerdict> {
    if (!this.enabled) return { refusedMembers: [] };
    let reply: { ErrorCode?: unknown; ErrorInfo?: unknown; RefusedMembers_Account?: unknown };
    try {
      const response = await this.post(command, body, origin);
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      reply = (await response.json()) as typeof reply;
      if (typeof reply !== "object" || reply === null) throw new Error("reply is not a JSON object");
    } catch (error) {
      this.options.log.warn({ command, error: String(error) }, "before-callback failed; letting the action proceed");
      return { refusedMembers: [] };
    }
    const code = typeof reply.ErrorCode === "number" ? reply.ErrorCode : Number(reply.ErrorCode ?? 0);
    const info = typeof reply.ErrorInfo === "string" ? reply.ErrorInfo : "";
    if (code >= 10100 && code <= 10200) throw new ImServerError(code, info || "refused by the app backend");
    if (code !== 0 && !Number.isNaN(code)) throw new ImServerError(Code.CALLBACK_REFUSED, info || "refused by the app backend");
    const refused = Array.isArray(reply.RefusedMembers_Account)
      ? reply.RefusedMembers_Account.filter((id): id is string => typeof id === "string")
      : [];
    return { refusedMembers: refused };
  }

  /** Queues an After* callback; delivery happens in the background, in order, without retries. */
  after(command: string, body: Record<string, unknown>, origin: CallbackOrigin): void {
    if (!this.enabled || this.closed) return;
    if (this.queue.length >= QUEUE_LIMIT) {
      const dropped = this.queue.shift();
      this.options.log.warn({ command: dropped?.command }, "webhook queue full; dropped the oldest callback");
    }
    this.queue.push({ command, body, origin });
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    for (let item = this.queue.shift(); item; item = this.queue.shift()) {
      try {
        const response = await this.post(item.command, item.body, item.origin);
        await response.arrayBuffer();
      } catch (error) {
        this.options.log.warn({ command: item.command, error: String(error) }, "after-callback failed");
      }
    }
  }

  /** Resolves once every queued callback was attempted (tests and graceful shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Stops accepting callbacks and gives queued ones one timeout's worth of time to go out. */
  async close(): Promise<void> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CALLBACK_TIMEOUT_MS);
    });
    await Promise.race([this.idle(), deadline]);
    clearTimeout(timer);
    this.queue.length = 0;
  }
}
