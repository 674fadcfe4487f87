/** The largest request body the console reads: mutations and webhooks alike. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is over ${maxBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * Reads a request body chunk by chunk and gives up as soon as it passes `maxBytes`, cancelling the rest:
 * a chunked body has no Content-Length to check first, and reading it whole would let a client make the
 * process buffer as much as it cares to send (or wait for an end that never comes).
 */
export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: a sender that stops sending would keep the cancel pending, and the answer waiting.
      reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * A request's body, at most `maxBytes`: refused at once when its Content-Length already says more, else read
 * with the cap (a chunked body declares no length). Throws BodyTooLargeError either way.
 */
export async function readRequestBody(
  req: { headers: Headers; body: ReadableStream<Uint8Array> | null },
  maxBytes = MAX_BODY_BYTES,
): Promise<Uint8Array> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw new BodyTooLargeError(maxBytes);
  return readCappedBody(req.body, maxBytes);
}
