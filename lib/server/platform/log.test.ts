import { afterEach, describe, expect, it, vi } from "vitest";
import { log, redact } from "./log";
import { NextRequest } from "next/server";
import { routeOf } from "@/lib/server/http/request-log";

afterEach(() => vi.restoreAllMocks());

describe("log", () => {
  it("writes one JSON object per line with time, level and message", () => {
    const out = vi.spyOn(console, "log").mockImplementation(() => undefined);
    log("info", "api request", { status: 200, route: "/api/groups" });
    const line = JSON.parse(String(out.mock.calls[0][0]));
    expect(line).toMatchObject({ level: "info", msg: "api request", status: 200, route: "/api/groups" });
    expect(new Date(line.time).toString()).not.toBe("Invalid Date");
  });

  it("never writes a UserSig or a secret, wherever it hides", () => {
    const url =
      "http://im.test/v4/group_open_http_svc/get_group_info?sdkappid=1&identifier=admin&usersig=eJyrVkrOL0pVslIqSs1LLFXSUUouLs4HcjKLS0qLEnNTlGoB&random=1";
    const out = redact({
      url,
      nested: { password: "hunter22", list: [url], authorization: "Bearer x" },
      error: new Error(`fetch ${url} failed`),
    });
    const text = JSON.stringify(out);
    expect(text).not.toContain("eJyr");
    expect(text).not.toContain("hunter22");
    expect(text).not.toContain("Bearer");
    expect(text).toContain("usersig=[redacted]");
    expect(text).toContain("sdkappid=1");
  });
});

describe("routeOf", () => {
  it("puts the parameter names in place of the values, encoded or not", () => {
    const path = (pathname: string) => ({ pathname, hash: "" });
    expect(routeOf(path("/api/groups/%40TGS%23_abc/members/u1"), { id: "@TGS#_abc", userId: "u1" })).toBe(
      "/api/groups/[id]/members/[userId]",
    );
    expect(routeOf(path("/api/groups/@TGS%23_abc"), { id: "@TGS#_abc" })).toBe("/api/groups/[id]");
    expect(routeOf(path("/api/groups"), {})).toBe("/api/groups");
  });

  it("maps a group ID whose # reached the server unencoded, which the URL parser took for a fragment's start", () => {
    const req = new NextRequest("http://console.test/api/groups/@TGS#ABC/members/u1");
    expect(req.nextUrl.pathname).toBe("/api/groups/@TGS");
    expect(routeOf(req.nextUrl, { id: "@TGS#ABC", userId: "u1" })).toBe("/api/groups/[id]/members/[userId]");
  });
});
