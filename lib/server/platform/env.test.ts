import { describe, expect, it } from "vitest";
import { EnvError, getEnv } from "./env";

// An external IM server, so nothing is read from a secrets file.
const base = {
  IM_BASE_URL: "https://adminapisgp.im.qcloud.com",
  IM_SECRET_KEY: "k".repeat(32),
  NEXTAUTH_SECRET: "s".repeat(32),
  IM_CALLBACK_TOKEN: "t".repeat(24),
};
const load = (extra: Record<string, string>) => getEnv({ ...base, ...extra } as unknown as NodeJS.ProcessEnv);
const problems = (extra: Record<string, string>) => {
  try {
    load(extra);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as Error).message;
  }
  throw new Error("expected the configuration to be refused");
};

describe("configuration for Tencent Cloud Chat and several instances", () => {
  it("rate limits are Tencent's, split between the instances", () => {
    expect(load({}).im.rateLimits).toEqual({ perCommand: { get_appid_group_list: 1 }, default: 200 });
    expect(load({ CONSOLE_INSTANCES: "4", IM_RATE_LIMITS: "default=400" }).im.rateLimits).toEqual({
      perCommand: { get_appid_group_list: 0.25 },
      default: 100,
    });
    expect(problems({ IM_RATE_LIMITS: "default=lots" })).toMatch(/IM_RATE_LIMITS/);
    expect(problems({ CONSOLE_INSTANCES: "0" })).toMatch(/CONSOLE_INSTANCES/);
  });

  it("single sign-on is off unless configured, and then needs all of its parts", () => {
    expect(load({}).oidc).toBeNull();
    const oidc = load({
      OIDC_ISSUER: "https://idp.example.com/realms/x/",
      OIDC_CLIENT_ID: "console",
      OIDC_CLIENT_SECRET: "secret",
      OIDC_ROLES: "*@example.com=viewer",
    }).oidc;
    expect(oidc).toMatchObject({ issuer: "https://idp.example.com/realms/x", clientId: "console", name: "SSO" });
    const missing = problems({ OIDC_ISSUER: "https://idp.example.com" });
    expect(missing).toMatch(/OIDC_CLIENT_ID/);
    expect(missing).toMatch(/OIDC_CLIENT_SECRET/);
    expect(missing).toMatch(/OIDC_ROLES/);
  });
});

describe("configuration that keeps strangers out", () => {
  it("an external IM server needs a webhook token: without one, anyone could post webhooks", () => {
    expect(problems({ IM_CALLBACK_TOKEN: "" })).toMatch(/IM_CALLBACK_TOKEN: required when IM_BASE_URL is set/);
  });

  it("listens on loopback unless HOST says otherwise, and believes no proxy unless TRUST_PROXY says how many", () => {
    expect(load({})).toMatchObject({ host: "127.0.0.1", trustProxy: 0 });
    expect(load({ HOST: "0.0.0.0", TRUST_PROXY: "2" })).toMatchObject({ host: "0.0.0.0", trustProxy: 2 });
    expect(problems({ TRUST_PROXY: "-1" })).toMatch(/TRUST_PROXY/);
  });

  it("loads faces from no host unless FACE_HOSTS lists them, as host names", () => {
    expect(load({}).faceHosts).toEqual([]);
    expect(load({ FACE_HOSTS: "Images.Example.com, *.cdn.example.net" }).faceHosts).toEqual(["images.example.com", "*.cdn.example.net"]);
    expect(problems({ FACE_HOSTS: "https://images.example.com" })).toMatch(/FACE_HOSTS/);
    expect(problems({ FACE_HOSTS: "images.example.com/faces" })).toMatch(/FACE_HOSTS/);
  });

  it("CONSOLE_ADMIN_PASSWORD follows the rules of every other password: 10 characters, 72 bytes", () => {
    expect(load({ CONSOLE_ADMIN_PASSWORD: "ten-chars!" }).admin.password).toBe("ten-chars!");
    expect(problems({ CONSOLE_ADMIN_PASSWORD: "nine-char" })).toMatch(/CONSOLE_ADMIN_PASSWORD: Password must be at least 10 characters/);
    expect(problems({ CONSOLE_ADMIN_PASSWORD: "漢".repeat(25) })).toMatch(/CONSOLE_ADMIN_PASSWORD: Password must be at most 72 bytes/);
  });
});
