import { deflateSync, inflateSync } from "node:zlib";
import { Api } from "tls-sig-api-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genUserSig, verifyUserSig } from "../src/usersig";
import { ADMIN, SDKAPPID, SECRET, type TestServer, sig, startServer } from "./helpers";

// The worked example of the protocol reference (§5).
const EXAMPLE = {
  sdkAppId: 1400000000,
  key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
  identifier: "administrator",
  time: 1700000000,
  expire: 15552000,
};
const EXAMPLE_SIG =
  "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCwCiZuamhrBRYsz05WslLycqyoS89ws-EJCIhJLTXK1jTIsy8vM0yO98ir9sotzDSpyDf1cI0KNzE1slWoBQr40pw__";

function decodeDoc(userSig: string): Record<string, unknown> {
  const base64 = userSig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
  return JSON.parse(inflateSync(Buffer.from(base64, "base64")).toString()) as Record<string, unknown>;
}

function encodeDoc(doc: Record<string, unknown>): string {
  return deflateSync(Buffer.from(JSON.stringify(doc)))
    .toString("base64")
    .replace(/\+/g, "*")
    .replace(/\//g, "-")
    .replace(/=/g, "_");
}

const verifyExample = (userSig: string, overrides: Partial<{ identifier: string; sdkAppId: number; key: string; now: number }> = {}) =>
  verifyUserSig({
    sig: userSig,
    sdkAppId: EXAMPLE.sdkAppId,
    key: EXAMPLE.key,
    identifier: EXAMPLE.identifier,
    now: EXAMPLE.time + 60,
    ...overrides,
  });

describe("UserSig v2", () => {
  it("reproduces the reference's worked example byte for byte", () => {
    const userSig = genUserSig(EXAMPLE);
    expect(userSig).toBe(EXAMPLE_SIG);
    expect(userSig).toHaveLength(192);
    expect(decodeDoc(userSig)["TLS.sig"]).toBe("JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274=");
    expect(verifyExample(EXAMPLE_SIG)).toMatchObject({ ok: true, identifier: "administrator", expiresAt: 1715552000 });
  });

  it("accepts the level-0 (stored) compression the Go library produces", () => {
    const stored = genUserSig({ ...EXAMPLE, level: 0 });
    expect(stored.startsWith("eAEBsQBO-3siVExT")).toBe(true);
    expect(stored).toHaveLength(252);
    expect(verifyExample(stored).ok).toBe(true);
  });

  it("accepts sigs made by the npm tls-sig-api-v2 package", () => {
    const api = new Api(SDKAPPID, SECRET);
    for (const user of ["administrator", "u_aiko_tanaka", "user0001"]) {
      const verdict = verifyUserSig({ sig: api.genUserSig(user, 600), sdkAppId: SDKAPPID, key: SECRET, identifier: user });
      expect(verdict.ok).toBe(true);
    }
    // PrivateMapKeys carry a userbuf that is part of the HMAC.
    const withUserbuf = api.genPrivateMapKey("u_room_user", 600, 1234, 255);
    expect(verifyUserSig({ sig: withUserbuf, sdkAppId: SDKAPPID, key: SECRET, identifier: "u_room_user" }).ok).toBe(true);
  });

  const refusals: [string, () => ReturnType<typeof verifyUserSig>, number][] = [
    ["expired", () => verifyExample(EXAMPLE_SIG, { now: 1715552001 }), 70001],
    ["empty", () => verifyExample(""), 70002],
    ["not base64/zlib", () => verifyExample("not-a-sig"), 70003],
    ["truncated", () => verifyExample(EXAMPLE_SIG.slice(0, 100)), 70003],
    ["signed with another key", () => verifyExample(EXAMPLE_SIG, { key: "another-key" }), 70009],
    ["tampered expiry", () => verifyExample(encodeDoc({ ...decodeDoc(EXAMPLE_SIG), "TLS.expire": 999999999 })), 70009],
    [
      "tampered identifier",
      () => verifyExample(encodeDoc({ ...decodeDoc(EXAMPLE_SIG), "TLS.identifier": "mallory" }), { identifier: "mallory" }),
      70009,
    ],
    ["someone else's identifier", () => verifyExample(EXAMPLE_SIG, { identifier: "mallory" }), 70013],
    ["another app's sig", () => verifyExample(EXAMPLE_SIG, { sdkAppId: 1400000001 }), 70014],
  ];
  it.each(refusals)("refuses a sig that is %s", (_name, run, code) => {
    const verdict = run();
    expect(verdict.ok).toBe(false);
    expect(verdict.ok === false && verdict.code).toBe(code);
  });

  it("refuses a deflate bomb with 70003 instead of inflating it, even when the bomb holds a validly signed doc", () => {
    // An attacker pads a captured sig's JSON with 16 MB of whitespace (still valid JSON, same HMAC): ~16 KB
    // on the wire. Inflating it whole would cost 16 MB of memory per request.
    const bomb = paddedSig(decodeDoc(EXAMPLE_SIG), 16 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(24 * 1024);
    const verdict = verifyExample(bomb);
    expect(verdict).toMatchObject({ ok: false, code: 70003 });
  });

  it("still accepts the same doc with a little padding, as a real sig never inflates past a few hundred bytes", () => {
    expect(verifyExample(paddedSig(decodeDoc(EXAMPLE_SIG), 1024)).ok).toBe(true);
  });
});

/** A sig whose JSON carries `padding` bytes of whitespace before its closing brace. */
function paddedSig(doc: Record<string, unknown>, padding: number): string {
  const json = JSON.stringify(doc);
  const padded = Buffer.concat([Buffer.from(json.slice(0, -1)), Buffer.alloc(padding, " "), Buffer.from("}")]);
  return deflateSync(padded, { level: 9 }).toString("base64").replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
}

describe("UserSig over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => string, string, number][] = [
    ["expired", () => sig(ADMIN, { time: now() - 7200, expire: 3600 }), ADMIN, 70001],
    ["tampered", () => encodeDoc({ ...decodeDoc(sig(ADMIN)), "TLS.expire": 99999999 }), ADMIN, 70009],
    ["signed with another key", () => sig(ADMIN, { key: "wrong" }), ADMIN, 70009],
    ["for someone else", () => sig("u_mallory"), ADMIN, 70013],
    ["for another app", () => sig(ADMIN, { sdkAppId: 1400000001 }), ADMIN, 70014],
    ["garbage", () => "%%%", ADMIN, 70003],
    // 4 MB of whitespace inside a valid admin sig: ~5 KB of query string.
    ["deflate bomb", () => paddedSig(decodeDoc(sig(ADMIN)), 4 * 1024 * 1024), ADMIN, 70003],
  ];
  it.each(cases)("refuses a %s sig and changes nothing", async (_name, makeSig, identifier, code) => {
    const res = await server.rest("im_open_login_svc/account_import", { UserID: "u_victim" }, { identifier, usersig: makeSig() });
    expect(res).toMatchObject({ ActionStatus: "FAIL", ErrorCode: code });
    const check = await server.rest("im_open_login_svc/account_check", { CheckItem: [{ UserID: "u_victim" }] });
    expect((check.ResultItem as { AccountStatus: string }[])[0].AccountStatus).toBe("NotImported");
  });

  it("accepts a tls-sig-api-v2 sig and a level-0 sig", async () => {
    const npmSig = new Api(SDKAPPID, SECRET).genUserSig(ADMIN, 600);
    expect((await server.rest("im_open_login_svc/account_check", { CheckItem: [{ UserID: "x" }] }, { usersig: npmSig })).ErrorCode).toBe(0);
    const stored = genUserSig({ sdkAppId: SDKAPPID, key: SECRET, identifier: ADMIN, expire: 600, level: 0 });
    expect((await server.rest("im_open_login_svc/account_check", { CheckItem: [{ UserID: "x" }] }, { usersig: stored })).ErrorCode).toBe(0);
  });
});
