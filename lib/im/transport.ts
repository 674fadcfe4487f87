import "server-only";
import { IM_BAD_RESPONSE, IM_DROPPED, IM_SERVER_DOWN, IM_TIMEOUT, IM_UNREACHABLE, ImError } from "./errors";
import { neverSent } from "./never-sent";
import { createRateLimiter, TENCENT_RATE_LIMITS, type RateLimits } from "./rate-limiter";
import { createUserSigCache } from "./usersig-cache";
import { parseWireJson, stringifyWireJson } from "./wire-json";

export type ImConfig = {
  baseUrl: string;
  sdkAppId: number;
  secretKey: string;
  adminId: string;
  timeoutMs?: number;
  rateLimits?: RateLimits;
  /** Wraps every command as a whole (retries included): for logs and traces. It is never given the URL. */
  observe?: ImObserver;
};

export type ImObserver = <T>(command: string, run: () => Promise<T>) => Promise<T>;

export type Envelope = { ActionStatus: string; ErrorCode: number; ErrorInfo?: string } & Record<string, unknown>;

/** Commands that change nothing: safe to retry after a timeout or a frequency limit. */
const READS = /(^|\/)(get_|account_check|portrait_get)/;
const RETRY_DELAYS_MS = [200, 600, 1500];

const isTimeout = (err: unknown) => err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");

/**
 * The one function that sends a command: signs (admin UserSig, cached and renewed), limits the rate per
 * command, times out, parses the envelope, and throws ImError. Only reads are retried.
 */
export function createTransport(config: ImConfig, clock?: { unixSeconds: () => number }) {
  const sigs = createUserSigCache(
    { sdkAppId: config.sdkAppId, secretKey: config.secretKey, identifier: config.adminId },
    clock?.unixSeconds,
  );
  const limiter = createRateLimiter(config.rateLimits ?? TENCENT_RATE_LIMITS);
  const timeoutMs = config.timeoutMs ?? 5000;
  const base = config.baseUrl.replace(/\/+$/, "");

  async function once(path: string, body: Record<string, unknown>): Promise<Envelope> {
    const command = path.split("/").pop() ?? path;
    const answered = await limiter.acquire(command);
    const query = new URLSearchParams({
      sdkappid: String(config.sdkAppId),
      identifier: config.adminId,
      usersig: sigs.get(),
      random: String(Math.floor(Math.random() * 4294967295)),
      contenttype: "json",
    });
    // A timer of our own, cleared as soon as the answer is read: AbortSignal.timeout() would keep every request's
    // signal, and the fetch state it holds, alive for the whole timeout; at a crawl's 200 reads a second that is
    // a thousand requests' worth, old enough to reach V8's old space and swell the heap until a full collection.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")), timeoutMs);
    try {
      return await answerOf(path, deadline.signal, answered, query, body);
    } finally {
      clearTimeout(timer);
    }
  }

  async function answerOf(
    path: string,
    signal: AbortSignal,
    answered: () => void,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): Promise<Envelope> {
    let res: Response;
    try {
      res = await fetch(`${base}/v4/${path}?${query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stringifyWireJson(body),
        signal,
      });
    } catch (err) {
      if (isTimeout(err)) throw new ImError(IM_TIMEOUT, `no answer within ${timeoutMs} ms`, path);
      throw neverSent(err)
        ? new ImError(IM_UNREACHABLE, "IM server unreachable", path)
        : new ImError(IM_DROPPED, "connection lost before the answer", path);
    } finally {
      answered();
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      // The IM server had started answering: it got the request, but what it said is lost.
      throw new ImError(isTimeout(err) ? IM_TIMEOUT : IM_DROPPED, "connection lost while reading the answer", path);
    }
    let envelope: Envelope | null = null;
    try {
      envelope = parseWireJson(text) as Envelope;
    } catch {
      /* not JSON: judged below */
    }
    if (!envelope || typeof envelope.ErrorCode !== "number") {
      // The IM server always answers its envelope; a 5xx without one comes from something in front of it.
      throw new ImError(res.status >= 500 ? IM_SERVER_DOWN : IM_BAD_RESPONSE, `HTTP ${res.status}, no envelope`, path);
    }
    if (envelope.ErrorCode !== 0 || envelope.ActionStatus === "FAIL") {
      throw new ImError(envelope.ErrorCode, String(envelope.ErrorInfo ?? ""), path, envelope);
    }
    return envelope;
  }

  async function sendWithRetries(path: string, body: Record<string, unknown>): Promise<Envelope> {
    const retries = READS.test(path) ? RETRY_DELAYS_MS : [];
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(path, body);
      } catch (err) {
        if (!(err instanceof ImError)) throw err;
        // An expired signature is ours to fix: renew once, whatever the command.
        if (err.code === 70001 && attempt === 0) {
          sigs.invalidate();
          continue;
        }
        const retriable = err.unavailable || err.rateLimited || err.code === 10002;
        if (!retriable || attempt >= retries.length) throw err;
        await new Promise((r) => setTimeout(r, retries[attempt]));
      }
    }
  }

  const observe: ImObserver = config.observe ?? ((_command, run) => run());
  return function send(path: string, body: Record<string, unknown> = {}): Promise<Envelope> {
    return observe(path, () => sendWithRetries(path, body));
  };
}

export type ImSend = ReturnType<typeof createTransport>;
