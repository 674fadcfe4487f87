import { describe, expect, it } from "vitest";
import { callbackSign, verifyCallback } from "./callback-auth";

const TOKEN = "xxxxyyyy";
const TIME = 1669872112;
const config = { sdkAppId: 1400000000, token: TOKEN };

const query = (over: Record<string, string | undefined> = {}) => {
  const base: Record<string, string | undefined> = {
    SdkAppid: "1400000000",
    CallbackCommand: "Group.CallbackAfterCreateGroup",
    RequestTime: String(TIME),
    Sign: callbackSign(TOKEN, TIME),
    ...over,
  };
  return new URLSearchParams(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
};

describe("the webhook Sign", () => {
  it("matches the reference's test vector", () => {
    expect(callbackSign("xxxxyyyy", "1669872112")).toBe("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061");
  });

  it("accepts a correct Sign within the window, in either hex case", () => {
    expect(verifyCallback(query(), config, TIME + 10)).toEqual({ ok: true });
    expect(verifyCallback(query({ Sign: callbackSign(TOKEN, TIME).toUpperCase() }), config, TIME)).toEqual({ ok: true });
  });

  it.each([
    ["a wrong Sign", { Sign: callbackSign("another-token", TIME) }],
    ["a truncated Sign", { Sign: callbackSign(TOKEN, TIME).slice(0, 10) }],
    ["no Sign", { Sign: undefined }],
    ["no RequestTime", { RequestTime: undefined }],
    ["a RequestTime that is not a number", { RequestTime: "soon", Sign: callbackSign(TOKEN, "soon") }],
    ["a RequestTime other than the signed one", { RequestTime: String(TIME + 1) }],
  ])("refuses %s with 401", (_, over) => {
    expect(verifyCallback(query(over), config, TIME)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a correctly signed request more than 5 minutes old or ahead (replay)", () => {
    expect(verifyCallback(query(), config, TIME + 300)).toEqual({ ok: true });
    expect(verifyCallback(query(), config, TIME + 301)).toMatchObject({ ok: false, status: 401 });
    expect(verifyCallback(query(), config, TIME - 301)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses another app's SdkAppid with 403, signed or not", () => {
    expect(verifyCallback(query({ SdkAppid: "1400000001" }), config, TIME)).toMatchObject({ ok: false, status: 403 });
    expect(verifyCallback(query({ SdkAppid: undefined }), config, TIME)).toMatchObject({ ok: false, status: 403 });
    expect(verifyCallback(query({ SdkAppid: "1400000001", Sign: undefined }), { sdkAppId: 1400000000 }, TIME)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it("checks only the SdkAppid when no token is configured", () => {
    expect(verifyCallback(query({ Sign: undefined, RequestTime: undefined }), { sdkAppId: 1400000000 }, TIME)).toEqual({ ok: true });
  });
});
