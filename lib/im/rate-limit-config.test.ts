import { describe, expect, it } from "vitest";
import { rateLimitsFrom } from "./rate-limit-config";
import { windowOf } from "./rate-limiter";

describe("the rate budget from configuration", () => {
  it("is Tencent's when nothing is set: 1/s for the group listing, 200/s for the rest", () => {
    expect(rateLimitsFrom(undefined)).toEqual({ perCommand: { get_appid_group_list: 1 }, default: 200 });
    expect(rateLimitsFrom("")).toEqual({ perCommand: { get_appid_group_list: 1 }, default: 200 });
  });

  it("takes overrides per command and for the default", () => {
    expect(rateLimitsFrom("get_appid_group_list=2, default=300,add_group_member=100")).toEqual({
      perCommand: { get_appid_group_list: 2, add_group_member: 100 },
      default: 300,
    });
  });

  it("splits every budget between console instances", () => {
    expect(rateLimitsFrom(undefined, 2)).toEqual({ perCommand: { get_appid_group_list: 0.5 }, default: 100 });
    const three = rateLimitsFrom("default=200", 3);
    expect(windowOf(three.default)).toEqual({ limit: 66, windowMs: 1000 });
    expect(windowOf(three.perCommand.get_appid_group_list)).toEqual({ limit: 1, windowMs: 3000 });
  });

  it.each([["get_appid_group_list"], ["default=0"], ["default=-1"], ["list=fast"], ["a b=1"]])("refuses %j", (spec) => {
    expect(() => rateLimitsFrom(spec)).toThrow(/IM_RATE_LIMITS/);
  });

  it("refuses a number of instances that is not a whole number of at least 1", () => {
    expect(() => rateLimitsFrom(undefined, 0)).toThrow(/CONSOLE_INSTANCES/);
    expect(() => rateLimitsFrom(undefined, 1.5)).toThrow(/CONSOLE_INSTANCES/);
  });
});
