import { describe, expect, it } from "vitest";
import { EnvError, getEnv } from "./env";

// An external IM server, so nothing is read from a secrets file.
const base = { IM_BASE_URL: "https://adminapisgp.im.qcloud.com", IM_SECRET_KEY: "k".repeat(32), NEXTAUTH_SECRET: "s".repeat(32) };
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
    expect(load({ CONSOLE_INSTANCES: "4", IM_RATE_LIMITS: "default=400" }).im.rateLimits).toEqual({ perCommand: { get_appid_group_list: 0.25 }, default: 100 });
    expect(problems({ IM_RATE_LIMITS: "default=lots" })).toMatch(/IM_RATE_LIMITS/);
    expect(problems({ CONSOLE_INSTANCES: "0" })).toMatch(/CONSOLE_INSTANCES/);
  });

  it("single sign-on is off unless configured, and then needs all of its parts", () => {
    expect(load({}).oidc).toBeNull();
    const oidc = load({ OIDC_ISSUER: "https://idp.example.com/realms/x/", OIDC_CLIENT_ID: "console", OIDC_CLIENT_SECRET: "secret", OIDC_ROLES: "*@example.com=viewer" }).oidc;
    expect(oidc).toMatchObject({ issuer: "https://idp.example.com/realms/x", clientId: "console", name: "SSO" });
    const missing = problems({ OIDC_ISSUER: "https://idp.example.com" });
    expect(missing).toMatch(/OIDC_CLIENT_ID/);
    expect(missing).toMatch(/OIDC_CLIENT_SECRET/);
    expect(missing).toMatch(/OIDC_ROLES/);
  });
});
