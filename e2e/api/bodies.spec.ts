import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInApi } from "../support/api";
import { E2E } from "../support/env";
import { callbackQuery } from "../support/im-webhooks";

/**
 * A client that sends its body in chunks (no Content-Length to check first) and keeps going: the console
 * must stop reading once 1 MB has passed and answer 413, not buffer the body or wait for its end.
 */
const OVER_A_MEGABYTE = Math.round(1.1 * 1024 * 1024);

let admin: APIRequestContext;
test.beforeAll(async () => {
  admin = await signedInApi();
});
test.afterAll(async () => {
  await admin.dispose();
});

type Answer = { status: number; body: unknown };

/** POSTs `bytes` of JSON whitespace chunked, never ending the request, and resolves with the answer. */
function chunkedPostThatNeverEnds(path: string, headers: Record<string, string>, bytes: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${E2E.baseUrl}${path}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        req.destroy();
      });
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, " ");
    let sent = 0;
    const writeMore = () => {
      while (sent < bytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", writeMore);
      }
      // …and no req.end(): the request stays open for as long as the console would wait.
    };
    writeMore();
  });
}

test("a signed-in admin's chunked mutation that passes 1 MB is refused with 413 in the error contract before it ends", async () => {
  const { cookies } = await admin.storageState();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const answer = await chunkedPostThatNeverEnds("/api/groups", { cookie }, OVER_A_MEGABYTE);
  expect(answer).toEqual({ status: 413, body: { error: { code: "payload_too_large", message: expect.any(String) } } });
});

test("a signed webhook whose chunked body passes 1 MB is refused with 413 in Tencent's envelope before it ends", async () => {
  const answer = await chunkedPostThatNeverEnds(
    `/api/im/callback?${callbackQuery("Group.CallbackAfterGroupInfoChanged")}`,
    {},
    OVER_A_MEGABYTE,
  );
  expect(answer).toEqual({ status: 413, body: { ActionStatus: "FAIL", ErrorCode: 1, ErrorInfo: expect.any(String) } });
});
