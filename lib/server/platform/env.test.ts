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

describe("outbound alerts", () => {
  it("are off unless ALERT_WEBHOOK_URL is set, and then default to JSON, 60 minutes and 30 a minute", () => {
    expect(load({}).alerts).toBeNull();
    expect(load({ ALERT_WEBHOOK_URL: "" }).alerts).toBeNull();
    expect(load({ ALERT_WEBHOOK_URL: "https://hooks.example.com/console" }).alerts).toEqual({
      url: "https://hooks.example.com/console",
      format: "json",
      secret: null,
      staleMinutes: 60,
      burstPerMinute: 30,
    });
    expect(
      load({
        ALERT_WEBHOOK_URL: "http://10.0.0.5:8080/alerts",
        ALERT_WEBHOOK_FORMAT: "slack",
        ALERT_WEBHOOK_SECRET: "shared",
        ALERT_STALE_MINUTES: "15",
        ALERT_BURST_PER_MINUTE: "100",
      }).alerts,
    ).toMatchObject({ format: "slack", secret: "shared", staleMinutes: 15, burstPerMinute: 100 });
  });

  it("refuse to start with a URL that is not http(s), naming the variable and not echoing the URL", () => {
    for (const url of ["ftp://hooks.example.com/x", "hooks.example.com/x", "file:///etc/passwd", "javascript:alert(1)"]) {
      const message = problems({ ALERT_WEBHOOK_URL: url });
      expect(message, url).toMatch(/ALERT_WEBHOOK_URL: must be an http:\/\/ or https:\/\/ URL/);
      expect(message, url).not.toContain(url);
    }
  });

  it("refuse a format, a wait or a rate they do not know", () => {
    const url = { ALERT_WEBHOOK_URL: "https://hooks.example.com/x" };
    expect(problems({ ...url, ALERT_WEBHOOK_FORMAT: "teams" })).toMatch(/ALERT_WEBHOOK_FORMAT/);
    expect(problems({ ...url, ALERT_STALE_MINUTES: "0" })).toMatch(/ALERT_STALE_MINUTES/);
    expect(problems({ ...url, ALERT_STALE_MINUTES: "1.5" })).toMatch(/ALERT_STALE_MINUTES/);
    expect(problems({ ...url, ALERT_BURST_PER_MINUTE: "-3" })).toMatch(/ALERT_BURST_PER_MINUTE/);
    expect(problems({ ...url, ALERT_BURST_PER_MINUTE: "1000000" })).toMatch(/ALERT_BURST_PER_MINUTE/);
  });
});
