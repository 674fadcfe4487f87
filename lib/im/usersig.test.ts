import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { genUserSig } from "./usersig";

// The worked example of the protocol reference (§5): Tencent's npm generator with the clock pinned.
const EXAMPLE = {
  sdkAppId: 1400000000,
  secretKey: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
  identifier: "administrator",
  time: 1700000000,
  expireSeconds: 15552000,
};
const EXPECTED =
  "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCwCiZuamhrBRYsz05WslLycqyoS89ws-EJCIhJLTXK1jTIsy8vM0yO98ir9sotzDSpyDf1cI0KNzE1slWoBQr40pw__";

describe("UserSig v2", () => {
  it("matches the worked example byte for byte", () => {
    expect(genUserSig(EXAMPLE)).toBe(EXPECTED);
  });

  it("carries the documented fields and HMAC", () => {
    const raw = genUserSig(EXAMPLE).replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
    const doc = JSON.parse(inflateSync(Buffer.from(raw, "base64")).toString());
    expect(doc).toEqual({
      "TLS.ver": "2.0",
      "TLS.identifier": "administrator",
      "TLS.sdkappid": 1400000000,
      "TLS.time": 1700000000,
      "TLS.expire": 15552000,
      "TLS.sig": "JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274=",
    });
  });

  it("differs when any input differs", () => {
    const base = genUserSig(EXAMPLE);
    expect(genUserSig({ ...EXAMPLE, identifier: "someone_else" })).not.toBe(base);
    expect(genUserSig({ ...EXAMPLE, secretKey: "other" })).not.toBe(base);
    expect(genUserSig({ ...EXAMPLE, time: EXAMPLE.time + 1 })).not.toBe(base);
  });
});
