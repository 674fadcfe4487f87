import { afterEach, describe, expect, it, vi } from "vitest";
import { countWebhook, TALLY_EVERY_MS } from "./tally";

afterEach(() => vi.useRealTimers());

describe("the webhooks received, in one log line every so often", () => {
  it("counts a storm by command and writes one line for it, then starts afresh", () => {
    vi.useFakeTimers();
    const write = vi.fn();
    for (let i = 0; i < 300; i++) countWebhook("Group.CallbackAfterNewMemberJoin", write);
    for (let i = 0; i < 200; i++) countWebhook("Group.CallbackAfterSendMsg", write);
    countWebhook(null, write);
    expect(write).not.toHaveBeenCalled();

    vi.advanceTimersByTime(TALLY_EVERY_MS);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith("info", "webhooks received", {
      route: "/api/im/callback",
      seconds: 10,
      byCommand: { "Group.CallbackAfterNewMemberJoin": 300, "Group.CallbackAfterSendMsg": 200, other: 1 },
    });

    countWebhook("Group.CallbackAfterMemberExit", write);
    vi.advanceTimersByTime(TALLY_EVERY_MS);
    expect(write).toHaveBeenLastCalledWith("info", "webhooks received", {
      route: "/api/im/callback",
      seconds: 10,
      byCommand: { "Group.CallbackAfterMemberExit": 1 },
    });
  });

  it("writes nothing while no webhook comes", () => {
    vi.useFakeTimers();
    const write = vi.fn();
    vi.advanceTimersByTime(10 * TALLY_EVERY_MS);
    expect(write).not.toHaveBeenCalled();
  });
});
