import { describe, expect, it } from "vitest";
import { BodyTooLargeError, MAX_BODY_BYTES, readCappedBody, readRequestBody } from "./read-capped-body";

/** A body sent in chunks that never ends after `bytes`: a client that keeps the request open. */
function neverEndingBody(bytes: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return new Promise(() => {}); // nothing more, and no end either
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

function bodyOf(text: string): ReadableStream<Uint8Array> {
  return new Response(text).body!;
}

describe("reading a body with a 1 MB cap", () => {
  it("gives back a body under the cap whole, split across chunks or not", async () => {
    const text = JSON.stringify({ name: "東京 React 勉強会", filler: "x".repeat(300_000) });
    expect(Buffer.from(await readCappedBody(bodyOf(text))).toString("utf8")).toBe(text);
  });

  it("accepts exactly 1 MB", async () => {
    const bytes = await readCappedBody(bodyOf(" ".repeat(MAX_BODY_BYTES)));
    expect(bytes.byteLength).toBe(MAX_BODY_BYTES);
  });

  it("refuses a body that passes 1 MB by one byte and never ends, without waiting for the end, and hangs up on it", async () => {
    const body = neverEndingBody(MAX_BODY_BYTES + 1);
    await expect(readCappedBody(body.stream)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(body.cancelled()).toBe(true);
  });

  it("gives back an empty body when there is none", async () => {
    expect((await readCappedBody(null)).byteLength).toBe(0);
  });

  it("refuses a request whose Content-Length already says over 1 MB before reading a byte of it", async () => {
    const body = neverEndingBody(16);
    const headers = new Headers({ "content-length": String(MAX_BODY_BYTES + 1) });
    await expect(readRequestBody({ headers, body: body.stream })).rejects.toBeInstanceOf(BodyTooLargeError);
    const under = new Headers({ "content-length": "2" });
    expect(Buffer.from(await readRequestBody({ headers: under, body: bodyOf("{}") })).toString()).toBe("{}");
  });
});
