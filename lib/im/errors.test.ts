import { describe, expect, it } from "vitest";
import { IM_DROPPED, IM_SERVER_DOWN, IM_TIMEOUT, IM_UNREACHABLE, ImError } from "./errors";

describe("ImError", () => {
  it("is recognised across bundled copies of the class (the brand, not the prototype, decides)", async () => {
    const err = new ImError(10021, "taken", "group_open_http_svc/create_group");
    const copy = Object.assign(new Error("copy"), { [Symbol.for("group-console.ImError")]: true });
    expect(err instanceof ImError).toBe(true);
    expect(copy instanceof ImError).toBe(true);
    expect(new Error("plain") instanceof ImError).toBe(false);
    expect((null as unknown) instanceof ImError).toBe(false);
  });

  it("classifies transport faults, frequency limits and signature refusals", () => {
    expect(new ImError(-1, "", "x").unavailable).toBe(true);
    expect(new ImError(60007, "", "x").rateLimited).toBe(true);
    expect(new ImError(70001, "", "x").badSignature).toBe(true);
    expect(new ImError(10010, "", "x").unavailable || new ImError(10010, "", "x").rateLimited).toBe(false);
  });

  it("tells a request that never left (connection refused) from one whose outcome is unknown (timeout, dropped, proxy 5xx)", () => {
    expect([IM_UNREACHABLE, IM_TIMEOUT, IM_DROPPED, IM_SERVER_DOWN].map((code) => new ImError(code, "", "x").unavailable)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([IM_UNREACHABLE, IM_TIMEOUT, IM_DROPPED, IM_SERVER_DOWN].map((code) => new ImError(code, "", "x").outcomeUnknown)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(new ImError(10014, "full", "x").outcomeUnknown).toBe(false);
  });
});
